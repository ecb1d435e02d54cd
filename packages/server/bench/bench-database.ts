// The database a bench runs on: DATABASE_URL as given, or a fresh database created on the local PostgreSQL and
// dropped afterwards. Null (with a message) when PostgreSQL cannot be reached, so `pnpm bench` skips cleanly.
import { randomBytes } from "node:crypto";
import pg from "pg";

export interface BenchDatabase {
  url: string;
  drop(): Promise<void>;
}

export async function benchDatabase(bench: string): Promise<BenchDatabase | null> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, drop: async () => {} };
  const adminUrl = "postgres://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(
      `${bench} bench skipped: PostgreSQL is not reachable at ${adminUrl} (${(error as Error).message}). Set DATABASE_URL to run it.`,
    );
    return null;
  }
  const name = `pg_bench_${randomBytes(5).toString("hex")}`;
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
