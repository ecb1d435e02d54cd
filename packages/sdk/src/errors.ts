import type { GraphQLFormattedError } from "graphql";

/** Why a call failed: the server's `extensions.code` (e.g. UNAUTHENTICATED, PARTNER_NOT_FOUND), or a transport code. */
export type ErrorCode = string;

/** Thrown for GraphQL errors, HTTP failures and closed subscriptions. Typed mutation failures are results, not throws. */
export class PartnergraphError extends Error {
  override name = "PartnergraphError";
  /** The server's error code, or NETWORK_ERROR / HTTP_ERROR for transport failures. */
  readonly code: ErrorCode;
  /** HTTP status, when the failure came over HTTP. */
  readonly status: number | undefined;
  /** Field path of the first error. */
  readonly path: readonly (string | number)[] | undefined;
  /** Seconds to wait before retrying (QUOTA_EXCEEDED). */
  readonly retryAfter: number | undefined;
  /** Every error the server returned. */
  readonly errors: readonly GraphQLFormattedError[];

  constructor(message: string, init: { code: ErrorCode; status?: number; errors?: readonly GraphQLFormattedError[]; cause?: unknown }) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.status = init.status;
    this.errors = init.errors ?? [];
    const first = this.errors[0];
    this.path = first?.path;
    const retryAfter = first?.extensions?.retryAfter;
    this.retryAfter = typeof retryAfter === "number" ? retryAfter : undefined;
  }

  static fromGraphQL(errors: readonly GraphQLFormattedError[], status?: number): PartnergraphError {
    const first = errors[0];
    const code = typeof first?.extensions?.code === "string" ? first.extensions.code : "INTERNAL_SERVER_ERROR";
    return new PartnergraphError(first?.message ?? "GraphQL error", { code, errors, ...(status === undefined ? {} : { status }) });
  }
}

/** Narrows a mutation result to its typed failure (ValidationError, ConflictError, NotFoundError, ...). */
export function isError<T extends { __typename: string }>(result: T): result is Extract<T, { code: unknown; message: string }> {
  return "code" in result && "message" in result;
}
