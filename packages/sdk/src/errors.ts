import type { GraphQLFormattedError } from "graphql";
import { ERROR_TYPENAMES, type ErrorCode, type ErrorTypename } from "./generated.js";

/** Codes the client itself uses when there is no GraphQL answer to read a code from (the last five: closed subscription sockets). */
export type TransportErrorCode =
  | "NETWORK_ERROR"
  | "HTTP_ERROR"
  | "BAD_REQUEST"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "TIMEOUT"
  | "TOO_MANY_REQUESTS";

/**
 * Why a call failed: the server's `extensions.code` (one of the schema's ErrorCode values), or a transport code.
 * Open-ended, so a code a newer server adds does not break older clients.
 */
export type PartnergraphErrorCode = ErrorCode | TransportErrorCode | (string & {});

/** Thrown for GraphQL errors, HTTP failures and closed subscriptions. Typed mutation failures are results, not throws. */
export class PartnergraphError extends Error {
  override name = "PartnergraphError";
  /** The server's error code, or NETWORK_ERROR / HTTP_ERROR for transport failures. */
  readonly code: PartnergraphErrorCode;
  /** HTTP status, when the failure came over HTTP. */
  readonly status: number | undefined;
  /** Field path of the first error. */
  readonly path: readonly (string | number)[] | undefined;
  /** Seconds to wait before retrying (QUOTA_EXCEEDED). */
  readonly retryAfter: number | undefined;
  /** Every error the server returned. */
  readonly errors: readonly GraphQLFormattedError[];

  constructor(
    message: string,
    init: { code: PartnergraphErrorCode; status?: number; errors?: readonly GraphQLFormattedError[]; cause?: unknown },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.errors = init.errors ?? [];
    const first = this.errors[0];
    this.path = first?.path;
    const retryAfter = first?.extensions?.retryAfter;
    this.retryAfter = typeof retryAfter === "number" ? retryAfter : undefined;
  }

  /** From a GraphQL `errors` array: the first error's message, path and `extensions.code`. */
  static fromGraphQL(errors: readonly GraphQLFormattedError[], status?: number): PartnergraphError {
    const first = errors[0];
    const code = typeof first?.extensions?.code === "string" ? first.extensions.code : "INTERNAL_SERVER_ERROR";
    return new PartnergraphError(first?.message ?? "GraphQL error", {
      code,
      errors,
      ...(status === undefined ? {} : { status }),
    });
  }
}

const errorTypenames: ReadonlySet<string> = new Set(ERROR_TYPENAMES);

/**
 * Narrows a mutation result to its typed failure (ValidationError, ConflictError, NotFoundError, ...):
 * `if (isError(r)) console.log(r.code, r.message); else r.partner`.
 */
export function isError<T extends { __typename: string }>(
  result: T,
): result is Extract<T, { __typename: ErrorTypename }> {
  return errorTypenames.has(result.__typename);
}
