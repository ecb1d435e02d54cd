// `pnpm schema:print`: writes the public contract, schema.graphql, from the Pothos schema.
import { writeFile } from "node:fs/promises";
import { contractPath } from "../src/db/paths.js";
import { printContract } from "../src/schema/index.js";

await writeFile(contractPath, printContract());
console.log(`wrote ${contractPath}`);
