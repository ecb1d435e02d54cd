// Prisma's schema engine compiled to WASM: diffs the Prisma schema against the committed migrations without
// the native engine (which cannot be downloaded on locked-down hosts). Used by `pnpm db:migration` and by
// the drift test; never at run time.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList } from "@prisma/schema-engine-wasm";
import { __wbg_set_wasm, SchemaEngine } from "@prisma/schema-engine-wasm/schema_engine_bg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { migrationsDir, schemaPath } from "../src/db/paths.js";

let wasmLoaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmLoaded ??= (async () => {
    const bgModule = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = new URL(
      "schema_engine_bg.wasm",
      import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"),
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": bgModule as unknown as WebAssembly.ModuleImports,
    });
    __wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
  })();
  return wasmLoaded;
}

export async function loadMigrationList(): Promise<MigrationList> {
  const entries = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const lockPath = join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: await readFile(lockPath, "utf8").catch(() => null) },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      entries.map(async (name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok" as const, value: await readFile(join(migrationsDir, name, "migration.sql"), "utf8") },
        },
      })),
    ),
  };
}

/** SQL that takes a database from the committed migrations to the current schema.prisma ("" when in sync). */
export async function diffMigrationsToSchema(): Promise<string> {
  await loadWasm();
  const schema = await readFile(schemaPath, "utf8");
  // The engine replays the migrations on a shadow database: an in-memory PGlite.
  const shadow = new PGlite();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(shadow));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  try {
    const migrations = await loadMigrationList();
    const result = await engine.diff({
      from: migrations.migrationDirectories.length ? { tag: "migrations", ...migrations } : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schema }] },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").trim() === "-- This is an empty migration." ? "" : (result.stdout ?? "").trim();
  } finally {
    engine.free();
    await shadow.close();
  }
}

/** Asks Prisma's own engine whether a database's `_prisma_migrations` history matches the migrations folder. */
export async function diagnoseHistory(db: PGlite) {
  await loadWasm();
  const schema = await readFile(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const engine = await SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, () => {}, adapter);
  try {
    return await engine.diagnoseMigrationHistory({
      migrationsList: await loadMigrationList(),
      optInToShadowDatabase: false,
      filters: { externalTables: [], externalEnums: [] },
    });
  } finally {
    engine.free();
  }
}
