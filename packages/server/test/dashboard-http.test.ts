// GET /partner/*: the built dashboard as the server serves it: index.html for client-side routes with a
// Content-Security-Policy, hashed assets cached for a year (gzip when asked), nothing outside the build.
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DASHBOARD_DIST } from "./dashboard/browser.js";
import { startTestApp, type TestApp } from "./helpers.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

/** A GET with the path sent exactly as written (fetch would resolve `..` first). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(app.url);
    request({ host: url.hostname, port: url.port, path, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

const index = () => readFileSync(join(DASHBOARD_DIST, "index.html"), "utf8");
const entryScript = () => /src="(\/partner\/assets\/[^"]+\.js)"/.exec(index())?.[1] ?? "";

describe("the dashboard's routes", () => {
  it("answers every client-side route with index.html, uncached, under a CSP of its own origin", async () => {
    for (const path of ["/partner/", "/partner/login", `/partner/partners/UGFydG5lcjox/links`]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
      expect(res.headers.get("cache-control")).toBe("no-cache");
      const csp = res.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe");
      expect(await res.text()).toBe(index());
    }
    const bare = await fetch(`${app.url}/partner`, { redirect: "manual" });
    expect(bare.status).toBe(301);
    expect(bare.headers.get("location")).toBe("/partner/");
  });

  it("serves hashed assets immutable, gzipped when asked", async () => {
    const script = entryScript();
    expect(script).toMatch(/^\/partner\/assets\/index-[\w-]+\.js$/);
    const plain = await fetch(`${app.url}${script}`, { headers: { "accept-encoding": "identity" } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(plain.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(plain.headers.get("content-encoding")).toBeNull();
    const body = await plain.text();
    expect(body).toBe(readFileSync(join(DASHBOARD_DIST, script.replace("/partner/", "")), "utf8"));
    // fetch decompresses: the header says what went over the wire.
    const gzipped = await fetch(`${app.url}${script}`, { headers: { "accept-encoding": "gzip" } });
    expect(gzipped.headers.get("content-encoding")).toBe("gzip");
    expect(await gzipped.text()).toBe(body);
  });

  it("serves nothing outside the build, and only reads", async () => {
    expect((await fetch(`${app.url}/partner/assets/missing-1234.js`)).status).toBe(404);
    const outside = await rawGet("/partner/assets/../../package.json");
    expect(outside.status).toBe(404);
    expect(outside.body).not.toContain("@partnergraph/dashboard");
    const post = await fetch(`${app.url}/partner/login`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    // Neighbouring paths are not the dashboard's.
    expect((await fetch(`${app.url}/partners`)).headers.get("content-security-policy")).toBeNull();
  });
});
