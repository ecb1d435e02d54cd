import type { GraphQLFormattedError } from "graphql";
import { ERROR_CODES, ERROR_TYPENAMES, type ErrorTypename, type ServerErrorCode } from "./generated.js";

/**
 * Codes the SDK sets itself, when there is no catalogue code from the server to read:
 * - `NETWORK_ERROR`: the server could not be reached (fetch failed, or a subscription socket dropped for good);
 * - `BAD_RESPONSE`: an answer that is not a GraphQL response (a proxy's HTML page, an empty body);
 * - `ABORTED`: the request's `signal` aborted it;
 * - `WEBSOCKET_UNAVAILABLE`: a subscription without a WebSocket (Node 20: pass `webSocketImpl`, e.g. the `ws` package);
 * - `BAD_REQUEST`: the server refused the document or its variables (HTTP 400 without a code, socket 4400),
 *   or the SDK was called with something it cannot send;
 * - `TIMEOUT`, `TOO_MANY_REQUESTS`: a subscription socket closed with 4408 or 4429;
 * - `UNKNOWN_ERROR`: the server sent a code this SDK version does not know (see `errors` for the original).
 */
export const TRANSPORT_ERROR_CODES = [
  "NETWORK_ERROR",
  "BAD_RESPONSE",
  "ABORTED",
  "WEBSOCKET_UNAVAILABLE",
  "BAD_REQUEST",
  "TIMEOUT",
  "TOO_MANY_REQUESTS",
  "UNKNOWN_ERROR",
] as const;
export type TransportErrorCode = (typeof TRANSPORT_ERROR_CODES)[number];

/** Why a call failed: the server's `extensions.code` (the schema's `enum ErrorCode`), or a transport code. Closed. */
export type PartnergraphErrorCode = ServerErrorCode | TransportErrorCode;

export interface PartnergraphErrorInit {
  code: PartnergraphErrorCode;
  status?: number | undefined;
  errors?: readonly GraphQLFormattedError[] | undefined;
  /** Seconds, from `extensions.retryAfter` or the `Retry-After` header. */
  retryAfter?: number | undefined;
  requestId?: string | undefined;
  cause?: unknown;
}

/** Thrown for GraphQL errors, HTTP failures and closed subscriptions. Typed mutation failures are results, not throws. */
export class PartnergraphError extends Error {
  override name = "PartnergraphError";
  /** The server's error code, or a transport code (NETWORK_ERROR, BAD_RESPONSE, ...). */
  readonly code: PartnergraphErrorCode;
  /** HTTP status, when the failure came over HTTP. */
  readonly status: number | undefined;
  /** Field path of the first error. */
  readonly path: readonly (string | number)[] | undefined;
  /** Seconds to wait before retrying (QUOTA_EXCEEDED). */
  readonly retryAfter: number | undefined;
  /** The server's `x-request-id` for this request, to quote when asking for help. */
  readonly requestId: string | undefined;
  /** Every error the server returned. */
  readonly errors: readonly GraphQLFormattedError[];

  constructor(message: string, init: PartnergraphErrorInit) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.errors = init.errors ?? [];
    const first = this.errors[0];
    this.path = first?.path;
    const retryAfter = first?.extensions?.retryAfter;
    this.retryAfter = typeof retryAfter === "number" ? retryAfter : init.retryAfter;
  }

  /** From a GraphQL `errors` array: the first error's message, path and `extensions.code`. */
  static fromGraphQL(
    errors: readonly GraphQLFormattedError[],
    init: Omit<PartnergraphErrorInit, "code" | "errors"> = {},
  ): PartnergraphError {
    const first = errors[0];
    return new PartnergraphError(first?.message ?? "GraphQL error", {
      ...init,
      code: codeOf(first?.extensions?.code, init.status),
      errors,
    });
  }
}

let known: ReadonlySet<string> | undefined;

/** A server's `extensions.code` as a PartnergraphErrorCode: unknown codes become UNKNOWN_ERROR. */
function codeOf(code: unknown, status: number | undefined): PartnergraphErrorCode {
  // graphql-js' own errors (e.g. a missing variable, HTTP 400) carry no code.
  if (code === undefined) return status === 400 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR";
  known ??= new Set<string>([...ERROR_CODES, ...TRANSPORT_ERROR_CODES]);
  return typeof code === "string" && known.has(code) ? (code as PartnergraphErrorCode) : "UNKNOWN_ERROR";
}

let errorTypenames: ReadonlySet<string> | undefined;

/**
 * Narrows a mutation result to its typed failure (ValidationError, ConflictError, NotFoundError, ...):
 * `if (isError(r)) console.log(r.code, r.message); else r.partner`.
 */
export function isError<T extends { __typename: string }>(
  result: T,
): result is Extract<T, { __typename: ErrorTypename }> {
  errorTypenames ??= new Set(ERROR_TYPENAMES);
  return errorTypenames.has(result.__typename);
}
