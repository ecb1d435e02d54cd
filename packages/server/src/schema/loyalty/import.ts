// Bulk CSV imports: members, historical transactions, products and club staff. Thin:
// decode ids, call the domain, return its report.

import type { Call } from "../../domain/kernel/deps.js";
import { NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import {
  IMPORT_LIMITS,
  type ImportInput,
  ImportIssueCode,
  type ImportRejection,
  type ImportReport,
} from "../../domain/loyalty/import.js";
import { importMembers } from "../../domain/loyalty/import-members.js";
import { importProducts } from "../../domain/loyalty/import-products.js";
import { importStaff } from "../../domain/loyalty/import-staff.js";
import { importTransactions } from "../../domain/loyalty/import-transactions.js";
import { builder } from "../builder.js";
import { rowId } from "../ids.js";

const ImportIssueCodeEnum = builder.enumType("ImportIssueCode", {
  description:
    "Why an import row was rejected. CSV_SYNTAX: malformed CSV from that line on (nothing after it was read). MISSING_COLUMN, UNKNOWN_COLUMN, DUPLICATE_COLUMN: the header (line 1). FIELD_COUNT: more or fewer fields than the header. REQUIRED: an empty required value. INVALID_VALUE: a malformed or out-of-range value. DUPLICATE_ROW: the row repeats an earlier row's key. UNKNOWN_MEMBER, UNKNOWN_CARD, UNKNOWN_CLUB: the reference names nothing the caller may use. AMBIGUOUS_CLUB: several partners have a club of that name (use its id). NOT_ALLOWED: the caller may not make that change (a club manager giving or changing the CLUB_MANAGER role). CONFLICT: the key was imported before with other values. INSUFFICIENT_BALANCE: the rows would take a balance below zero.",
  values: Object.values(ImportIssueCode),
});

const ImportRejectionRef = builder.objectRef<ImportRejection>("ImportRejection").implement({
  fields: (t) => ({
    line: t.exposeInt("line", { description: "The line of the file the row starts on; 1 is the header." }),
    column: t.exposeString("column", {
      nullable: true,
      description: "The column at fault as the header names it; null for the whole row.",
    }),
    code: t.field({ type: ImportIssueCodeEnum, resolve: (r) => r.code }),
    message: t.exposeString("message"),
  }),
});

export const ImportReportRef = builder.objectRef<ImportReport>("ImportReport").implement({
  description:
    "What an import found and did. All or nothing: when any row is rejected nothing is written (applied is 0) and `rejected` lists every rejected row; a dry run checks the same and writes nothing.",
  fields: (t) => ({
    rowsRead: t.exposeInt("rowsRead", { description: "Data rows read (not the header or blank lines)." }),
    changes: t.exposeInt("changes", {
      description: "Rows that change something: new, or different from what is stored.",
    }),
    applied: t.exposeInt("applied", {
      description: "Rows written: `changes` when the import was applied; 0 on a dry run or when any row was rejected.",
    }),
    unchanged: t.exposeInt("unchanged", {
      description: "Rows equal to what is stored (e.g. the same file imported again): nothing to write.",
    }),
    rejected: t.field({
      type: [ImportRejectionRef],
      resolve: (r) => r.rejected,
      description: "Every rejected row, by line.",
    }),
    dryRun: t.exposeBoolean("dryRun"),
  }),
});

const LIMITS_TEXT = `At most ${IMPORT_LIMITS.bytes / 1024 / 1024} MB and ${IMPORT_LIMITS.rows.toLocaleString("en")} rows (beyond: VALIDATION_FAILED).`;
const CSV_TEXT =
  "RFC 4180 CSV (UTF-8, comma-separated, fields with commas, quotes or line breaks in double quotes, a quote inside written twice); the first line names the columns (any order, case-insensitive); cells are trimmed. " +
  LIMITS_TEXT;

type InputFields = Parameters<NonNullable<Parameters<typeof builder.inputType>[1]["fields"]>>[0];
const importFields = (t: InputFields, columns: string) => ({
  programId: t.id({ required: true }),
  csv: t.string({ description: `${CSV_TEXT} Columns: ${columns} Give csv or file.` }),
  file: t.field({
    type: "File",
    description:
      "The same CSV as a file upload (a GraphQL multipart request): for files over the 1 MB limit of a JSON request. Give csv or file.",
  }),
  dryRun: t.boolean({ description: "Check every row and report, writing nothing (default false)." }),
});

const ImportMembersInput = builder.inputType("ImportMembersInput", {
  fields: (t) =>
    importFields(
      t,
      "externalId (required, unique within the file), email, name. A new externalId creates a member; an existing one gets the file's email and name (a column left out keeps the stored value, an empty cell clears it).",
    ),
});
const ImportTransactionsInput = builder.inputType("ImportTransactionsInput", {
  fields: (t) =>
    importFields(
      t,
      "externalId (required: the row's own id, unique within the file and kept as the entry's idempotency key, so importing a file again writes nothing twice), memberExternalId (required: an existing member), points (required: a non-zero whole number, signed; stamps on a STAMP card), cardId (a card of the program; empty: the program's points), occurredAt (required: ISO 8601 with an offset, or a date YYYY-MM-DD meaning the start of that day in the program's time zone; not in the future), note. Entries are written with source IMPORT, type EARN (positive) or REDEEM (negative), dated occurredAt, never billed to a partner; a card entry also records an IMPORTED activity and makes the member a follower of the card if they were not (dated at their first imported entry on it). A file may not leave a balance below zero (card balances never; program points unless the program allows negative balances), judged on the final sum per member and card.",
    ),
});
const ImportProductsInput = builder.inputType("ImportProductsInput", {
  fields: (t) =>
    importFields(
      t,
      "sku (required, unique within the file), brand, category. Adds or replaces catalogue products (a column left out keeps the stored value, an empty cell clears it).",
    ),
});
const ImportStaffInput = builder.inputType("ImportStaffInput", {
  fields: (t) =>
    importFields(
      t,
      "email (required), club (required: the club's name, or its id as the API shows it), role (STAFF or CLUB_MANAGER; empty: STAFF); one row per person and club. Adds the person to the club (creating their account: they log in with an emailed code) or changes their role there. A club whose staff the caller does not manage reads as UNKNOWN_CLUB.",
    ),
});

const errors = { types: [ValidationError, NotFoundError] };
type ImportArgs = { programId: string; csv?: string | null; file?: Blob | null; dryRun?: boolean | null };

/** The file's text, from whichever of `csv` and `file` was given (exactly one). */
async function csvText({ csv, file }: ImportArgs): Promise<string> {
  if ((csv == null) === (file == null))
    throw new ValidationError([{ path: "csv", message: "give the CSV as csv (text) or file (an upload), not both" }]);
  return csv ?? (await file!.text());
}

const run =
  (importer: (call: Call, input: ImportInput) => Promise<ImportReport>) =>
  async (_root: unknown, args: { input: ImportArgs }, ctx: Call) =>
    importer(ctx, {
      programId: rowId(args.input.programId, "Program"),
      csv: await csvText(args.input),
      dryRun: args.input.dryRun ?? null,
    });

builder.mutationFields((t) => ({
  importMembers: t.field({
    type: ImportReportRef,
    description: "Bulk-create or update members from CSV (the program's managers and keys).",
    args: { input: t.arg({ type: ImportMembersInput, required: true }) },
    errors,
    resolve: run(importMembers),
  }),
  importTransactions: t.field({
    type: ImportReportRef,
    description: "Bring historical ledger entries in from CSV (the program's managers and keys).",
    args: { input: t.arg({ type: ImportTransactionsInput, required: true }) },
    errors,
    resolve: run(importTransactions),
  }),
  importProducts: t.field({
    type: ImportReportRef,
    description: "Bulk-add or replace catalogue products from CSV (the program's managers and keys).",
    args: { input: t.arg({ type: ImportProductsInput, required: true }) },
    errors,
    resolve: run(importProducts),
  }),
  importStaff: t.field({
    type: ImportReportRef,
    description:
      "Bulk-add people to clubs, or change their role, from CSV. The program's managers and keys for every club of the program; a partner (its key or users) for its own clubs; a club manager for the clubs it manages, STAFF only.",
    args: { input: t.arg({ type: ImportStaffInput, required: true }) },
    errors,
    resolve: run(importStaff),
  }),
}));
