import { describe, expect, it } from "vitest";
import { createClient } from "./client.js";
import { PartnergraphError, isError } from "./errors.js";

function fakeFetch(status: number, body: unknown, seen: { url?: string; init?: RequestInit }[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  }) as typeof fetch;
}

describe("createClient", () => {
  it("posts the operation with the Bearer credential and returns data", async () => {
    const seen: { url?: string; init?: RequestInit }[] = [];
    const client = createClient({ url: "http://api.test/graphql", apiKey: "pgp_key", fetch: fakeFetch(200, { data: { viewer: { kind: "PARTNER_KEY" } } }, seen), headers: { "x-request-id": "r1" } });
    const result = await client.Viewer();
    expect(result.viewer.kind).toBe("PARTNER_KEY");
    const headers = seen[0]!.init!.headers as Record<string, string>;
    expect(seen[0]!.url).toBe("http://api.test/graphql");
    expect(headers.authorization).toBe("Bearer pgp_key");
    expect(headers["x-request-id"]).toBe("r1");
    const body = JSON.parse(seen[0]!.init!.body as string) as { query: string; variables?: unknown };
    expect(body.query).toMatch(/^query Viewer/);
  });

  it("switches credentials after login", async () => {
    const seen: { init?: RequestInit }[] = [];
    const client = createClient({ url: "http://api.test/graphql", fetch: fakeFetch(200, { data: { logout: { loggedOut: true } } }, seen) });
    await client.Logout();
    client.setCredential("pgt_session");
    await client.Logout();
    expect((seen[0]!.init!.headers as Record<string, string>).authorization).toBeUndefined();
    expect((seen[1]!.init!.headers as Record<string, string>).authorization).toBe("Bearer pgt_session");
  });

  it("throws GraphQL errors as PartnergraphError with the server's code", async () => {
    const client = createClient({
      url: "http://api.test/graphql",
      fetch: fakeFetch(429, { data: null, errors: [{ message: "Rate limit exceeded", path: ["viewer"], extensions: { code: "QUOTA_EXCEEDED", retryAfter: 12 } }] }),
    });
    const error = await client.Viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnergraphError);
    expect(error).toMatchObject({ code: "QUOTA_EXCEEDED", status: 429, retryAfter: 12, path: ["viewer"], message: "Rate limit exceeded" });
  });

  it("reports network failures and non-JSON answers", async () => {
    const down = createClient({ url: "http://api.test/graphql", fetch: (async () => { throw new TypeError("fetch failed"); }) as typeof fetch });
    await expect(down.Viewer()).rejects.toMatchObject({ code: "NETWORK_ERROR" });
    const proxy = createClient({ url: "http://api.test/graphql", fetch: fakeFetch(502, "<html>Bad gateway</html>") });
    await expect(proxy.Viewer()).rejects.toMatchObject({ code: "HTTP_ERROR", status: 502 });
  });
});

describe("isError", () => {
  it("narrows mutation results to their typed failures", () => {
    const results = [
      { __typename: "CreatePartnerPayload" as const, apiKey: "k" },
      { __typename: "ConflictError" as const, code: "CONFLICT", message: "taken", path: "externalId" },
    ];
    expect(results.filter(isError).map((r) => r.code)).toEqual(["CONFLICT"]);
  });
});
