// GET /export/members.csv, /export/transactions.csv, /export/redemptions.csv: streamed CSV exports of a program
// or one card (see domain/loyalty/export.ts for who may export what). Authenticated with the API's Bearer
// credential and drawn from the same rate-limit budget as GraphQL. Failures before the first byte are JSON
// `{ "error": { "code", "message" } }` with the catalogue's code and 400/401/403/404/405/429/503; a failure while
// streaming (the status is already sent) aborts the response, so a client never mistakes a cut file for a whole one.
import type { IncomingMessage, ServerResponse } from "node:http";
import { parseInstant } from "@partnergraph/points";
import type { Deps } from "../domain/kernel/deps.js";
import { ErrorCode, NotFoundError, ValidationError, type ValidationIssue } from "../domain/kernel/errors.js";
import { decodeGlobalId, encodeGlobalId, type NodeType } from "../domain/kernel/ids.js";
import { couponStatus } from "../domain/loyalty/coupon-codes.js";
import { type CsvCell, csvRecords } from "../domain/loyalty/csv.js";
import {
  type ExportScope,
  exportScope,
  type MemberExportRow,
  memberBatches,
  type RedemptionExportRow,
  redemptionBatches,
  type TransactionExportRow,
  transactionBatches,
} from "../domain/loyalty/export.js";
import { admit, type RouteOptions } from "./admit.js";
import { clientError, httpFailure } from "./errors.js";

export const EXPORT_PREFIX = "/export/";

/** One export: its file's columns (they depend on the scope) and its rows as cells. */
interface Dataset<Row> {
  /** Query parameters besides programId and cardId. */
  range: boolean;
  columns(scope: ExportScope): string[];
  batches(deps: Deps, scope: ExportScope): AsyncGenerator<Row[]>;
  cells(row: Row, scope: ExportScope): CsvCell[];
}

const gid = (type: NodeType, id: string | null) => (id === null ? null : encodeGlobalId(type, id));
/** The balance column is named after what it counts: program or card points, or a stamp card's stamps. */
const unit = (scope: ExportScope) => (scope.card?.type === "STAMP" ? "stamps" : "points");
const IMPORT_KEY = /^import:/;

// biome-ignore lint/suspicious/noExplicitAny: each dataset has its own row type; this table only names them.
const DATASETS: Record<string, Dataset<any>> = {
  "members.csv": {
    range: false,
    columns: (s) => [
      "memberId",
      "externalId",
      "email",
      "name",
      "createdAt",
      ...(s.card ? ["followedAt"] : []),
      unit(s),
    ],
    batches: memberBatches,
    cells: (m: MemberExportRow, s) => [
      gid("Member", m.id),
      m.externalId,
      m.email,
      m.name,
      m.createdAt,
      ...(s.card ? [m.followedAt] : []),
      m.balance,
    ],
  } satisfies Dataset<MemberExportRow>,
  "transactions.csv": {
    range: true,
    columns: (s) => [
      "entryId",
      "occurredAt",
      "memberId",
      "memberExternalId",
      "cardId",
      "clubId",
      "type",
      "source",
      unit(s),
      "note",
      "partnerId",
      "purchaseId",
      "externalId",
    ],
    batches: transactionBatches,
    cells: (e: TransactionExportRow) => [
      e.id,
      e.createdAt,
      gid("Member", e.memberId),
      e.member.externalId,
      gid("Card", e.cardId),
      gid("Club", e.activity?.clubId ?? null),
      e.type,
      e.source,
      e.points,
      e.note,
      gid("Partner", e.partnerId),
      gid("Purchase", e.purchaseId),
      // An imported entry's externalId from its file (its idempotency key without the import namespace).
      e.source === "IMPORT" && e.idempotencyKey ? e.idempotencyKey.replace(IMPORT_KEY, "") : null,
    ],
  } satisfies Dataset<TransactionExportRow>,
  "redemptions.csv": {
    range: true,
    columns: () => [
      "redemptionId",
      "createdAt",
      "memberId",
      "memberExternalId",
      "cardId",
      "clubId",
      "rewardId",
      "rewardTitle",
      "cost",
      "couponCode",
      "couponStatus",
      "couponExpiresAt",
      "couponRedeemedAt",
    ],
    batches: redemptionBatches,
    cells: (r: RedemptionExportRow) => [
      gid("Redemption", r.id),
      r.createdAt,
      gid("Member", r.memberId),
      r.member.externalId,
      gid("Card", r.cardId),
      gid("Club", r.clubId),
      gid("Reward", r.rewardId),
      r.reward.title,
      r.cost,
      r.coupon?.code ?? null,
      r.coupon ? couponStatus(r.coupon) : null,
      r.coupon?.expiresAt ?? null,
      r.coupon?.redeemedAt ?? null,
    ],
  } satisfies Dataset<RedemptionExportRow>,
};

/** An HTTP failure before streaming started: status, catalogue code and message. */
class ExportHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string | number> = {},
  ) {
    super(message);
  }
}

/** The route handler; never rejects. */
export async function exportCsv(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  options: RouteOptions,
): Promise<void> {
  let started = false;
  try {
    const dataset = DATASETS[path.slice(EXPORT_PREFIX.length)];
    if (!dataset)
      throw new NotFoundError(
        ErrorCode.NOT_FOUND,
        `No such export; use ${Object.keys(DATASETS)
          .map((n) => EXPORT_PREFIX + n)
          .join(", ")}`,
      );
    if (req.method !== "GET" && req.method !== "HEAD")
      throw new ExportHttpError(405, ErrorCode.VALIDATION_FAILED, `${req.method} is not supported here; use GET`, {
        allow: "GET, HEAD",
      });

    const call = await admit(options, {
      authorization: req.headers.authorization,
      req,
      res,
      requestId: options.requestId,
    });
    const scope = await exportScope(
      call,
      exportQuery(new URL(req.url ?? "/", "http://localhost").searchParams, dataset.range),
    );

    const name = path.slice(EXPORT_PREFIX.length).replace(/\.csv$/, "");
    res.writeHead(200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    });
    started = true;
    if (req.method === "HEAD") return void res.end();
    await write(res, csvRecords([dataset.columns(scope)]));
    // Reading a whole program may take longer than a request's statement timeout allows: the bulk connections.
    for await (const batch of dataset.batches({ ...options.deps, prisma: options.deps.bulkPrisma }, scope)) {
      await write(res, csvRecords(batch.map((row) => dataset.cells(row, scope))));
    }
    res.end();
  } catch (error) {
    if (error instanceof ClientGone) return;
    if (started) {
      // The status line is out: cut the response short (no final chunk), so the client sees a failed transfer.
      options.log.error({ err: error, requestId: options.requestId, url: req.url }, "export failed while streaming");
      return void res.destroy();
    }
    const e = toHttpError(error, options);
    const body = {
      error: { code: e.code, message: e.message, ...(error instanceof ValidationError && { issues: error.issues }) },
    };
    res
      .writeHead(e.status, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "no-store",
        ...e.headers,
      })
      .end(JSON.stringify(body));
  }
}

class ClientGone extends Error {}

/**
 * Writes one chunk, waiting for 'drain' when the socket's buffer is full: a slow reader slows the export down
 * (the next batch is not read from the database) instead of the server buffering the whole file.
 */
function write(res: ServerResponse, chunk: string): Promise<void> {
  if (res.destroyed) return Promise.reject(new ClientGone());
  if (res.write(chunk)) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = (gone: boolean) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      if (gone) reject(new ClientGone());
      else resolve();
    };
    const onDrain = () => done(false);
    const onClose = () => done(true);
    res.on("drain", onDrain);
    res.on("close", onClose);
  });
}

const PARAMS = ["programId", "cardId", "from", "to"] as const;

/** The query string → an export query; every problem at once, as VALIDATION_FAILED (a bad id is NOT_FOUND). */
function exportQuery(params: URLSearchParams, range: boolean) {
  const allowed: readonly string[] = range ? PARAMS : PARAMS.slice(0, 2);
  const issues: ValidationIssue[] = [];
  for (const key of new Set(params.keys())) {
    if (!allowed.includes(key))
      issues.push({ path: key, message: `is not a parameter of this export (use ${allowed.join(", ")})` });
    else if (params.getAll(key).length > 1) issues.push({ path: key, message: "is given more than once" });
  }
  const programId = params.get("programId");
  if (!programId) issues.push({ path: "programId", message: "is required" });
  const instant = (key: "from" | "to") => {
    const text = params.get(key);
    if (text === null || !allowed.includes(key)) return null;
    const millis = parseInstant(text);
    if (millis === undefined)
      issues.push({
        path: key,
        message: 'must be an ISO 8601 date-time with an offset, e.g. "2026-05-01T00:00:00+03:00"',
      });
    return millis === undefined ? null : new Date(millis);
  };
  const from = instant("from");
  const to = instant("to");
  if (issues.length) throw new ValidationError(issues);
  const cardId = params.get("cardId");
  return { programId: rowOf(programId!, "Program"), cardId: cardId ? rowOf(cardId, "Card") : null, from, to };
}

/** An id parameter's row; one that is not an id of its type names nothing, as in GraphQL's arguments. */
function rowOf(globalId: string, type: NodeType): string {
  const id = decodeGlobalId(globalId, type);
  if (id === null) throw new NotFoundError(ErrorCode.NOT_FOUND, `${type} not found`);
  return id;
}

function toHttpError(error: unknown, { log, requestId }: RouteOptions): ExportHttpError {
  if (error instanceof ExportHttpError) return error;
  const known = clientError(error);
  if (known) {
    const { status, headers } = httpFailure(known);
    return new ExportHttpError(status, known.code, known.message, headers);
  }
  log.error({ err: error, requestId }, "unexpected error in a CSV export");
  return new ExportHttpError(
    500,
    ErrorCode.INTERNAL_SERVER_ERROR,
    "An unexpected error occurred; quote the x-request-id header when reporting it",
  );
}
