// What each error code means to a client: the one table behind the schema's ErrorCode descriptions, the HTTP
// status every route answers with (http/errors.ts) and the README's error table (a test keeps the three equal).
import type { ErrorCode } from "./errors.js";

/** When a client may send the same request again and expect a different answer. */
export type Retry =
  /** Never as it is: change the request, the credential or the data first. */
  | "no"
  /** After the `Retry-After` seconds (`extensions.retryAfter`, `retryAt` on loyalty limits). */
  | "after-wait"
  /** Once someone has fixed what is missing (a program's settings), or later for a transient fault. */
  | "later";

export interface CatalogueEntry {
  /** The status a route (and, for 401/429, a GraphQL response) answers with. */
  status: number;
  retry: Retry;
  meaning: string;
}

/**
 * Complete by construction: a new code must be described here. Refusals a caller can correct (a rule, a
 * conflict, a used coupon) are 400 unless HTTP has a closer status.
 */
export const ERROR_CATALOGUE: Record<ErrorCode, CatalogueEntry> = {
  UNAUTHENTICATED: {
    status: 401,
    retry: "no",
    meaning:
      "No credential, or one that is malformed, unknown, revoked or expired; send `Authorization: Bearer <key>`.",
  },
  FORBIDDEN: { status: 403, retry: "no", meaning: "The credential is valid but may not do this." },
  NOT_FOUND: {
    status: 404,
    retry: "no",
    meaning: "No such object, or one the caller may not see (another tenant's objects are reported so).",
  },
  INSUFFICIENT_PARTNER_PERMISSIONS: {
    status: 403,
    retry: "no",
    meaning: "A partner (key or user) asked for something only the program's managers may do.",
  },
  PARTNER_NOT_FOUND: {
    status: 404,
    retry: "no",
    meaning: "The partner named in the input does not exist or is not visible.",
  },
  INVALID_LOGIN_CODE: {
    status: 400,
    retry: "no",
    meaning: "The login code is wrong, used, expired or was tried too often; request a new one.",
  },
  QUOTA_EXCEEDED: {
    status: 429,
    retry: "after-wait",
    meaning: "The credential's (or email's) rate-limit budget is spent; `Retry-After` says when to try again.",
  },
  INSUFFICIENT_POINTS: { status: 400, retry: "no", meaning: "The write would take a balance below zero." },
  VALIDATION_FAILED: {
    status: 400,
    retry: "no",
    meaning: "An input is malformed or out of range; `issues` names each field and what is wrong with it.",
  },
  CONFLICT: { status: 400, retry: "no", meaning: "A unique value (a code, an external id, a name) is already taken." },
  NOT_CONFIGURED: {
    status: 503,
    retry: "later",
    meaning: "The program lacks settings this needs (currency, rate, time zone); works once its managers set them.",
  },
  MAIL_NOT_CONFIGURED: {
    status: 503,
    retry: "later",
    meaning:
      "The server cannot send email (no SMTP_URL in production), so it issues no login codes; works once its operators configure mail.",
  },
  COMMISSION_LOCKED: {
    status: 400,
    retry: "no",
    meaning: "The commission period is locked: nothing in it may change until it is unlocked.",
  },
  INVALID_TRANSITION: {
    status: 400,
    retry: "no",
    meaning: "The commission's current status does not lead to the one asked for.",
  },
  QUERY_TOO_COMPLEX: {
    status: 400,
    retry: "no",
    meaning: "The document exceeds the depth, breadth or cost limit; ask for less (smaller pages, fewer fields).",
  },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    retry: "no",
    meaning: "The request body (or upload, or WebSocket message) is larger than the server accepts; send less.",
  },
  GRAPHQL_PARSE_FAILED: {
    status: 400,
    retry: "no",
    meaning: "The document is not valid GraphQL syntax, or exceeds the token, alias or directive limits.",
  },
  GRAPHQL_VALIDATION_FAILED: {
    status: 400,
    retry: "no",
    meaning: "The document does not validate against the schema (unknown field, wrong argument type, …).",
  },
  OPERATION_RESOLUTION_FAILURE: {
    status: 400,
    retry: "no",
    meaning: "The request names no operation, or one the document does not hold.",
  },
  SUBSCRIBER_TOO_SLOW: {
    status: 400,
    retry: "no",
    meaning: "The subscription fell too far behind its events and was ended; resubscribe and reconcile with a query.",
  },
  STORE_ACCESS_DENIED: {
    status: 403,
    retry: "no",
    meaning: "Staff acting outside the clubs or stores they work in.",
  },
  QR_INVALID: { status: 400, retry: "no", meaning: "Not a member QR code of this program." },
  QR_EXPIRED: { status: 400, retry: "no", meaning: "The member's QR code has expired; show a fresh one." },
  QR_ALREADY_USED: { status: 400, retry: "no", meaning: "The member's QR code was already used; show a fresh one." },
  DAILY_LIMIT_REACHED: {
    status: 400,
    retry: "after-wait",
    meaning: "A per-day limit of the card or action is reached; `retryAt` says when it resets.",
  },
  PLAY_LIMIT_REACHED: {
    status: 400,
    retry: "after-wait",
    meaning: "The member has played this game as often as its period allows; `retryAt` says when it resets.",
  },
  GAME_UNAVAILABLE: { status: 400, retry: "no", meaning: "The game is not active, has not started or has ended." },
  OUT_OF_STOCK: { status: 400, retry: "no", meaning: "The reward's stock is spent." },
  REWARD_UNAVAILABLE: {
    status: 400,
    retry: "no",
    meaning: "The reward is not active, not yet or no longer available, or not for this card.",
  },
  CARD_INACTIVE: { status: 400, retry: "no", meaning: "The card (or its business) is not active." },
  CARD_FULL: { status: 400, retry: "no", meaning: "The stamp card is full; redeem it before stamping again." },
  COUPON_EXPIRED: { status: 400, retry: "no", meaning: "The coupon has expired." },
  COUPON_ALREADY_USED: { status: 400, retry: "no", meaning: "The coupon was already used." },
  COUPON_CANCELLED: { status: 400, retry: "no", meaning: "The coupon was cancelled." },
  SERVICE_UNAVAILABLE: {
    status: 503,
    retry: "after-wait",
    meaning:
      "The database or Redis refused, timed out or is saturated right now; `Retry-After` says when to try again.",
  },
  INTERNAL_SERVER_ERROR: {
    status: 500,
    retry: "later",
    meaning: "Something unexpected failed; it is logged with the response's `x-request-id`, no details are sent.",
  },
};

const RETRY_WORDS: Record<Retry, string> = {
  no: "no",
  "after-wait": "after the wait it names",
  later: "later",
};

/** One line per code, for the schema's enum value descriptions and the README's table alike. */
export function describeError(code: ErrorCode): { meaning: string; status: number; retry: string } {
  const entry = ERROR_CATALOGUE[code];
  return { meaning: entry.meaning, status: entry.status, retry: RETRY_WORDS[entry.retry] };
}
