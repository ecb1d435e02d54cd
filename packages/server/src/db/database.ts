// One Prisma client over either engine: PostgreSQL (DATABASE_URL) or embedded PGlite on disk (no server needed).
// Both run the same committed migrations before the client is handed out. Beside it, a bare SQL runner for the
// one path where Prisma's own per-statement cost matters (the click redirect's group commit).
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { PrismaClient } from "../generated/prisma/client.js";
import { type MigrateResult, migrate, readMigrations, type SqlSession } from "./migrate.js";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; timeouts: PostgresTimeouts }
  | { kind: "pglite"; dataDir: string };

/**
 * How long PostgreSQL may take before a request gives up (and answers SERVICE_UNAVAILABLE). PGlite runs in
 * process and has none of these.
 */
export interface PostgresTimeouts {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement of a request (server-side statement_timeout; the client gives up a second later on a hung server). */
  statementMs: number;
  /** One statement of an export or import, on connections of their own. */
  bulkStatementMs: number;
}

/** The client's own deadline past the server's: the server cancels first unless it is not answering at all. */
const CLIENT_GRACE_MS = 1000;

export interface Database {
  prisma: PrismaClient;
  /** Like prisma, with the bulk statement timeout: exports and imports. The same client on PGlite. */
  bulkPrisma: PrismaClient;
  /** Plain SQL on the same connections, without Prisma: for hot paths only (see SqlRunner). */
  sql: SqlRunner;
  target: DatabaseTarget;
  migrations: MigrateResult;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Called for every SQL statement Prisma runs (SQL logging at LOG_LEVEL=trace; query counting in tests). */
  onQuery?: (event: { query: string; params: string; duration: number }) => void;
}

/**
 * A statement for SqlRunner. Deliberately unnamed: PostgreSQL plans it at every run against the tables' current
 * sizes. A named (prepared) statement gets a generic plan after five runs that is kept for the connection's life:
 * the click batch's generic plan, made while a table was nearly empty, kept scanning it sequentially after it had
 * grown (seen here: 4 ms per click at 25,000 rows). Planning this statement costs far less than one probe.
 */
export interface Statement {
  text: string;
}

/**
 * SQL without Prisma. A Prisma raw query costs 0.5 to 0.8 ms of Node CPU beyond the driver's own work (measured
 * here: SELECT 1 ~1.0 ms against ~0.26 ms through pg directly; a 30-row array statement ~0.8 against ~0.26 ms),
 * as much as the rest of a 30-click batch; the redirect's group commit therefore runs its statement here. Rows
 * come back as objects, typed by the driver (timestamptz as Date, uuid and text as string). Everything else
 * should use Prisma.
 */
export interface SqlRunner {
  query<T>(statement: Statement, values: unknown[]): Promise<T[]>;
}

/** Reports each statement to onQuery like Prisma's query events, so SQL logging and query counts see it too. */
function observed(run: SqlRunner["query"], onQuery: OpenOptions["onQuery"]): SqlRunner {
  if (!onQuery) return { query: run };
  return {
    async query<T>(statement: Statement, values: unknown[]) {
      const started = performance.now();
      try {
        return await run<T>(statement, values);
      } finally {
        onQuery({
          query: statement.text,
          params: JSON.stringify(values),
          duration: Math.round(performance.now() - started),
        });
      }
    },
  };
}

export async function openDatabase(target: DatabaseTarget, options: OpenOptions = {}): Promise<Database> {
  return target.kind === "postgres" ? openPostgres(target, options) : openPGlite(target, options);
}

function createClient(adapter: PrismaPg | PrismaPGlite, { onQuery }: OpenOptions): PrismaClient {
  if (!onQuery) return new PrismaClient({ adapter });
  const prisma = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  prisma.$on("query", onQuery);
  return prisma;
}

async function openPostgres(
  target: Extract<DatabaseTarget, { kind: "postgres" }>,
  options: OpenOptions,
): Promise<Database> {
  const { connectMs, statementMs, bulkStatementMs } = target.timeouts;
  const connectPool = (max: number, statementTimeout: number) => {
    const pool = new pg.Pool({
      connectionString: target.url,
      max,
      connectionTimeoutMillis: connectMs,
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + CLIENT_GRACE_MS,
    });
    // An idle connection that drops (server restart, admin termination) must not crash the process: the pool
    // replaces it, and queries in flight fail on their own.
    pool.on("error", () => {});
    return pool;
  };
  const pool = connectPool(10, statementMs);
  const bulkPool = connectPool(3, bulkStatementMs);
  let migrations: MigrateResult;
  // Migrations run on a bulk connection: a long ALTER must not hit the request timeout.
  const client = await bulkPool.connect();
  try {
    migrations = await migrate(pgSession(client), await readMigrations());
  } finally {
    client.release();
  }
  const prisma = createClient(new PrismaPg(pool), options);
  const bulkPrisma = createClient(new PrismaPg(bulkPool), options);
  const sql = observed(
    async <T>(statement: Statement, values: unknown[]) => (await pool.query({ ...statement, values })).rows as T[],
    options.onQuery,
  );
  return {
    prisma,
    bulkPrisma,
    sql,
    target,
    migrations,
    async close() {
      await prisma.$disconnect();
      await bulkPrisma.$disconnect();
      await pool.end();
      await bulkPool.end();
    },
  };
}

async function openPGlite(
  target: Extract<DatabaseTarget, { kind: "pglite" }>,
  options: OpenOptions,
): Promise<Database> {
  if (!target.dataDir.startsWith("memory://")) await mkdir(target.dataDir, { recursive: true });
  const db = await PGlite.create(target.dataDir);
  const migrations = await migrate(pgliteSession(db), await readMigrations());
  const prisma = createClient(new PrismaPGlite(db), options);
  // PGlite has one connection; a query waits for any open transaction, as Prisma's own queries do.
  const sql = observed(
    async <T>(statement: Statement, values: unknown[]) => (await db.query<T>(statement.text, values)).rows,
    options.onQuery,
  );
  return {
    prisma,
    bulkPrisma: prisma,
    sql,
    target,
    migrations,
    async close() {
      await prisma.$disconnect();
      await db.close();
    },
  };
}

export function pgSession(client: pg.PoolClient | pg.Client): SqlSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    exec: async (sql) => void (await client.query(sql)),
  };
}

export function pgliteSession(db: PGlite): SqlSession {
  return {
    query: async <T>(sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows,
    exec: async (sql) => void (await db.exec(sql)),
  };
}
