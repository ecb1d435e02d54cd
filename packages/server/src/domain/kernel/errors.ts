// The error catalogue: every failure a client can act on has a stable code. Anything else is a bug and is
// masked as INTERNAL_SERVER_ERROR before it leaves the server.
import type { PointsErrorReason } from "@partnergraph/points";
import type { CommissionStatus } from "../../generated/prisma/client.js";

export const ErrorCode = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  INSUFFICIENT_PARTNER_PERMISSIONS: "INSUFFICIENT_PARTNER_PERMISSIONS",
  PARTNER_NOT_FOUND: "PARTNER_NOT_FOUND",
  INVALID_LOGIN_CODE: "INVALID_LOGIN_CODE",
  QUOTA_EXCEEDED: "QUOTA_EXCEEDED",
  PAYLOAD_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  INSUFFICIENT_POINTS: "INSUFFICIENT_POINTS",
  VALIDATION_FAILED: "VALIDATION_FAILED",
  CONFLICT: "CONFLICT",
  NOT_CONFIGURED: "NOT_CONFIGURED",
  /** The server has no way to send mail (production without SMTP_URL), so it issues no login codes. */
  MAIL_NOT_CONFIGURED: "MAIL_NOT_CONFIGURED",
  COMMISSION_LOCKED: "COMMISSION_LOCKED",
  INVALID_TRANSITION: "INVALID_TRANSITION",
  QUERY_TOO_COMPLEX: "QUERY_TOO_COMPLEX",
  SUBSCRIBER_TOO_SLOW: "SUBSCRIBER_TOO_SLOW",
  STORE_ACCESS_DENIED: "STORE_ACCESS_DENIED",
  QR_INVALID: "QR_INVALID",
  QR_EXPIRED: "QR_EXPIRED",
  QR_ALREADY_USED: "QR_ALREADY_USED",
  DAILY_LIMIT_REACHED: "DAILY_LIMIT_REACHED",
  PLAY_LIMIT_REACHED: "PLAY_LIMIT_REACHED",
  GAME_UNAVAILABLE: "GAME_UNAVAILABLE",
  OUT_OF_STOCK: "OUT_OF_STOCK",
  REWARD_UNAVAILABLE: "REWARD_UNAVAILABLE",
  CARD_INACTIVE: "CARD_INACTIVE",
  CARD_FULL: "CARD_FULL",
  COUPON_EXPIRED: "COUPON_EXPIRED",
  COUPON_ALREADY_USED: "COUPON_ALREADY_USED",
  COUPON_CANCELLED: "COUPON_CANCELLED",
  /** The document is not GraphQL, or breaks a parsing limit (tokens, directives). */
  GRAPHQL_PARSE_FAILED: "GRAPHQL_PARSE_FAILED",
  /** The document does not fit the schema, or breaks a validation limit (aliases). */
  GRAPHQL_VALIDATION_FAILED: "GRAPHQL_VALIDATION_FAILED",
  /** The request names no operation of its document (several operations and no or a wrong operationName). */
  OPERATION_RESOLUTION_FAILURE: "OPERATION_RESOLUTION_FAILURE",
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ValidationIssue {
  /** Dotted path of the offending input field, e.g. `costPerPoint`. */
  path: string;
  message: string;
}

export class ValidationError extends AppError {
  override name = "ValidationError";
  constructor(readonly issues: ValidationIssue[]) {
    super(ErrorCode.VALIDATION_FAILED, issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "));
  }
}

export class ConflictError extends AppError {
  override name = "ConflictError";
  constructor(
    message: string,
    /** The input field whose value collides, when one does. */
    readonly path: string | null = null,
  ) {
    super(ErrorCode.CONFLICT, message);
  }
}

export class NotFoundError extends AppError {
  override name = "NotFoundError";
  constructor(
    code: typeof ErrorCode.NOT_FOUND | typeof ErrorCode.PARTNER_NOT_FOUND = ErrorCode.NOT_FOUND,
    message = "Not found",
  ) {
    super(code, message);
  }
}

export class AuthError extends AppError {
  override name = "AuthError";
  constructor(
    code:
      | typeof ErrorCode.UNAUTHENTICATED
      | typeof ErrorCode.FORBIDDEN
      | typeof ErrorCode.INSUFFICIENT_PARTNER_PERMISSIONS
      | typeof ErrorCode.STORE_ACCESS_DENIED,
    message: string,
  ) {
    super(code, message);
  }
}

/** A refusal that the same request may get past later: `retryAfterSeconds` says when to try again. */
export abstract class RetryLaterError extends AppError {
  constructor(
    code: typeof ErrorCode.QUOTA_EXCEEDED | typeof ErrorCode.SERVICE_UNAVAILABLE,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

/** Too many requests for this credential (or email). */
export class QuotaExceededError extends RetryLaterError {
  override name = "QuotaExceededError";
  constructor(message: string, retryAfterSeconds: number) {
    super(ErrorCode.QUOTA_EXCEEDED, message, retryAfterSeconds);
  }
}

/** The database (or another service the request needs) did not answer in time or refused the connection. */
export class ServiceUnavailableError extends RetryLaterError {
  override name = "ServiceUnavailableError";
  constructor(retryAfterSeconds: number) {
    super(
      ErrorCode.SERVICE_UNAVAILABLE,
      "The service is temporarily unavailable; retry after the Retry-After interval",
      retryAfterSeconds,
    );
  }
}

/** A request body (or upload) larger than its limit; refused while it streams in, before it is read whole. */
export class PayloadTooLargeError extends AppError {
  override name = "PayloadTooLargeError";
  constructor(readonly limitBytes: number) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, `The request body is larger than ${limitBytes} bytes`);
  }
}

/** A write would take a member's balance below zero where the program does not allow it. */
export class InsufficientPointsError extends AppError {
  override name = "InsufficientPointsError";
  constructor(
    readonly balance: number,
    readonly requested: number,
  ) {
    super(ErrorCode.INSUFFICIENT_POINTS, `The balance is ${balance} points; ${requested} requested`);
  }
}

/** A subscriber fell so far behind its events that its bounded queue overflowed; the subscription ends. */
export class SubscriberTooSlowError extends AppError {
  override name = "SubscriberTooSlowError";
  constructor(limit: number) {
    super(
      ErrorCode.SUBSCRIBER_TOO_SLOW,
      `More than ${limit} events were waiting to be sent; the subscription was ended. Resubscribe and reconcile with a query.`,
    );
  }
}

/** Codes a loyalty rule refuses with (QR, limits, stock, coupons, cards); all are typed results. */
export type LoyaltyRuleCode =
  | typeof ErrorCode.QR_INVALID
  | typeof ErrorCode.QR_EXPIRED
  | typeof ErrorCode.QR_ALREADY_USED
  | typeof ErrorCode.DAILY_LIMIT_REACHED
  | typeof ErrorCode.PLAY_LIMIT_REACHED
  | typeof ErrorCode.GAME_UNAVAILABLE
  | typeof ErrorCode.OUT_OF_STOCK
  | typeof ErrorCode.REWARD_UNAVAILABLE
  | typeof ErrorCode.CARD_INACTIVE
  | typeof ErrorCode.CARD_FULL
  | typeof ErrorCode.COUPON_EXPIRED
  | typeof ErrorCode.COUPON_ALREADY_USED
  | typeof ErrorCode.COUPON_CANCELLED;

/** A loyalty rule refused the action; nothing was written. `retryAt` says when a limit resets. */
export class LoyaltyRuleError extends AppError {
  override name = "LoyaltyRuleError";
  constructor(
    code: LoyaltyRuleCode,
    message: string,
    readonly retryAt: Date | null = null,
  ) {
    super(code, message);
  }
}

/** A login code that is wrong, used, expired or tried too often. */
export class InvalidLoginCodeError extends AppError {
  override name = "InvalidLoginCodeError";
  constructor(message = "The code is wrong, used or expired; request a new one") {
    super(ErrorCode.INVALID_LOGIN_CODE, message);
  }
}

/** Raised by writes that need a configured program. */
export class NotConfiguredError extends AppError {
  override name = "NotConfiguredError";
  constructor(readonly missing: string[]) {
    super(ErrorCode.NOT_CONFIGURED, `Configure the program first: ${missing.join(", ")} not set`);
  }
}

/** Production without SMTP_URL: login codes are refused rather than written to the log. */
export class MailNotConfiguredError extends AppError {
  override name = "MailNotConfiguredError";
  constructor() {
    super(
      ErrorCode.MAIL_NOT_CONFIGURED,
      "This server cannot send email (SMTP_URL is not set), so it cannot send login codes",
    );
  }
}

/** A basket the engine cannot price; `reason` is the CrowdTwist reference's error reason. */
export class InvalidBasketError extends ValidationError {
  override name = "InvalidBasketError";
  constructor(
    readonly reason: PointsErrorReason,
    path: string,
    message: string,
  ) {
    super([{ path, message }]);
  }
}

/**
 * A commission asked to move to a status its current one does not lead to. `allowed` is what `from` may
 * become (the referrals area's transition table, passed in because the catalogue depends on no area).
 */
export class InvalidTransitionError extends AppError {
  override name = "InvalidTransitionError";
  constructor(
    readonly from: CommissionStatus,
    readonly to: CommissionStatus,
    allowed: readonly CommissionStatus[],
  ) {
    super(
      ErrorCode.INVALID_TRANSITION,
      `A ${from} commission cannot become ${to}${allowed.length ? ` (only ${allowed.join(" or ")})` : ""}`,
    );
  }
}

/** The period is closed: nothing in it may be created or changed until it is unlocked. */
export class CommissionLockedError extends AppError {
  override name = "CommissionLockedError";
  constructor(readonly period: string) {
    super(ErrorCode.COMMISSION_LOCKED, `Commission period ${period} is locked`);
  }
}
