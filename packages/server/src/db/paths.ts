import { fileURLToPath } from "node:url";

// The repository's prisma/ folder, found from this file whether it runs from src/ (tsx, vitest) or dist/src/.
const root = new URL(import.meta.url.includes("/dist/") ? "../../../../../" : "../../../../", import.meta.url);

export const schemaPath = fileURLToPath(new URL("prisma/schema.prisma", root));
export const migrationsDir = fileURLToPath(new URL("prisma/migrations", root));
/** The printed GraphQL contract at the repository root. */
export const contractPath = fileURLToPath(new URL("schema.graphql", root));
