// /openapi.json describes what the REST routes answer: each request below is checked against the document — its
// status must be listed for that route, its content type must match, and a JSON body must validate against the
// listed schema (JSON Schema 2020-12, as OpenAPI 3.1 uses).
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OPENAPI } from "../src/http/openapi.js";
import { ADMIN_KEY, createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";
import { addToProject, createLink, createProject } from "./referral-helpers.js";

const DOC_ID = "https://partnergraph.invalid/openapi.json";
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: DOC_ID, components: OPENAPI.components });

type Operation = { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> };

/** The document's operation for a concrete path (templates like /r/{code} matched segment by segment). */
function operation(method: string, path: string): Operation {
  const template = Object.keys(OPENAPI.paths).find((t) =>
    new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(path),
  ) as keyof typeof OPENAPI.paths | undefined;
  expect(template, `${path} is documented`).toBeDefined();
  const entry = OPENAPI.paths[template!] as Record<string, Operation>;
  // HEAD and other methods are answered by the same route; their statuses are listed on its one operation.
  const op = entry[method.toLowerCase()] ?? Object.values(entry)[0];
  return op as Operation;
}

/** Fetches without following redirects and checks the answer against the document. */
async function conforms(path: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(`${app.url}${path}`, { redirect: "manual", ...init });
  const documented = operation(init.method ?? "GET", path).responses[String(res.status)];
  expect(documented, `${init.method ?? "GET"} ${path} answered ${res.status}, which is not documented`).toBeDefined();
  const type = res.headers.get("content-type")?.split(";")[0] ?? null;
  const content = documented?.content;
  expect(type, `${path} ${res.status} content type`).toBe(content ? Object.keys(content)[0] : null);
  const schema = content?.["application/json"]?.schema;
  if (schema) {
    const validate = ajv.compile(typeof schema.$ref === "string" ? { $ref: DOC_ID + schema.$ref } : schema);
    const body = await res.clone().json();
    expect(validate(body) ? [] : validate.errors, `${path} ${res.status} body`).toEqual([]);
  }
  return res;
}

let app: TestApp;
let program: { id: string; secretKey: string };
beforeAll(async () => {
  app = await startTestApp();
  program = await createProgram(app);
});
afterAll(async () => {
  await app?.close();
});

const BASKET = { date_purchased: "2026-05-01T10:00:00+03:00", items: [{ sku: "A-1", price: 10, quantity: 2 }] };
const receipt = (body: unknown, headers: Record<string, string> = {}, method = "POST") =>
  conforms("/receipt/points", {
    method,
    headers: { "content-type": "application/json", "x-ct-authorization": `CTApiKey ${program.secretKey}`, ...headers },
    ...(method === "POST" && { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });

describe("the OpenAPI document", () => {
  it("is served at /openapi.json as OpenAPI 3.1, every schema compiling", async () => {
    const res = await conforms("/openapi.json");
    expect(await res.json()).toEqual(JSON.parse(JSON.stringify(OPENAPI)));
    expect(OPENAPI.openapi).toBe("3.1.0");
    for (const name of Object.keys(OPENAPI.components.schemas)) {
      expect(() => ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`), name).not.toThrow();
    }
  });

  it("describes /health", async () => {
    expect((await conforms("/health")).status).toBe(200);
  });

  it("describes POST /receipt/points: points, and each error status with the reference's error body", async () => {
    expect((await receipt(BASKET)).status).toBe(200);
    expect((await receipt("{not json")).status).toBe(400);
    expect((await receipt({ ...BASKET, date_purchased: "2026-05-01" })).status).toBe(400);
    expect((await receipt(BASKET, { "x-ct-authorization": "CTApiKey nope" })).status).toBe(401);
    expect((await receipt(BASKET, { "x-ct-authorization": `CTApiKey ${ADMIN_KEY}` })).status).toBe(403);
    expect((await receipt(BASKET, {}, "GET")).status).toBe(405);
    expect((await receipt(BASKET, { "content-type": "text/plain" })).status).toBe(415);
    expect((await receipt("x".repeat(1_100_000))).status).toBe(413);
  });

  it("describes GET /export/{file}: the CSV and each error status with the catalogue's error body", async () => {
    const auth = { authorization: `Bearer ${ADMIN_KEY}` };
    const ok = await conforms(`/export/members.csv?programId=${encodeURIComponent(program.id)}`, { headers: auth });
    expect(ok.status).toBe(200);
    expect((await conforms("/export/members.csv", { headers: auth })).status).toBe(400);
    expect((await conforms(`/export/members.csv?programId=${program.id}`)).status).toBe(401);
    expect((await conforms("/export/nothing.csv", { headers: auth })).status).toBe(404);
    expect((await conforms("/export/members.csv", { method: "POST", headers: auth })).status).toBe(405);
  });

  it("describes GET /r/{code}: the redirect, an unknown code and a wrong method", async () => {
    const project = await createProject(app, program.id);
    const partner = await createPartner(app, program.id);
    await addToProject(app, project.id, partner.id, true);
    const link = await createLink(app, partner.id);
    const res = await conforms(`/r/${link.code}`);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/^https:\/\/shop\.example\/landing\?.*pg_click=/);
    expect((await conforms("/r/unknown-code")).status).toBe(404);
    expect((await conforms(`/r/${link.code}`, { method: "POST" })).status).toBe(405);
  });
});
