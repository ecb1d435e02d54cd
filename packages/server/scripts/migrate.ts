// `pnpm db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database under DATA_DIR).
import { ConfigError, loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";

try {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  const { applied, warnings } = database.migrations;
  for (const warning of warnings) console.warn(`warning: ${warning}`);
  console.log(applied.length ? `applied: ${applied.join(", ")}` : "the database is up to date");
  await database.close();
  process.exit(0);
} catch (error) {
  console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
  process.exit(1);
}
