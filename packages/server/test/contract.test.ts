import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { contractPath } from "../src/db/paths.js";
import { printContract } from "../src/schema/index.js";

describe("schema.graphql", () => {
  it("is the printed Pothos schema (run `pnpm codegen` after changing the schema)", async () => {
    expect(await readFile(contractPath, "utf8")).toBe(printContract());
  });
});
