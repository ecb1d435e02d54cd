// The HTTP surface: health, request ids, GraphiQL, credentials, limits, masking, and subscriptions over
// WebSocket (graphql-ws) and SSE.
import { createClient } from "graphql-ws";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createMaskError } from "../src/http/errors.js";
import { ADMIN_KEY, createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const UPDATE_NAME = /* GraphQL */ `
  mutation ($id: ID!, $name: String!) { updatePartner(input: { partner: { id: $id }, name: $name }) { __typename } }
`;
const PARTNER_CHANGED = /* GraphQL */ `
  subscription ($programId: ID!) { partnerChanged(programId: $programId) { type partner { id name } } }
`;

describe("http", () => {
  it("reports health of the process and the database", async () => {
    const res = await fetch(`${app.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: "ok", database: "ok" });
  });

  it("echoes a well-formed request id and makes one up otherwise", async () => {
    const given = await fetch(`${app.url}/health`, { headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const made = await fetch(`${app.url}/health`, { headers: { "x-request-id": "<script>" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("serves GraphiQL to browsers outside production", async () => {
    const res = await fetch(app.graphqlUrl, { headers: { accept: "text/html" } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Partnergraph");
  });
});

describe("credentials", () => {
  it("asks anonymous callers to authenticate (HTTP 401, UNAUTHENTICATED)", async () => {
    const res = await app.gql(`{ viewer { kind } }`, {}, null);
    expect(res.status).toBe(401);
    expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("rejects unknown keys and malformed headers", async () => {
    const unknown = await app.gql(`{ viewer { kind } }`, {}, "pgp_not-a-real-key");
    expect(unknown.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const res = await fetch(app.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic dXNlcjpwYXNz" },
      body: JSON.stringify({ query: "{ viewer { kind } }" }),
    });
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe(
      "UNAUTHENTICATED",
    );
  });

  it("authenticates the admin key, program keys and partner keys", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    expect((await app.gql(`{ viewer { kind } }`)).data.viewer.kind).toBe("ADMIN_KEY");
    expect(
      (await app.gql(`{ viewer { kind partner { id } roles { role partner { id } } } }`, {}, partner.apiKey)).data
        .viewer,
    ).toEqual({
      kind: "PARTNER_KEY",
      partner: { id: partner.id },
      roles: [{ role: "PARTNER_USER", partner: { id: partner.id } }],
    });
  });
});

describe("limits and errors", () => {
  it("refuses queries nested deeper than the limit before running them", async () => {
    let selection = "id";
    for (let i = 0; i < 6; i++) selection = `partners { nodes { program { ${selection} } } }`;
    const res = await app.gql(`{ programs { nodes { ${selection} } } }`);
    expect(res.data ?? null).toBeNull();
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors?.[0]?.message).toMatch(/depth/i);
  });

  it("refuses queries whose estimated cost is too high", async () => {
    const res = await app.gql(
      `{ programs(first: 100) { nodes { partners(first: 100) { nodes { id name program { name } } } } } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(res.errors?.[0]?.message).toMatch(/complexity/i);
    const modest = await app.gql(`{ programs(first: 10) { nodes { partners(first: 20) { nodes { id name } } } } }`);
    expect(modest.errors).toBeUndefined();
  });

  it("refuses too many aliases or tokens, on HTTP and WebSocket alike", async () => {
    const aliased = `{ ${Array.from({ length: 25 }, (_, i) => `v${i}: viewer { kind }`).join(" ")} }`;
    expect((await app.gql(aliased)).errors?.[0]?.message).toMatch(/aliases/i);
    const long = `{ viewer { ${Array.from({ length: 3100 }, () => "kind").join(" ")} } }`;
    expect((await app.gql(long)).errors?.[0]?.message).toMatch(/token/i);

    const client = createClient({
      url: app.graphqlUrl.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    // graphql-ws reports a refused operation as an `error` message: the iterator throws the errors.
    const firstError = (query: string) =>
      client
        .iterate({ query })
        .next()
        .then(
          (r) => r.value?.errors?.[0],
          (errors: { message: string; extensions?: { code?: string } }[]) => errors[0],
        );
    expect((await firstError(aliased))?.message).toMatch(/aliases/i);
    let deep = "id";
    for (let i = 0; i < 6; i++) deep = `partners { nodes { program { ${deep} } } }`;
    expect((await firstError(`{ programs { nodes { ${deep} } } }`))?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    await client.dispose();
  });

  it("masks unexpected errors and keeps catalogue codes", () => {
    const mask = createMaskError(pino({ level: "silent" }));
    const masked = mask(new Error("connection string postgres://secret@db"), "Unexpected error.") as Error & {
      extensions: { code: string };
    };
    expect(masked.message).toBe("Unexpected error.");
    expect(masked.extensions.code).toBe("INTERNAL_SERVER_ERROR");
  });
});

describe("subscriptions", () => {
  it("deliver committed partner changes over graphql-ws, scoped to the caller", async () => {
    const program = await createProgram(app);
    const watched = await createPartner(app, program.id, { name: "Watched" });
    const other = await createPartner(app, program.id, { name: "Other" });

    const asPartner = createClient({
      url: app.graphqlUrl.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${watched.apiKey}` },
    });
    const asProgram = createClient({
      url: app.graphqlUrl.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${program.secretKey}` },
    });
    const partnerEvents = asPartner.iterate({ query: PARTNER_CHANGED, variables: { programId: program.id } });
    const programEvents = asProgram.iterate({ query: PARTNER_CHANGED, variables: { programId: program.id } });
    // Wait until both subscriptions are live on the server before causing events.
    await waitForSubscribers(2);

    await app.gql(UPDATE_NAME, { id: other.id, name: "Other renamed" });
    await app.gql(UPDATE_NAME, { id: watched.id, name: "Watched renamed" });

    const seenByProgram = [(await programEvents.next()).value, (await programEvents.next()).value];
    expect(seenByProgram.map((r) => r?.data?.partnerChanged.partner.name)).toEqual([
      "Other renamed",
      "Watched renamed",
    ]);
    // The partner never sees the other partner's change: its first event is its own.
    const seenByPartner = (await partnerEvents.next()).value;
    expect(seenByPartner?.data?.partnerChanged).toEqual({
      type: "PARTNER_UPDATED",
      partner: { id: watched.id, name: "Watched renamed" },
    });

    await partnerEvents.return?.();
    await programEvents.return?.();
    await asPartner.dispose();
    await asProgram.dispose();
  });

  it("closes WebSocket connections with rejected credentials with 4403", async () => {
    const closed = await new Promise<number>((resolve) => {
      const client = createClient({
        url: app.graphqlUrl.replace("http", "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { authorization: "Bearer pgp_wrong" },
        on: { closed: (event) => resolve((event as { code: number }).code) },
      });
      client.subscribe(
        { query: "subscription { __typename }" },
        { next: () => {}, error: () => {}, complete: () => {} },
      );
    });
    expect(closed).toBe(4403);
  });

  it("refuses another program's subscription with NOT_FOUND", async () => {
    const a = await createProgram(app);
    const b = await createProgram(app);
    const client = createClient({
      url: app.graphqlUrl.replace("http", "ws"),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${b.secretKey}` },
    });
    const result = await client.iterate({ query: PARTNER_CHANGED, variables: { programId: a.id } }).next();
    expect(result.value?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    await client.dispose();
  });

  it("deliver over server-sent events with the Authorization header", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    const abort = new AbortController();
    const res = await fetch(app.graphqlUrl, {
      method: "POST",
      signal: abort.signal,
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${ADMIN_KEY}`,
      },
      body: JSON.stringify({ query: PARTNER_CHANGED, variables: { programId: program.id } }),
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    await waitForSubscribers(1);
    await app.gql(UPDATE_NAME, { id: partner.id, name: "Via SSE" });
    let text = "";
    while (!text.includes("event: next")) text += new TextDecoder().decode((await reader.read()).value);
    const data = JSON.parse(/data: (.*)/.exec(text.slice(text.indexOf("event: next")))![1]!);
    expect(data.data.partnerChanged).toEqual({ type: "PARTNER_UPDATED", partner: { id: partner.id, name: "Via SSE" } });
    abort.abort();
  });
});

/** Polls until the event bus has the given number of live subscribers for any program. */
async function waitForSubscribers(count: number) {
  const deadline = Date.now() + 5_000;
  while (app.events.listenerCount() < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} subscribers, have ${app.events.listenerCount()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("production", () => {
  it("hides GraphiQL and field suggestions", async () => {
    const prod = await startTestApp({ NODE_ENV: "production" });
    try {
      const typo = await prod.gql(`{ viewr { kind } }`);
      expect(typo.errors?.[0]?.message).not.toMatch(/did you mean/i);
      expect((await app.gql(`{ viewr { kind } }`)).errors?.[0]?.message).toMatch(/did you mean/i);
      const page = await fetch(prod.graphqlUrl, { headers: { accept: "text/html" } });
      expect(await page.text()).not.toContain("GraphiQL");
    } finally {
      await prod.close();
    }
  });
});
