// What clients see of errors: each code's HTTP status (from the kernel's error catalogue, with Retry-After for
// a spent budget or an unavailable service) that every route answers with, and GraphQL's masking, where
// catalogue errors keep their code and anything unexpected is logged and hidden.
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import type { Logger } from "pino";
import { ERROR_CATALOGUE } from "../domain/kernel/error-catalogue.js";
import {
  AppError,
  ErrorCode,
  RetryLaterError,
  ValidationError,
  type ValidationIssue,
} from "../domain/kernel/errors.js";
import { unavailableError } from "./unavailable.js";

/** How a catalogue error answers over HTTP: its status, and when to retry (a spent budget, an unavailable service). */
export interface HttpFailure {
  status: number;
  headers?: Record<string, string>;
}

/** The status a code answers with, for a route that reports one failure as another (see receipt-points). */
export function httpStatus(code: ErrorCode): number {
  return ERROR_CATALOGUE[code].status;
}

export function httpFailure(error: AppError): HttpFailure {
  const status = ERROR_CATALOGUE[error.code].status;
  return error instanceof RetryLaterError
    ? { status, headers: { "Retry-After": String(error.retryAfterSeconds) } }
    : { status };
}

/**
 * A failure as the catalogue error a client sees: catalogue errors as they are, an unavailable database or Redis
 * as SERVICE_UNAVAILABLE; undefined for anything else (a bug, to be logged and masked).
 */
export function clientError(error: unknown): AppError | undefined {
  return error instanceof AppError ? error : unavailableError(error);
}

/**
 * The codes whose status a GraphQL response takes: 401 tells a client to authenticate, 429 and 503 to back off,
 * 413 to send less, whichever field (or the request itself) met them. Any other failure is one field's result inside a 200 response (GraphQL over
 * HTTP), so the rest of the document's data still counts.
 */
const GRAPHQL_STATUS_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.QUOTA_EXCEEDED,
  ErrorCode.PAYLOAD_TOO_LARGE,
  ErrorCode.SERVICE_UNAVAILABLE,
]);

export function createMaskError(log: Logger) {
  return (error: unknown, message: string): Error => {
    const graphQLError = error instanceof GraphQLError ? error : undefined;
    // graphql-js and yoga may each wrap the thrown error: look through every layer.
    let original: unknown = error;
    while (original instanceof GraphQLError && original.originalError) original = original.originalError;
    const known = clientError(original);
    if (known) {
      if (known !== original) log.warn({ reason: String(original), path: graphQLError?.path }, "service unavailable");
      return new GraphQLError(known.message, {
        nodes: graphQLError?.nodes,
        path: graphQLError?.path,
        extensions: {
          code: known.code,
          ...(known instanceof ValidationError ? { issues: known.issues } : {}),
          ...(known instanceof RetryLaterError ? { retryAfter: known.retryAfterSeconds } : {}),
          // Yoga turns `http` into the response's status and headers (leaving it out of an HTTP body; a
          // WebSocket message carries it as it is).
          ...(GRAPHQL_STATUS_CODES.has(known.code) ? { http: httpFailure(known) } : {}),
        },
      });
    }
    // Errors graphql-js, yoga, graphql-armor or Pothos produced themselves are safe to show, with a code.
    if (original instanceof GraphQLError) return withCode(graphQLError ?? original, original);
    log.error({ err: original, path: graphQLError?.path }, "unexpected error");
    return new GraphQLError(message, {
      nodes: graphQLError?.nodes,
      path: graphQLError?.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    });
  };
}

/**
 * A GraphQL error the stack raised itself, with a catalogue code when it came without one: graphql-js's variable
 * coercion and Pothos' argument errors (cursors, page sizes, ids) are VALIDATION_FAILED with the offending
 * path in `issues`; graphql-armor's parser limits (directives) read "Syntax Error" and are GRAPHQL_PARSE_FAILED;
 * anything else is a document the schema refuses. Yoga's own codes (GRAPHQL_PARSE_FAILED,
 * GRAPHQL_VALIDATION_FAILED, OPERATION_RESOLUTION_FAILURE) are in the catalogue and kept.
 */
function withCode(error: GraphQLError, original: GraphQLError): GraphQLError {
  if (typeof error.extensions.code === "string") return error;
  const variable = /^Variable "\$(\w+)"(?: got invalid value .*? at "([^"]+)")?/s.exec(error.message);
  const issues: ValidationIssue[] | null = variable
    ? [{ path: variable[2] ?? variable[1]!, message: error.message }]
    : original instanceof PothosValidationError
      ? [{ path: error.path?.filter((p) => typeof p === "string").join(".") ?? "", message: error.message }]
      : null;
  const code = issues
    ? ErrorCode.VALIDATION_FAILED
    : error.message.startsWith("Syntax Error")
      ? ErrorCode.GRAPHQL_PARSE_FAILED
      : ErrorCode.GRAPHQL_VALIDATION_FAILED;
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: error.originalError,
    extensions: { ...error.extensions, code, ...(issues && { issues }) },
  });
}
