// The SDK as others get it: `pnpm pack` (prepack builds it), the tarball's contents, then a fresh project outside
// the workspace installs the tarball with npm (graphql and the rest from the registry), type-checks a script
// strictly and runs it against the built server. Also: the exported typed documents through graphql-request.
import { execFile } from "node:child_process";
import { copyFile, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { GraphQLClient } from "graphql-request";
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  CreateProgramDocument,
  type CreateProgramMutation,
  PartnersDocument,
  type PartnersQuery,
  ViewerDocument,
} from "../src/index.js";
import { ADMIN_KEY, type LiveServer, startServer } from "./server.js";

const run = promisify(execFile);
const SDK_DIR = fileURLToPath(new URL("..", import.meta.url));

let server: LiveServer;
beforeAll(async () => {
  server = await startServer();
}, 90_000);
afterAll(async () => {
  await server?.close();
});

/** pnpm as this test was started by it (`pnpm test`), or pnpm 10 through npx. */
function pnpm(args: string[]) {
  const execPath = process.env.npm_execpath;
  return execPath && /pnpm/.test(execPath)
    ? run(
        /\.c?js$/.test(execPath) ? process.execPath : execPath,
        [...(/\.c?js$/.test(execPath) ? [execPath] : []), ...args],
        {
          cwd: SDK_DIR,
        },
      )
    : run("npx", ["-y", "pnpm@10", ...args], { cwd: SDK_DIR });
}

describe("the packed SDK", () => {
  let project: string;
  afterAll(async () => {
    if (project) await rm(project, { recursive: true, force: true });
  });

  it("packs dist (ESM + .d.ts, no maps), README, LICENSE and the schema", async () => {
    project = await mkdtemp(join(tmpdir(), "partnergraph-sdk-consumer-"));
    await pnpm(["pack", "--pack-destination", project]);
    const [tarball] = (await readdir(project)).filter((name) => name.endsWith(".tgz"));
    expect(tarball).toMatch(/^partnergraph-sdk-\d+\.\d+\.\d+\.tgz$/);
    const { stdout } = await run("tar", ["-tzf", join(project, tarball!)]);
    const files = stdout.trim().split("\n").sort();
    for (const file of [
      "package/package.json",
      "package/README.md",
      "package/LICENSE",
      "package/dist/index.js",
      "package/dist/index.d.ts",
      "package/dist/http.js",
      "package/dist/schema.graphql",
    ])
      expect(files).toContain(file);
    expect(files.filter((file) => /\.map$|\.test\.|\/src\/|\/test\//.test(file))).toEqual([]);
    const { stdout: manifest } = await run("tar", ["-xzOf", join(project, tarball!), "package/package.json"]);
    const pkg = JSON.parse(manifest);
    expect(pkg).toMatchObject({ type: "module", sideEffects: false, license: "MIT", repository: expect.anything() });
    expect(Object.keys(pkg.exports["."])[0]).toBe("types");
    expect(pkg.devDependencies).toBeDefined(); // npm ignores them when installing the tarball
  }, 180_000);

  it("installs into a fresh project, type-checks strictly, runs against a live server, and bundles for browsers", async () => {
    expect(project).toBeDefined();
    const [tarball] = (await readdir(project)).filter((name) => name.endsWith(".tgz"));
    await writeFile(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true, type: "module" }));
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          exactOptionalPropertyTypes: true,
          noUncheckedIndexedAccess: true,
          // Our .d.ts files are checked too; the third-party ones are not ours to fix.
          skipLibCheck: false,
          types: ["node"],
          outDir: "out",
        },
        files: ["consumer.ts"],
      }),
    );
    await copyFile(new URL("fixtures/consumer.ts", import.meta.url), join(project, "consumer.ts"));
    await run(
      "npm",
      [
        "install",
        "--no-audit",
        "--no-fund",
        "--prefer-offline",
        "--loglevel=error",
        `./${tarball}`,
        "ws@^8.18.0",
        "@types/ws@^8.18.0",
        "@types/node@^20.19.0",
        "typescript@~5.9.3",
      ],
      { cwd: project },
    );
    const tsc = await run(process.execPath, [join(project, "node_modules/typescript/bin/tsc"), "-p", project], {
      cwd: project,
    }).catch((error: { stdout: string; stderr: string }) => error);
    expect(`${tsc.stdout}${tsc.stderr}`).toBe("");

    const { stdout } = await run(process.execPath, [join(project, "out/consumer.js")], {
      cwd: project,
      env: { ...process.env, PARTNERGRAPH_URL: server.url, PARTNERGRAPH_KEY: ADMIN_KEY },
      timeout: 60_000,
    });
    expect(JSON.parse(stdout.trim().split("\n").at(-1)!)).toEqual({
      names: ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"],
      kind: "ADMIN_KEY",
      error: { code: "UNAUTHENTICATED", status: 401, hasRequestId: true },
      noSocket: "WEBSOCKET_UNAVAILABLE",
      conversion: true,
    });

    // The installed package bundles for browsers with no Node polyfills.
    const browser = await build({
      stdin: {
        contents:
          'import { createBaseClient, ConversionCreatedDocument } from "@partnergraph/sdk"; export { createBaseClient, ConversionCreatedDocument };',
        resolveDir: project,
      },
      bundle: true,
      minify: true,
      format: "esm",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    expect(browser.errors).toEqual([]);
    expect(browser.outputFiles[0]!.contents.length).toBeGreaterThan(1000);
  }, 300_000);
});

describe("typed documents through graphql-request", () => {
  it("infers results and variables from the SDK's TypedDocumentNodes", async () => {
    const client = new GraphQLClient(server.url, { headers: { authorization: `Bearer ${ADMIN_KEY}` } });
    const created = await client.request(CreateProgramDocument, {
      input: { name: "Through graphql-request", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" },
    });
    expectTypeOf(created).toEqualTypeOf<CreateProgramMutation>();
    if (created.createProgram.__typename !== "CreateProgramPayload") throw new Error(created.createProgram.__typename);
    const programId = created.createProgram.program.id;
    const page = await client.request(PartnersDocument, { programId, first: 5 });
    expectTypeOf(page).toEqualTypeOf<PartnersQuery>();
    expect(page.partners).toMatchObject({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false } });
    const { viewer } = await client.request(ViewerDocument);
    expect(viewer.kind).toBe("ADMIN_KEY");
    // @ts-expect-error graphql-request checks the variables against the document too
    await client.request(PartnersDocument, { first: 5 }).catch(() => undefined);
  });
});
