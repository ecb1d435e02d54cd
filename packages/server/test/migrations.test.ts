// The migration history: committed SQL agrees with schema.prisma, our runner records what Prisma expects,
// and a failing migration leaves nothing behind.
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it, vi } from "vitest";
import { diagnoseHistory, diffMigrationsToSchema } from "../scripts/schema-engine.js";
import { pgliteSession } from "../src/db/database.js";
import { migrate, readMigrations } from "../src/db/migrate.js";
import { migrationsDir } from "../src/db/paths.js";

// Whole servers and migration engines start here: on a loaded two-core machine that alone can take 30 s.
vi.setConfig({ testTimeout: 120_000 });

describe("migrations", () => {
  it("agree with schema.prisma (run `pnpm db:migration <name>` after changing the schema)", async () => {
    expect(await diffMigrationsToSchema()).toBe("");
  });

  it("are recorded in _prisma_migrations exactly as Prisma records them, and only once", async () => {
    const db = await PGlite.create();
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    await migrate(pgliteSession(db), []); // only the history table: Prisma must see every migration as pending
    expect((await diagnoseHistory(db)).history).toMatchObject({ diagnostic: "databaseIsBehind" });

    const first = await migrate(pgliteSession(db), migrations);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const again = await migrate(pgliteSession(db), migrations);
    expect(again).toEqual({ applied: [], warnings: [] });

    const rows = (
      await db.query<{
        migration_name: string;
        checksum: string;
        finished_at: Date | null;
        applied_steps_count: number;
      }>(
        `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
      )
    ).rows;
    const firstSql = await readFile(join(migrationsDir, migrations[0]!.name, "migration.sql"));
    expect(rows[0]).toMatchObject({
      migration_name: migrations[0]!.name,
      checksum: createHash("sha256").update(firstSql).digest("hex"),
      applied_steps_count: 1,
    });
    expect(rows.every((r) => r.finished_at instanceof Date)).toBe(true);

    // Prisma's own engine (what `prisma migrate deploy` consults) finds nothing to apply and nothing amiss.
    const diagnosis = await diagnoseHistory(db);
    expect(diagnosis.history).toBeNull();
    expect(diagnosis.failedMigrationNames).toEqual([]);
    expect(diagnosis.editedMigrationNames).toEqual([]);
    await db.close();
  });

  it("rolls back a failing migration entirely and applies it once fixed", async () => {
    const dir = await mkdtemp(join(tmpdir(), "pg-migrations-"));
    const write = async (name: string, sql: string) => {
      await mkdir(join(dir, name), { recursive: true });
      await writeFile(join(dir, name, "migration.sql"), sql);
    };
    await write("20260101000000_one", `CREATE TABLE "a" ("id" INT PRIMARY KEY);`);
    await write("20260102000000_two", `CREATE TABLE "b" ("id" INT PRIMARY KEY);\nINSERT INTO "missing" VALUES (1);`);
    const db = await PGlite.create();

    await expect(migrate(pgliteSession(db), await readMigrations(dir))).rejects.toThrow(
      /20260102000000_two failed and was rolled back/,
    );
    const tables = (
      await db.query<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).rows.map((r) => r.t);
    expect(tables).toEqual(["_prisma_migrations", "a"]);

    await write("20260102000000_two", `CREATE TABLE "b" ("id" INT PRIMARY KEY);`);
    const fixed = await migrate(pgliteSession(db), await readMigrations(dir));
    expect(fixed.applied).toEqual(["20260102000000_two"]);

    await write("20260101000000_one", `CREATE TABLE "a" ("id" BIGINT PRIMARY KEY);`);
    const edited = await migrate(pgliteSession(db), await readMigrations(dir));
    expect(edited.warnings).toEqual(["migration 20260101000000_one was modified after it was applied"]);
    await db.close();
  });
});
