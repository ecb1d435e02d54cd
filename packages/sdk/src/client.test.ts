import { readFile } from "node:fs/promises";
import { buildSchema, type GraphQLInterfaceType } from "graphql";
import { describe, expect, it, vi } from "vitest";
import { createClient } from "./client.js";
import { isError, PartnergraphError } from "./errors.js";
import { type CreatePartnerMutation, ERROR_TYPENAMES } from "./generated.js";

type Seen = { url?: string; init?: RequestInit };

function fakeFetch(status: number, body: unknown, seen: Seen[] = []): typeof fetch {
  return (async (url: string, init: RequestInit) => {
    seen.push({ url, init });
    return new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "content-type": "application/json" },
    });
  }) as typeof fetch;
}

const headersOf = (seen: Seen) => seen.init!.headers as Record<string, string>;

describe("createClient over HTTP", () => {
  it("posts the operation with the Bearer credential and returns data", async () => {
    const seen: Seen[] = [];
    const client = createClient({
      url: "http://api.test/graphql",
      apiKey: "pgp_key",
      fetch: fakeFetch(200, { data: { viewer: { kind: "PARTNER_KEY" } } }, seen),
      headers: { "x-request-id": "r1" },
    });
    const result = await client.Viewer();
    expect(result.viewer.kind).toBe("PARTNER_KEY");
    expect(seen[0]!.url).toBe("http://api.test/graphql");
    expect(seen[0]!.init!.method).toBe("POST");
    expect(headersOf(seen[0]!)).toMatchObject({
      authorization: "Bearer pgp_key",
      "content-type": "application/json",
      "x-request-id": "r1",
    });
    const body = JSON.parse(seen[0]!.init!.body as string) as {
      query: string;
      operationName?: string;
      variables?: unknown;
    };
    expect(body.query).toMatch(/^query Viewer/);
    expect(body.operationName).toBe("Viewer");
  });

  it("sends variables, and a session token the same way as a key", async () => {
    const seen: Seen[] = [];
    const client = createClient({
      url: "http://api.test/graphql",
      token: "pgt_session",
      fetch: fakeFetch(200, { data: { partner: null } }, seen),
    });
    await client.Partner({ id: "UGFydG5lcjox" });
    expect(headersOf(seen[0]!).authorization).toBe("Bearer pgt_session");
    expect(JSON.parse(seen[0]!.init!.body as string)).toMatchObject({
      operationName: "Partner",
      variables: { id: "UGFydG5lcjox" },
    });
  });

  it("sends no Authorization header without a credential, and switches credentials after login", async () => {
    const seen: Seen[] = [];
    const client = createClient({
      url: "http://api.test/graphql",
      fetch: fakeFetch(200, { data: { logout: { loggedOut: true } } }, seen),
    });
    await client.Logout();
    client.setCredential("pgt_session");
    await client.Logout();
    expect(headersOf(seen[0]!).authorization).toBeUndefined();
    expect(headersOf(seen[1]!).authorization).toBe("Bearer pgt_session");
  });

  it("throws GraphQL errors as PartnergraphError with the server's code, status, path and raw errors", async () => {
    const errors = [
      { message: "Rate limit exceeded", path: ["viewer"], extensions: { code: "QUOTA_EXCEEDED", retryAfter: 12 } },
    ];
    const client = createClient({ url: "http://api.test/graphql", fetch: fakeFetch(429, { data: null, errors }) });
    const error = await client.Viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnergraphError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: "PartnergraphError",
      code: "QUOTA_EXCEEDED",
      status: 429,
      retryAfter: 12,
      path: ["viewer"],
      message: "Rate limit exceeded",
      errors,
    });
  });

  it("falls back to INTERNAL_SERVER_ERROR when an error has no code", async () => {
    const client = createClient({
      url: "http://api.test/graphql",
      fetch: fakeFetch(200, { data: null, errors: [{ message: "Unexpected error." }] }),
    });
    await expect(client.Viewer()).rejects.toMatchObject({
      code: "INTERNAL_SERVER_ERROR",
      status: 200,
      path: undefined,
    });
  });

  it("reports network failures, non-JSON answers and empty answers", async () => {
    const down = createClient({
      url: "http://api.test/graphql",
      fetch: (async () => {
        throw new TypeError("fetch failed");
      }) as typeof fetch,
    });
    const error = await down.Viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnergraphError);
    expect(error).toMatchObject({ code: "NETWORK_ERROR", status: undefined, errors: [] });
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    const proxy = createClient({ url: "http://api.test/graphql", fetch: fakeFetch(502, "<html>Bad gateway</html>") });
    await expect(proxy.Viewer()).rejects.toMatchObject({ code: "BAD_RESPONSE", status: 502 });
    const empty = createClient({ url: "http://api.test/graphql", fetch: fakeFetch(200, {}) });
    await expect(empty.Viewer()).rejects.toMatchObject({ code: "BAD_RESPONSE", status: 200 });
  });
});

type WsMessage = { type: string; id?: string; payload?: any };
interface ServerSide {
  reply(message: object): void;
  close(code?: number, reason?: string): void;
}

/** Just enough of a WebSocket for graphql-ws' client: `serve` answers each message the client sends. */
function fakeWebSocket(serve: (socket: ServerSide, message: WsMessage) => void) {
  const sockets: FakeSocket[] = [];
  class FakeSocket {
    static CONNECTING = 0;
    static OPEN = 1;
    static CLOSING = 2;
    static CLOSED = 3;
    readyState = 0;
    sent: WsMessage[] = [];
    onopen: (() => void) | null = null;
    onclose: ((event: { code: number; reason: string; wasClean: boolean }) => void) | null = null;
    onerror: ((error: unknown) => void) | null = null;
    onmessage: ((event: { data: string }) => void) | null = null;
    constructor(
      readonly url: string,
      readonly protocol: string,
    ) {
      sockets.push(this);
      setTimeout(() => {
        this.readyState = 1;
        this.onopen?.();
      });
    }
    send(data: string) {
      const message = JSON.parse(data) as WsMessage;
      this.sent.push(message);
      setTimeout(() => serve(this, message));
    }
    reply(message: object) {
      if (this.readyState === 1) this.onmessage?.({ data: JSON.stringify(message) });
    }
    close(code = 1000, reason = "") {
      if (this.readyState === 3) return;
      this.readyState = 3;
      setTimeout(() => this.onclose?.({ code, reason, wasClean: true }));
    }
  }
  return { FakeSocket, sockets };
}

describe("createClient subscriptions", () => {
  it("connects lazily to the ws URL with the credential, yields typed events, and unsubscribes on break", async () => {
    const { FakeSocket, sockets } = fakeWebSocket((socket, message) => {
      if (message.type === "connection_init") socket.reply({ type: "connection_ack" });
      if (message.type === "subscribe")
        for (const type of ["PARTNER_CREATED", "PARTNER_UPDATED", "PARTNER_DELETED"])
          socket.reply({
            id: message.id,
            type: "next",
            payload: { data: { partnerChanged: { type, occurredAt: "2026-11-23T08:00:00.000Z", partner: null } } },
          });
    });
    const client = createClient({ url: "https://api.test/graphql", apiKey: "pga_admin", webSocketImpl: FakeSocket });
    const subscription = client.PartnerChanged({ programId: "P1" });
    expect(sockets).toHaveLength(0);

    const types: string[] = [];
    for await (const event of subscription) {
      types.push(event.partnerChanged.type);
      if (types.length === 2) break;
    }
    expect(types).toEqual(["PARTNER_CREATED", "PARTNER_UPDATED"]);
    const socket = sockets[0]!;
    expect(socket.url).toBe("wss://api.test/graphql");
    expect(socket.protocol).toBe("graphql-transport-ws");
    expect(socket.sent[0]).toEqual({ type: "connection_init", payload: { authorization: "Bearer pga_admin" } });
    const subscribe = socket.sent.find((m) => m.type === "subscribe")!;
    expect(subscribe.payload).toMatchObject({ operationName: "PartnerChanged", variables: { programId: "P1" } });
    expect(subscribe.payload.query).toMatch(/^subscription PartnerChanged/);
    expect(socket.sent).toContainEqual({ type: "complete", id: subscribe.id });
    await client.close();
  });

  it("return() before any event unsubscribes at once and ends the pending next()", async () => {
    const { FakeSocket, sockets } = fakeWebSocket((socket, message) => {
      if (message.type === "connection_init") socket.reply({ type: "connection_ack" });
    });
    const client = createClient({ url: "http://api.test/graphql", webSocketImpl: FakeSocket });
    const events = client.PartnerChanged({ programId: "P1" })[Symbol.asyncIterator]();
    const pending = events.next();
    while (!sockets[0]?.sent.some((m) => m.type === "subscribe")) await new Promise((r) => setTimeout(r, 1));
    expect(sockets[0]!.url).toBe("ws://api.test/graphql");
    expect(sockets[0]!.sent[0]).toEqual({ type: "connection_init", payload: {} }); // no credential: no authorization
    await expect(events.return!()).resolves.toEqual({ done: true, value: undefined });
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    expect(sockets[0]!.sent.at(-1)).toMatchObject({ type: "complete" });
    await expect(events.next()).resolves.toEqual({ done: true, value: undefined });
    await client.close();
  });

  it("turns a socket closed with 4403 into PartnergraphError FORBIDDEN, without retrying", async () => {
    const { FakeSocket, sockets } = fakeWebSocket((socket, message) => {
      if (message.type === "connection_init") socket.close(4403, "Forbidden");
    });
    const client = createClient({ url: "http://api.test/graphql", apiKey: "wrong", webSocketImpl: FakeSocket });
    const error = await (async () => {
      for await (const _ of client.PartnerChanged({ programId: "P1" })) return "event";
      return "done";
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnergraphError);
    expect(error).toMatchObject({ code: "FORBIDDEN", message: "Forbidden" });
    expect(sockets).toHaveLength(1);
    await client.close();
  });

  it("turns an error message into PartnergraphError with the server's code", async () => {
    const { FakeSocket } = fakeWebSocket((socket, message) => {
      if (message.type === "connection_init") socket.reply({ type: "connection_ack" });
      if (message.type === "subscribe")
        socket.reply({
          id: message.id,
          type: "error",
          payload: [{ message: "Program not found", path: ["partnerChanged"], extensions: { code: "NOT_FOUND" } }],
        });
    });
    const client = createClient({ url: "http://api.test/graphql", apiKey: "pga_admin", webSocketImpl: FakeSocket });
    const events = client.PartnerChanged({ programId: "nope" })[Symbol.asyncIterator]();
    await expect(events.next()).rejects.toMatchObject({
      name: "PartnergraphError",
      code: "NOT_FOUND",
      path: ["partnerChanged"],
    });
    await expect(events.next()).resolves.toMatchObject({ done: true });
    await client.close();
  });
});

describe("isError", () => {
  it("narrows mutation results to the types that implement Error", () => {
    const results: CreatePartnerMutation["createPartner"][] = [
      { __typename: "CreatePartnerPayload", apiKey: "k", partner: {} as never },
      { __typename: "ConflictError", code: "CONFLICT", message: "taken", path: "externalId" },
      {
        __typename: "ValidationError",
        code: "VALIDATION_FAILED",
        message: "bad",
        issues: [{ path: "costPerPoint", message: "too precise" }],
      },
    ];
    expect(results.filter(isError).map((r) => r.code)).toEqual(["CONFLICT", "VALIDATION_FAILED"]);
    const first = results[0]!;
    // Compiles only because isError narrowed the union: the else branch is the payload.
    expect(isError(first) ? first.message : first.apiKey).toBe("k");
    expect(isError({ __typename: "LoginPayload", code: "not an error", message: "" })).toBe(false);
  });

  it("knows every type that implements Error in schema.graphql", async () => {
    const schema = buildSchema(await readFile(new URL("../../../schema.graphql", import.meta.url), "utf8"));
    const implementations = schema
      .getImplementations(schema.getType("Error") as GraphQLInterfaceType)
      .objects.map((t) => t.name);
    expect([...ERROR_TYPENAMES]).toEqual(implementations.sort());
    expect(ERROR_TYPENAMES).toContain("ValidationError");
  });
});

describe("relative URLs in browsers", () => {
  it("resolves the subscription URL against the page", async () => {
    const { FakeSocket, sockets } = fakeWebSocket((socket, message) => {
      if (message.type === "connection_init") socket.reply({ type: "connection_ack" });
    });
    vi.stubGlobal("location", { href: "https://app.example.com/dashboard/" });
    try {
      const client = createClient({ url: "/graphql", webSocketImpl: FakeSocket });
      const events = client.PartnerChanged({ programId: "P1" })[Symbol.asyncIterator]();
      const pending = events.next();
      while (!sockets[0]) await new Promise((r) => setTimeout(r, 1));
      expect(sockets[0].url).toBe("wss://app.example.com/graphql");
      await events.return!();
      await pending;
      await client.close();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
