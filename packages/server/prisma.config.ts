import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// `prisma generate` runs on WASM but insists that a schema-engine binary exists; native engines cannot be
// downloaded on locked-down hosts, and migrations run through our own runner (src/db/migrate.ts).
if (!process.env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(process.env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = fileURLToPath(import.meta.url);
}

export default defineConfig({
  schema: "../../prisma/schema.prisma",
});
