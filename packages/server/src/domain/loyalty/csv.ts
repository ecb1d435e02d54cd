// CSV both ways, through the `csv` project's csv-stringify and csv-parse (RFC 4180): exports write CRLF records
// and quote every field that holds a comma, a double quote, CR or LF; imports read the same, with a header row.
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

/**
 * Spreadsheet formula injection: Excel, LibreOffice and Google Sheets run a cell that starts with = + - @ (and,
 * in some of them, TAB or CR) as a formula, so a member named `=HYPERLINK(…)` could act on whoever opens the
 * export. Such text cells get a leading single quote, which spreadsheets show as text and do not display.
 * Only text is touched: numbers (a negative points value) are written as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export type CsvCell = string | number | Date | null | undefined;

/** CSV text of records (one array of cells each): RFC 4180 quoting, CRLF, ISO 8601 instants, empty for null. */
export function csvRecords(records: CsvCell[][]): string {
  return stringify(records, {
    record_delimiter: "windows",
    // csv-stringify quotes a field holding its record delimiter (CRLF) but not a lone CR or LF: do it here.
    quoted_match: /[\r\n]/,
    cast: { string: neutralizeFormula, date: (d) => d.toISOString() },
  });
}

export interface CsvTable {
  /** The header row as written (trimmed); empty for an empty file. */
  header: string[];
  /** Each data record with the line it starts on. */
  rows: { line: number; cells: string[] }[];
  /** A syntax error that ended the reading (an unclosed quote, text after a closing quote): rows holds those before it. */
  syntaxError: { line: number; message: string } | null;
}

const SYNTAX_MESSAGES: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: "a quoted field starts here and is never closed",
  CSV_INVALID_CLOSING_QUOTE:
    'a closing quote must be followed by a comma or the end of the line (write a quote inside a quoted field as "")',
};

/**
 * Parses CSV text with a header row. Blank lines are skipped and a UTF-8 byte order mark is ignored; a record
 * with more or fewer fields than the header is still returned (the caller reports it against its line).
 * Stops after `maxRecords` data records plus one (so the caller can tell "too many").
 */
export function parseCsv(text: string, maxRecords: number): CsvTable {
  const bytes = Buffer.from(text, "utf8");
  const lines = new LineIndex(bytes);
  const records: { cells: string[]; start: number }[] = [];
  let end = 0; // byte offset after the last complete record
  let failure: string | null = null;
  try {
    parse(bytes, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // Any of the three line endings, even mixed (csv-parse would otherwise keep to the first one it meets).
      record_delimiter: ["\r\n", "\n", "\r"],
      to: maxRecords + 2,
      on_record: (cells: string[], context) => {
        records.push({ cells, start: end });
        end = context.bytes;
        return null; // collected here, with their offsets
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // csv-parse counts lines its own way (and an unclosed quote at the end of the text): say where the record starts.
    failure = SYNTAX_MESSAGES[error.code] ?? error.message.replace(/^[^:]*: /, "").replace(/ at line \d+/, "");
  }
  const [first, ...rest] = records;
  const rows = rest.map((r) => ({ line: lines.lineAt(r.start), cells: r.cells }));
  return {
    header: (first?.cells ?? []).map((h) => h.trim()),
    rows,
    syntaxError: failure === null ? null : { line: lines.lineAt(end), message: failure },
  };
}
/** Line numbers (1-based) of byte offsets; CRLF, LF and CR each end a line; blank lines before a record are skipped. */
class LineIndex {
  constructor(private readonly bytes: Buffer) {}
  private offset = 0;
  private line = 1;

  /** The line of the first non-blank byte at or after `offset` (offsets must not decrease between calls). */
  lineAt(offset: number): number {
    const { bytes } = this;
    while (offset < bytes.length && (bytes[offset] === 0x0a || bytes[offset] === 0x0d)) offset++;
    for (; this.offset < offset; this.offset++) {
      const b = bytes[this.offset];
      if (b === 0x0a || (b === 0x0d && bytes[this.offset + 1] !== 0x0a)) this.line++;
    }
    return this.line;
  }
}
