// Bundle budgets, measured the way a browser app would ship the SDK: esbuild, --platform=browser (so any Node
// built-in would fail the build), minified, then gzipped. Importing one operation must pull in that one only.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const KB = 1024;

async function bundle(entry: string) {
  const result = await build({
    stdin: { contents: entry, resolveDir: new URL(".", import.meta.url).pathname, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  expect(result.warnings).toEqual([]);
  const code = result.outputFiles[0]!.contents;
  return { text: new TextDecoder().decode(code), minified: code.length, gzipped: gzipSync(code).length };
}

const figures: string[] = [];
const report = (name: string, size: { minified: number; gzipped: number }, budget?: number) =>
  figures.push(
    `${name.padEnd(44)} ${(size.minified / KB).toFixed(1).padStart(6)} KB min  ${(size.gzipped / KB).toFixed(2).padStart(6)} KB min+gzip${budget ? `  (budget ${budget} KB)` : ""}`,
  );

describe("bundle budgets (esbuild, browser, min+gzip)", () => {
  it("core client (HTTP + errors) ≤ 8 KB, with no WebSocket code and no documents", async () => {
    const core = await bundle(
      'import { createHttpClient, PartnergraphError, isError } from "./index.js"; export { createHttpClient, PartnergraphError, isError };',
    );
    report("core: createHttpClient + errors", core, 8);
    expect(core.gzipped).toBeLessThanOrEqual(8 * KB);
    expect(core.text.includes("graphql-transport-ws"), "graphql-ws in the core").toBe(false);
    expect(/definitions:\[\{kind:/.test(core.text), "a document in the core").toBe(false);
  });

  it("core + one query ≤ 10 KB, holding that query only", async () => {
    const one = await bundle(
      'import { createHttpClient, PartnersDocument } from "./index.js"; export { createHttpClient, PartnersDocument };',
    );
    report("core + PartnersDocument", one, 10);
    expect(one.gzipped).toBeLessThanOrEqual(10 * KB);
    expect(one.text.includes('"Partners"')).toBe(true);
    for (const other of ["TopPartners", "PartnerByExternalId", "CreatePartner", "ConversionCreated"])
      expect(one.text.includes(`"${other}"`), other).toBe(false);
  });

  it("core + subscriptions (graphql-ws) + one subscription ≤ 16 KB", async () => {
    const live = await bundle(
      'import { createBaseClient, ConversionCreatedDocument } from "./index.js"; export { createBaseClient, ConversionCreatedDocument };',
    );
    report("createBaseClient + ConversionCreatedDocument", live, 16);
    expect(live.gzipped).toBeLessThanOrEqual(16 * KB);
    expect(live.text.includes("graphql-transport-ws")).toBe(true);
    expect(live.text.includes('"PartnerChanged"')).toBe(false);
  });

  it("the full client (every ready-made method) for comparison, then prints the figures", async () => {
    const full = await bundle('import { createClient } from "./index.js"; export { createClient };');
    report("createClient (all operations)", full);
    expect(full.text.includes('"PartnerChanged"')).toBe(true);
    console.log(`SDK bundle sizes (esbuild --platform=browser --minify, gzip level 6):\n${figures.join("\n")}`);
  });
});
