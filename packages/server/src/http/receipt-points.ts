// POST /receipt/points: CrowdTwist's Potential Points API, so an existing CrowdTwist integration switches by
// changing the host. Snake_case JSON in and out, errors in the reference's `{ error: { system, reason,
// description, message } }` shape. The pricing is the same quote() that GraphQL's potentialPoints uses.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  CHANNELS,
  type CodeTable,
  isCode,
  type PointsErrorReason,
  type PointsResult,
  parseInstant,
  TENDER_TYPES,
  TRANSACTION_TYPES,
  type UnitBreakdown,
} from "@partnergraph/points";
import {
  AuthError,
  ErrorCode,
  InvalidBasketError,
  NotConfiguredError,
  NotFoundError,
  QuotaExceededError,
  ServiceUnavailableError,
} from "../domain/kernel/errors.js";
import { textProblem } from "../domain/kernel/values.js";
import { type BasketInput, quote, resolvePointsCaller } from "../domain/points/quote.js";
import { admit, type RouteOptions } from "./admit.js";
import { clientError, httpFailure, httpStatus } from "./errors.js";

export const RECEIPT_POINTS_PATH = "/receipt/points";
const SYSTEM = "PotentialPointsController";
/** Far above any real receipt (a 10,000-unit basket is ~1 MB of breakdown out, a few hundred KB in). */
const MAX_BODY_BYTES = 1024 * 1024;

/** The reference's error reasons that this endpoint uses. */
export type ReceiptErrorReason = PointsErrorReason | "invalid_custom_field" | "not_configured" | "internal_error";

const DESCRIPTIONS: Record<ReceiptErrorReason, string> = {
  missing_data: "Missing Data From Request",
  invalid: "Invalid Request",
  invalid_amount: "Invalid Amount",
  invalid_currency: "Invalid Currency",
  invalid_date: "Invalid Date",
  invalid_custom_field: "Invalid Custom Field",
  not_configured: "Program Not Configured",
  internal_error: "Unexpected Error.",
};

/** A failure with its HTTP status and the reference's reason; `message` says which field and why. */
export class ReceiptError extends Error {
  override name = "ReceiptError";
  constructor(
    readonly status: number,
    readonly reason: ReceiptErrorReason,
    message: string,
    readonly description: string = DESCRIPTIONS[reason],
    readonly headers: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** The route handler; never rejects. */
export async function receiptPoints(req: IncomingMessage, res: ServerResponse, options: RouteOptions): Promise<void> {
  try {
    send(res, 200, await handle(req, res, options));
  } catch (error) {
    const e = toReceiptError(error, options);
    send(
      res,
      e.status,
      { error: { system: SYSTEM, reason: e.reason, description: e.description, message: e.message } },
      e.headers,
    );
  }
}

async function handle(req: IncomingMessage, res: ServerResponse, options: RouteOptions) {
  if (req.method !== "POST")
    throw new ReceiptError(405, "invalid", `${req.method} is not supported here; use POST`, "Method Not Allowed", {
      allow: "POST",
    });

  // The reference's credential is a client secret key; ours are program secret keys and partner API keys.
  const header = req.headers["x-ct-authorization"];
  const key = typeof header === "string" ? /^\s*CTApiKey\s+(\S+)\s*$/i.exec(header)?.[1] : undefined;
  // Admitted like a GraphQL request: the same budget (anonymous calls per address) and headers.
  const call = await admit(options, {
    authorization: key ? `Bearer ${key}` : undefined,
    req,
    res,
    requestId: options.requestId,
  });
  const { principal } = call;
  if (principal.kind === "anonymous") {
    throw new AuthError(
      ErrorCode.UNAUTHENTICATED,
      header ? "X-CT-Authorization must be `CTApiKey <key>`" : "Send the key as `X-CT-Authorization: CTApiKey <key>`",
    );
  }
  // Admin keys and sessions name no program; this API has nowhere to name one.
  if (principal.kind !== "programKey" && principal.kind !== "partnerKey") {
    throw new AuthError(ErrorCode.FORBIDDEN, "Use a program secret key or a partner API key");
  }

  const basket = basketFromReceipt(await readJson(req));
  const caller = await resolvePointsCaller(call, {});
  return receiptResponse(await quote(call, caller, basket));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const type = req.headers["content-type"];
  if (!type || !/^application\/json\s*(;|$)/i.test(type)) {
    throw new ReceiptError(
      415,
      "invalid",
      `Content-Type must be application/json, got ${JSON.stringify(type ?? null)}`,
      "Unsupported Media Type",
    );
  }
  const tooLarge = () =>
    new ReceiptError(413, "invalid", `The body exceeds ${MAX_BODY_BYTES} bytes`, "Request Too Large", {
      connection: "close",
    });
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) throw tooLarge();
  const body = await new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      // Discard the rest rather than destroy the request: the socket must stay up for the 413.
      req.removeAllListeners("data").resume();
      reject(tooLarge());
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new ReceiptError(400, "invalid", "The body is not valid JSON", "Malformed Request");
  }
}

/**
 * A failure in the reference's terms: the status comes from the one catalogue → HTTP table, the reason and
 * description are the reference's. Catalogue errors this route does not expect stay internal errors.
 */
function toReceiptError(thrown: unknown, { log, requestId }: RouteOptions): ReceiptError {
  if (thrown instanceof ReceiptError) return thrown;
  const error = clientError(thrown) ?? thrown;
  if (error instanceof InvalidBasketError) {
    // The engine's message starts with its camelCase path; say it the way the request spelled it.
    const { path, message } = error.issues[0] ?? { path: "", message: error.message };
    const why = message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
    return new ReceiptError(httpFailure(error).status, error.reason, `${snakeCase(path)}: ${why}`);
  }
  if (error instanceof NotConfiguredError) {
    return new ReceiptError(
      httpFailure(error).status,
      "not_configured",
      `The program is not configured yet: ${error.missing.join(", ")} not set`,
    );
  }
  if (error instanceof QuotaExceededError) {
    const { status, headers } = httpFailure(error);
    return new ReceiptError(status, "invalid", error.message, "Rate Limit Exceeded", headers);
  }
  // The reference's only reason for a server-side failure is internal_error; the status and Retry-After say "retry".
  if (error instanceof ServiceUnavailableError) {
    const { status, headers } = httpFailure(error);
    return new ReceiptError(status, "internal_error", error.message, "Service Unavailable", headers);
  }
  if (error instanceof AuthError)
    return new ReceiptError(httpFailure(error).status, "invalid", error.message, "Invalid Credentials");
  // A disabled partner's key (or one whose partner went away between authentication and the lookup): the
  // request names no row, so what was not found is the caller's own standing, and it reads as forbidden.
  if (error instanceof NotFoundError)
    return new ReceiptError(httpStatus(ErrorCode.FORBIDDEN), "invalid", error.message, "Invalid Credentials");
  log.error({ err: error, requestId }, "unexpected error in POST /receipt/points");
  return new ReceiptError(
    500,
    "internal_error",
    "An unexpected error occurred; quote the x-request-id header when reporting it",
  );
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string | number> = {}): void {
  if (res.headersSent) return void res.end();
  res
    .writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers })
    .end(JSON.stringify(body));
}

/** The engine's camelCase field paths as the request spelled them: items[0].transactionId → items[0].transaction_id. */
const snakeCase = (path: string) => path.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

// ---- Request → Basket (framework-free) ---------------------------------------------------------------------

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const isAbsent = (v: unknown): v is null | undefined => v === undefined || v === null;

function fieldError(reason: PointsErrorReason | "invalid_custom_field", field: string, why: string): ReceiptError {
  return new ReceiptError(
    400,
    reason,
    reason === "missing_data" ? `Required field ["${field}"] is missing.` : `Field "${field}" ${why}.`,
  );
}

function required(object: Json, key: string, field: string): unknown {
  const value = object[key];
  if (isAbsent(value) || value === "") throw fieldError("missing_data", field, "is required");
  return value;
}

/**
 * A non-negative decimal as exact text. JSON numbers become String(n), the shortest text that reads back as
 * the same double, which is what the client wrote for any ordinary price (52.22 → "52.22"); no float arithmetic.
 */
function decimal(value: unknown, field: string): string {
  const text = typeof value === "number" ? String(value) : typeof value === "string" ? value.trim() : undefined;
  // Plain digits only: String(1e21) is "1e+21", which is not exact decimal text.
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text))
    throw fieldError("invalid_amount", field, `must be a non-negative decimal, got ${JSON.stringify(value)}`);
  return text;
}

/** One of the reference's integer codes (JSON integers only, as the reference specifies). */
function code<T extends CodeTable>(table: T, value: unknown, field: string): keyof T & number {
  if (!isCode(table, value))
    throw fieldError(
      "invalid",
      field,
      `must be one of the codes ${Object.keys(table).join(", ")}, got ${JSON.stringify(value)}`,
    );
  return value;
}

/** The reference's request body as the engine's Basket. Throws ReceiptError with the reference's reason. */
export function basketFromReceipt(body: unknown): BasketInput {
  if (!isObject(body)) throw new ReceiptError(400, "invalid", "The body must be a JSON object", "Malformed Request");

  const date = required(body, "date_purchased", "date_purchased");
  if (typeof date !== "string" || parseInstant(date) === undefined) {
    throw fieldError(
      "invalid_date",
      "date_purchased",
      `must be an ISO-8601 date-time with an offset (e.g. 2012-04-23T18:25:43.511+00:00), got ${JSON.stringify(date)}`,
    );
  }
  const currency = body.currency;
  if (!isAbsent(currency) && (typeof currency !== "string" || textProblem(currency)))
    throw fieldError("invalid_currency", "currency", `must be an ISO 4217 code, got ${JSON.stringify(currency)}`);

  const items = required(body, "items", "items");
  if (!Array.isArray(items)) throw fieldError("invalid", "items", "must be an array");
  if (items.length === 0) throw fieldError("missing_data", "items", "is empty");
  const tenders = body.tenders;
  if (!isAbsent(tenders) && !Array.isArray(tenders)) throw fieldError("invalid", "tenders", "must be an array");

  return {
    datePurchased: date,
    currency: currency ?? null,
    channelId: isAbsent(body.channel_id) ? null : code(CHANNELS, body.channel_id, "channel_id"),
    items: items.map((item: unknown, i) => {
      const at = `items[${i}]`;
      if (!isObject(item)) throw fieldError("invalid", at, "must be an object");
      const sku = required(item, "sku", `${at}.sku`);
      if (typeof sku !== "string")
        throw fieldError("invalid", `${at}.sku`, `must be a string, got ${JSON.stringify(sku)}`);
      const skuProblem = textProblem(sku);
      if (skuProblem) throw fieldError("invalid", `${at}.sku`, skuProblem);
      const price = decimal(required(item, "price", `${at}.price`), `${at}.price`);
      const quantity = required(item, "quantity", `${at}.quantity`);
      if (!Number.isSafeInteger(quantity) || (quantity as number) < 1)
        throw fieldError("invalid", `${at}.quantity`, `must be a whole number ≥ 1, got ${JSON.stringify(quantity)}`);
      const awaiting = item.is_awaiting_fulfillment;
      if (!isAbsent(awaiting) && typeof awaiting !== "boolean")
        throw fieldError("invalid", `${at}.is_awaiting_fulfillment`, "must be true or false");
      // custom_data is accepted and not used for points; only its shape is checked.
      if (!isAbsent(item.custom_data) && !isObject(item.custom_data))
        throw fieldError("invalid_custom_field", `${at}.custom_data`, "must be an object");
      return {
        sku,
        price,
        quantity: quantity as number,
        transactionId: isAbsent(item.transaction_id)
          ? null
          : code(TRANSACTION_TYPES, item.transaction_id, `${at}.transaction_id`),
        isAwaitingFulfillment: awaiting ?? null,
      };
    }),
    tenders: isAbsent(tenders)
      ? null
      : tenders.map((tender: unknown, i) => {
          const at = `tenders[${i}]`;
          if (!isObject(tender)) throw fieldError("invalid", at, "must be an object");
          return {
            type: code(TENDER_TYPES, required(tender, "type", `${at}.type`), `${at}.type`),
            amount: decimal(required(tender, "amount", `${at}.amount`), `${at}.amount`),
          };
        }),
  };
}

// ---- PointsResult → response (framework-free) ----------------------------------------------------------------

/** The reference's response. Decimals become JSON numbers as the reference shows them; points are integers. */
export function receiptResponse(result: PointsResult) {
  return { total_points_awarded: result.totalPointsAwarded, breakdown: result.breakdown.map(unitJson) };
}

function unitJson(u: UnitBreakdown) {
  return {
    sku: u.sku,
    is_awaiting_fulfillment: u.isAwaitingFulfillment,
    quantity: u.quantity,
    item_price: Number(u.itemPrice),
    points_to_dollar_conversion_rate: Number(u.pointsToDollarConversionRate),
    converted_points: u.convertedPoints,
    is_excluded: u.isExcluded,
    // Every matching campaign, as the reference lists them; `applied` marks the one whose multiplier counted.
    campaigns: u.campaigns.map((c) => ({
      type: c.type === "DAY_TIME" ? "DAY-TIME" : c.type,
      title: c.title,
      multiplier: Number(c.multiplier),
      applied: c.applied,
      id: c.id,
    })),
    ...(u.transaction && { transaction: { name: u.transaction.name, multiplier: Number(u.transaction.multiplier) } }),
    ...(u.tenders && {
      tenders: u.tenders.map((t) => ({
        name: t.name,
        proportion: Number(t.proportion),
        multiplier: Number(t.multiplier),
      })),
    }),
    ...(u.channel && { channel: { name: u.channel.name, multiplier: Number(u.channel.multiplier) } }),
    points_awarded: u.pointsAwarded,
  };
}
