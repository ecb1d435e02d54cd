// CORS as configuration: which origins' pages may call the API (CORS_ORIGINS; any in development, none in
// production) and which response headers their scripts may read. Preflights and actual requests, on GraphQL
// and a REST route alike.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { ADMIN_KEY, startTestApp, TEST_SECRETS_KEY, type TestApp } from "./helpers.js";

const PAGE = "https://dashboard.example.com";
const OTHER = "https://evil.example.net";

function preflight(app: TestApp, origin: string, path = "/graphql") {
  return fetch(`${app.url}${path}`, {
    method: "OPTIONS",
    headers: {
      origin,
      "access-control-request-method": "POST",
      "access-control-request-headers": "authorization,content-type",
    },
  });
}

function query(app: TestApp, origin: string) {
  return fetch(app.graphqlUrl, {
    method: "POST",
    headers: { origin, authorization: `Bearer ${ADMIN_KEY}`, "content-type": "application/json" },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
}

const exposed = (res: Response) =>
  (res.headers.get("access-control-expose-headers") ?? "").split(",").map((h) => h.trim().toLowerCase());

describe("development default: any origin, without credentials", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: "development" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers a preflight for any origin, allowing the Authorization header", async () => {
    const res = await preflight(app, OTHER);
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(res.headers.get("access-control-allow-methods")).toContain("POST");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(Number(res.headers.get("access-control-max-age"))).toBeGreaterThan(0);
  });

  it("lets scripts read the rate-limit headers, Retry-After and the request id", async () => {
    const res = await query(app, OTHER);
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(exposed(res)).toEqual(
      expect.arrayContaining([
        "ratelimit-limit",
        "ratelimit-remaining",
        "ratelimit-reset",
        "ratelimit-policy",
        "retry-after",
        "x-request-id",
      ]),
    );
    expect(res.headers.get("ratelimit-remaining")).not.toBeNull();
  });

  it("applies to the REST routes too", async () => {
    const res = await fetch(`${app.url}/health`, { headers: { origin: PAGE } });
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect((await preflight(app, PAGE, "/receipt/points")).headers.get("access-control-allow-origin")).toBe("*");
  });
});

describe("production default: no cross-origin access", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: "production" });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("allows no origin in a preflight or an actual request", async () => {
    const pre = await preflight(app, PAGE);
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    const res = await query(app, PAGE);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CORS_ORIGINS: exactly the listed origins", () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ NODE_ENV: "production", CORS_ORIGINS: `${PAGE}, http://localhost:5173` });
  });
  afterAll(async () => {
    await app?.close();
  });

  it("allows a listed origin by name, never with credentials", async () => {
    const pre = await preflight(app, PAGE);
    expect(pre.headers.get("access-control-allow-origin")).toBe(PAGE);
    expect(pre.headers.get("vary")).toContain("Origin");
    const res = await query(app, "http://localhost:5173");
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:5173");
    expect(res.headers.get("access-control-allow-credentials")).toBeNull();
    expect(exposed(res)).toContain("x-request-id");
  });

  it("does not allow an origin that is not listed", async () => {
    expect((await preflight(app, OTHER)).headers.get("access-control-allow-origin")).toBeNull();
    const res = await query(app, OTHER);
    expect(res.headers.get("access-control-allow-origin")).toBeNull();
    expect(res.headers.get("vary")).toContain("Origin");
  });
});

describe("CORS_ORIGINS values", () => {
  it("reads a comma list, * as any origin, and defaults by NODE_ENV", () => {
    expect(loadConfig({ CORS_ORIGINS: `${PAGE},http://localhost:5173` }).corsOrigins).toEqual([
      PAGE,
      "http://localhost:5173",
    ]);
    expect(loadConfig({ NODE_ENV: "production", SECRETS_KEY: TEST_SECRETS_KEY, CORS_ORIGINS: "*" }).corsOrigins).toBe(
      "*",
    );
    expect(loadConfig({ NODE_ENV: "production", SECRETS_KEY: TEST_SECRETS_KEY }).corsOrigins).toEqual([]);
    expect(loadConfig({}).corsOrigins).toBe("*");
  });

  it("refuses anything that is not an origin", () => {
    for (const bad of ["dashboard.example.com", `${PAGE}/app`, "ftp://x", `${PAGE}/`]) {
      expect(() => loadConfig({ CORS_ORIGINS: bad }), bad).toThrow(ConfigError);
    }
  });
});
