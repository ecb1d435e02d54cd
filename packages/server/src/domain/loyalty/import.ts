// Bulk CSV imports (members, historical transactions, products, staff): the file is read and every row checked
// (syntax, columns, values, references, duplicates within the file, clashes with what is stored) inside one
// transaction; if any row is rejected nothing is written and the report lists every rejected row with its
// line. A dry run checks and reports without writing. Rows equal to what is stored count as unchanged, so
// importing a file twice applies it once.
import { createHash } from "node:crypto";
import type { Call, Tx } from "../kernel/deps.js";
import { ValidationError } from "../kernel/errors.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { audit } from "../programs/audit.js";
import { parseCsv } from "./csv.js";

export const IMPORT_LIMITS = { bytes: 5 * 1024 * 1024, rows: 50_000 };
/** A large import holds its transaction open a while (50,000 rows on PGlite: tens of seconds). */
const TRANSACTION = { timeout: 300_000, maxWait: 30_000 };

/** Why a row (or the header, line 1) was rejected. */
export const ImportIssueCode = {
  /** The CSV itself is malformed from this line on (an unclosed quote, text after a closing quote). */
  CSV_SYNTAX: "CSV_SYNTAX",
  /** The header lacks a required column. */
  MISSING_COLUMN: "MISSING_COLUMN",
  /** The header names a column this import does not know. */
  UNKNOWN_COLUMN: "UNKNOWN_COLUMN",
  /** The header names a column twice. */
  DUPLICATE_COLUMN: "DUPLICATE_COLUMN",
  /** The row has more or fewer fields than the header. */
  FIELD_COUNT: "FIELD_COUNT",
  /** A required value is empty. */
  REQUIRED: "REQUIRED",
  /** A value is malformed or out of range (a number, date, email, length). */
  INVALID_VALUE: "INVALID_VALUE",
  /** The row repeats the key of an earlier row of the file. */
  DUPLICATE_ROW: "DUPLICATE_ROW",
  UNKNOWN_MEMBER: "UNKNOWN_MEMBER",
  UNKNOWN_CARD: "UNKNOWN_CARD",
  UNKNOWN_CLUB: "UNKNOWN_CLUB",
  /** A club name that several of the program's partners use: name the club by id. */
  AMBIGUOUS_CLUB: "AMBIGUOUS_CLUB",
  /** The caller may not make this change (e.g. a club manager adding a club manager). */
  NOT_ALLOWED: "NOT_ALLOWED",
  /** The row's key was imported before with other values. */
  CONFLICT: "CONFLICT",
  /** The rows would take a balance below zero. */
  INSUFFICIENT_BALANCE: "INSUFFICIENT_BALANCE",
} as const;
export type ImportIssueCode = (typeof ImportIssueCode)[keyof typeof ImportIssueCode];

export interface ImportRejection {
  /** The line of the file the row starts on (1 is the header). */
  line: number;
  /** The column at fault, as the header names it; null for the whole row. */
  column: string | null;
  code: ImportIssueCode;
  message: string;
}

export interface ImportReport {
  /** Data rows read (the header and blank lines not counted). */
  rowsRead: number;
  /** Rows that change something (new, or different from what is stored). */
  changes: number;
  /** Rows written: `changes` when the import was applied, 0 on a dry run or when any row was rejected. */
  applied: number;
  /** Rows equal to what is stored (e.g. a file imported again): nothing to write. */
  unchanged: number;
  rejected: ImportRejection[];
  dryRun: boolean;
}

export interface ImportInput {
  programId: string;
  csv: string;
  dryRun?: boolean | null;
}

export interface ColumnSpec {
  name: string;
  required: boolean;
}

/** A data row: its line and its cells by column (trimmed); a column the file does not have reads undefined. */
export interface ImportRow {
  line: number;
  get(column: string): string | undefined;
}

/** What a kind of import found in the rows, and how to write it. */
export interface ImportPlan {
  rejected: ImportRejection[];
  changes: number;
  unchanged: number;
  /** Writes the changes (called only when nothing was rejected and it is not a dry run). */
  apply(tx: Tx): Promise<void>;
}

export interface ImportKind {
  /** Audit action, e.g. "import.members". */
  action: string;
  columns: ColumnSpec[];
  plan(tx: Tx, rows: ImportRow[], present: Set<string>): Promise<ImportPlan>;
}

export function rejection(
  row: { line: number },
  column: string | null,
  code: ImportIssueCode,
  message: string,
): ImportRejection {
  return { line: row.line, column, code, message };
}

/** Reads, checks and (unless rejected or dry) applies one file, in one transaction. Authorize before calling. */
export async function runImport(call: Call, input: ImportInput, kind: ImportKind): Promise<ImportReport> {
  const bytes = Buffer.byteLength(input.csv, "utf8");
  if (bytes > IMPORT_LIMITS.bytes)
    throw new ValidationError([
      { path: "csv", message: `is ${bytes} bytes; the limit is ${IMPORT_LIMITS.bytes} (5 MB): split the file` },
    ]);
  const table = readTable(input.csv, kind.columns);
  const dryRun = input.dryRun ?? false;
  const attempt = () =>
    call.bulkPrisma.$transaction(async (tx) => {
      const plan = await kind.plan(tx, table.rows, table.present);
      const rejected = [...table.rejected, ...plan.rejected].sort((a, b) => a.line - b.line);
      const report = {
        rowsRead: table.rowsRead,
        changes: plan.changes,
        applied: 0,
        unchanged: plan.unchanged,
        rejected,
        dryRun,
      };
      if (rejected.length || dryRun || plan.changes === 0) return report;
      await plan.apply(tx);
      await audit(tx, call, {
        action: kind.action,
        targetType: "Program",
        targetId: input.programId,
        programId: input.programId,
        after: {
          rowsRead: report.rowsRead,
          applied: plan.changes,
          unchanged: plan.unchanged,
          sha256: createHash("sha256").update(input.csv).digest("hex"),
        },
      });
      return { ...report, applied: plan.changes };
    }, TRANSACTION);
  try {
    return await attempt();
  } catch (error) {
    // Another import wrote the same keys meanwhile: check again against what it stored (its rows are now unchanged or conflicts).
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}

interface Table {
  rows: ImportRow[];
  present: Set<string>;
  rowsRead: number;
  rejected: ImportRejection[];
}

/** The header checked against the columns, and the rows with the right number of fields. */
function readTable(csv: string, columns: ColumnSpec[]): Table {
  const parsed = parseCsv(csv, IMPORT_LIMITS.rows);
  if (parsed.rows.length > IMPORT_LIMITS.rows)
    throw new ValidationError([{ path: "csv", message: `has more than ${IMPORT_LIMITS.rows} rows: split the file` }]);
  if (!parsed.header.length)
    throw new ValidationError([
      { path: "csv", message: `is empty: the first line names the columns (${columns.map((c) => c.name).join(", ")})` },
    ]);
  const rejected: ImportRejection[] = [];
  const header = { line: 1 };
  const known = new Map(columns.map((c) => [c.name.toLowerCase(), c.name]));
  const index = new Map<string, number>();
  parsed.header.forEach((written, i) => {
    const name = known.get(written.toLowerCase());
    if (!name)
      rejected.push(
        rejection(
          header,
          written,
          "UNKNOWN_COLUMN",
          `"${written}" is not a column of this import (columns: ${columns.map((c) => c.name).join(", ")})`,
        ),
      );
    else if (index.has(name))
      rejected.push(rejection(header, written, "DUPLICATE_COLUMN", `"${written}" is named twice`));
    else index.set(name, i);
  });
  for (const c of columns)
    if (c.required && !index.has(c.name))
      rejected.push(rejection(header, c.name, "MISSING_COLUMN", `the required column "${c.name}" is missing`));
  if (parsed.syntaxError)
    rejected.push({
      ...parsed.syntaxError,
      column: null,
      code: "CSV_SYNTAX",
      message: `CSV syntax: ${parsed.syntaxError.message}; nothing after this line was read`,
    });

  const rows: ImportRow[] = [];
  for (const r of parsed.rows) {
    if (r.cells.length !== parsed.header.length) {
      rejected.push(
        rejection(r, null, "FIELD_COUNT", `has ${r.cells.length} fields; the header has ${parsed.header.length}`),
      );
      continue;
    }
    rows.push({ line: r.line, get: (column) => (index.has(column) ? r.cells[index.get(column)!]!.trim() : undefined) });
  }
  return { rows, present: new Set(index.keys()), rowsRead: parsed.rows.length, rejected };
}

// Cell readers: each returns the value, or pushes a rejection and returns undefined. -----------------------------

export class RowChecker {
  readonly rejected: ImportRejection[] = [];
  /** Lines that have at least one rejection. */
  private readonly bad = new Set<number>();

  reject(row: { line: number }, column: string | null, code: ImportIssueCode, message: string): undefined {
    this.rejected.push(rejection(row, column, code, message));
    this.bad.add(row.line);
    return undefined;
  }

  isRejected(row: { line: number }): boolean {
    return this.bad.has(row.line);
  }

  /** Non-empty text of at most `max` characters; undefined (no rejection) when the column is absent or optional and empty. */
  text(row: ImportRow, column: string, options: { required: boolean; max: number }): string | null | undefined {
    const value = row.get(column);
    if (value === undefined) return undefined;
    if (value === "") return options.required ? this.reject(row, column, "REQUIRED", `${column} is required`) : null;
    if (value.length > options.max)
      return this.reject(row, column, "INVALID_VALUE", `${column} must be at most ${options.max} characters`);
    return value;
  }

  /** A whole number (optionally signed, no separators). */
  integer(row: ImportRow, column: string, check: (n: number) => string | null): number | undefined {
    const value = row.get(column);
    if (!value) return this.reject(row, column, "REQUIRED", `${column} is required`);
    if (!/^[+-]?\d+$/.test(value))
      return this.reject(row, column, "INVALID_VALUE", `${column} must be a whole number, got "${value}"`);
    const n = Number(value);
    const problem = Number.isSafeInteger(n) ? check(n) : "is too large";
    return problem ? this.reject(row, column, "INVALID_VALUE", `${column} ${problem}`) : n;
  }

  /**
   * Remembers a row's key; a key seen before in the file rejects the row (DUPLICATE_ROW, naming the first line).
   * Returns false for a duplicate.
   */
  unique(seen: Map<string, number>, row: ImportRow, column: string, key: string): boolean {
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, row.line);
      return true;
    }
    this.reject(row, column, "DUPLICATE_ROW", `repeats ${column} "${key}" of line ${first}`);
    return false;
  }
}

/** Runs `query` over `values` a few thousand at a time (bind-parameter limits), concatenating the results. */
export async function inChunks<V, R>(values: V[], query: (chunk: V[]) => Promise<R[]>, size = 5000): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += size) out.push(...(await query(values.slice(i, i + size))));
  return out;
}
