// What clients see of errors: catalogue errors keep their code; anything unexpected is logged and masked.
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { AppError, ErrorCode, QuotaExceededError, ValidationError } from "../domain/kernel/errors.js";

export function createMaskError(log: Logger) {
  return (error: unknown, message: string): Error => {
    const graphQLError = error instanceof GraphQLError ? error : undefined;
    // graphql-js and yoga may each wrap the thrown error: look through every layer.
    let original: unknown = error;
    while (original instanceof GraphQLError && original.originalError) original = original.originalError;
    if (original instanceof AppError) {
      return new GraphQLError(original.message, {
        nodes: graphQLError?.nodes,
        path: graphQLError?.path,
        extensions: {
          code: original.code,
          ...(original instanceof ValidationError ? { issues: original.issues } : {}),
          ...(original.code === ErrorCode.UNAUTHENTICATED ? { http: { status: 401 } } : {}),
          ...(original instanceof QuotaExceededError
            ? {
                retryAfter: original.retryAfterSeconds,
                http: { status: 429, headers: { "Retry-After": String(original.retryAfterSeconds) } },
              }
            : {}),
        },
      });
    }
    // Errors graphql-js or yoga produced themselves (parse, validation, variables) are safe to show.
    if (original instanceof GraphQLError) return graphQLError ?? original;
    log.error({ err: original, path: graphQLError?.path }, "unexpected error");
    return new GraphQLError(message, {
      nodes: graphQLError?.nodes,
      path: graphQLError?.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  };
}
