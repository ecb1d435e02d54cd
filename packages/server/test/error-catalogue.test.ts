// The error catalogue is told three times — the kernel's table, the schema's ErrorCode descriptions and the
// README's table — and the three must agree; the routes' statuses come from the same table.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeError, ERROR_CATALOGUE } from "../src/domain/kernel/error-catalogue.js";
import { AppError, ErrorCode } from "../src/domain/kernel/errors.js";
import { httpFailure } from "../src/http/errors.js";
import { graphql } from "./gql/index.js";
import { startTestApp, type TestApp } from "./helpers.js";

const ERROR_CODE_VALUES = graphql(`
  query ErrorCodeValues { __type(name: "ErrorCode") { enumValues { name description } } }
`);

/** The README's "Error codes" table as code → the other columns, exactly as written. */
function readmeTable(): Map<string, { status: number; retry: string; meaning: string }> {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const section = readme.split("\n## Error codes\n")[1]?.split("\n## ")[0] ?? "";
  const rows = new Map<string, { status: number; retry: string; meaning: string }>();
  for (const line of section.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const code = /^`([A-Z_]+)`$/.exec(cells[1] ?? "")?.[1];
    if (code) rows.set(code, { status: Number(cells[2]), retry: cells[3] ?? "", meaning: cells[4] ?? "" });
  }
  return rows;
}

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe("error catalogue", () => {
  it("describes every code in the README's table, in the catalogue's order", () => {
    const table = readmeTable();
    expect([...table.keys()]).toEqual(Object.values(ErrorCode));
    for (const code of Object.values(ErrorCode)) expect(table.get(code), code).toEqual(describeError(code));
  });

  it("gives every ErrorCode value in the served schema the catalogue's description", async () => {
    const res = await app.gql(ERROR_CODE_VALUES);
    const values = res.data.__type?.enumValues ?? [];
    // The printed schema sorts its values; the set is what must match.
    expect(values.map((v) => v.name).sort()).toEqual(Object.values(ErrorCode).sort());
    for (const { name, description } of values) {
      const { meaning, status, retry } = describeError(name as ErrorCode);
      expect(description).toBe(`${meaning} HTTP ${status}. Retry: ${retry}.`);
    }
  });

  it("answers each code with the catalogue's status over HTTP", () => {
    for (const code of Object.values(ErrorCode)) {
      expect(httpFailure(new AppError(code, "x")).status, code).toBe(ERROR_CATALOGUE[code].status);
    }
  });

  it("gives a GraphQL response the catalogue's status for UNAUTHENTICATED", async () => {
    const res = await fetch(app.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer pgk_unknown-key-0123456789" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(res.status).toBe(ERROR_CATALOGUE.UNAUTHENTICATED.status);
    expect((await res.json()).errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });
});
