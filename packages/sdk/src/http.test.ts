// The core HTTP client with a fake fetch: any typed document, retries (which errors, which operations, how long),
// abort, and pagination.
import { readFile } from "node:fs/promises";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import {
  buildSchema,
  type GraphQLInputObjectType,
  type GraphQLObjectType,
  type GraphQLUnionType,
  getNamedType,
  parse,
} from "graphql";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createClient } from "./client.js";
import { PartnergraphError } from "./errors.js";
import {
  AwardPointsDocument,
  CreatePartnerDocument,
  PartnersDocument,
  RecordPurchaseDocument,
  RedeemCouponDocument,
  ViewerDocument,
} from "./generated.js";
import { createHttpClient, type RetryOptions } from "./http.js";
import { IDEMPOTENCY_KEYS } from "./operation.js";
import { createBaseClient } from "./subscriptions.js";

type Reply = { status?: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fetch that answers from a script, one reply per call, and records each call's parsed body. */
function scriptedFetch(...replies: Reply[]) {
  const calls: {
    body: { query: string; operationName?: string; variables?: Record<string, unknown> };
    headers: Record<string, string>;
  }[] = [];
  const fetch = (async (_url: string, init: RequestInit) => {
    calls.push({ body: JSON.parse(init.body as string), headers: init.headers as Record<string, string> });
    const reply = replies[Math.min(calls.length, replies.length) - 1]!;
    if (reply instanceof Error) throw reply;
    const body = reply.body;
    return new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status: reply.status ?? 200,
      headers: { "content-type": "application/json", ...reply.headers },
    });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const quota = (retryAfter?: number): Reply => ({
  status: 429,
  body: {
    errors: [
      { message: "Rate limit exceeded", extensions: { code: "QUOTA_EXCEEDED", ...(retryAfter ? { retryAfter } : {}) } },
    ],
  },
});
const viewer = { body: { data: { viewer: { kind: "PARTNER_KEY", partner: null, user: null, roles: [] } } } };
const url = "http://api.test/graphql";
/** Retries without waiting long, recording each wait. */
const quick = (waits: number[], extra: RetryOptions = {}): RetryOptions => ({
  baseDelayMs: 1,
  maxDelayMs: 5_000,
  onRetry: ({ delayMs }) => waits.push(delayMs),
  ...extra,
});

afterEach(() => {
  vi.useRealTimers();
});

describe("request", () => {
  it("sends any typed document, including a selection of one's own", async () => {
    const { fetch, calls } = scriptedFetch({ body: { data: { viewer: { kind: "ADMIN_KEY" } } } });
    const client = createHttpClient({ url, apiKey: "pga_admin", fetch });
    // A team's own selection: codegen would type it; here the types are spelt out.
    const MyViewer = parse("query MyViewer { viewer { kind } }") as TypedDocumentNode<
      { viewer: { kind: string } },
      Record<string, never>
    >;
    const data = await client.request(MyViewer);
    expect(data.viewer.kind).toBe("ADMIN_KEY");
    expect(calls[0]!.body).toMatchObject({
      operationName: "MyViewer",
      query: expect.stringMatching(/^query MyViewer/),
    });
    expect(calls[0]!.headers.authorization).toBe("Bearer pga_admin");
  });

  it("sends the SDK's documents with their variables, and per-request headers", async () => {
    const { fetch, calls } = scriptedFetch({
      body: { data: { partners: { totalCount: 0, pageInfo: {}, nodes: [] } } },
    });
    const client = createHttpClient({ url, fetch, headers: { "x-app": "a" } });
    await client.request(PartnersDocument, { programId: "P1", first: 5 }, { headers: { "x-request-id": "r1" } });
    expect(calls[0]!.body).toMatchObject({ operationName: "Partners", variables: { programId: "P1", first: 5 } });
    expect(calls[0]!.headers).toMatchObject({ "x-app": "a", "x-request-id": "r1" });
    expect(calls[0]!.headers.authorization).toBeUndefined();
  });

  it("keeps the server's x-request-id and Retry-After on errors; unknown codes become UNKNOWN_ERROR", async () => {
    const { fetch } = scriptedFetch(
      {
        status: 429,
        body: { errors: [{ message: "slow down", extensions: { code: "QUOTA_EXCEEDED" } }] },
        headers: { "x-request-id": "req-1", "retry-after": "7" },
      },
      { body: { errors: [{ message: "new", extensions: { code: "SOMETHING_NEW" } }] } },
      { status: 400, body: { errors: [{ message: 'Variable "$id" of required type "ID!" was not provided.' }] } },
      { body: { errors: [{ message: "bad", extensions: { code: "GRAPHQL_VALIDATION_FAILED" } }] } },
    );
    const client = createHttpClient({ url, fetch });
    await expect(client.request(ViewerDocument)).rejects.toMatchObject({
      code: "QUOTA_EXCEEDED",
      status: 429,
      requestId: "req-1",
      retryAfter: 7,
    });
    const unknown = (await client.request(ViewerDocument).catch((e: unknown) => e)) as PartnergraphError;
    expect(unknown).toMatchObject({ code: "UNKNOWN_ERROR", message: "new" });
    expect(unknown.errors[0]!.extensions!.code).toBe("SOMETHING_NEW");
    await expect(client.request(ViewerDocument)).rejects.toMatchObject({ code: "BAD_REQUEST", status: 400 });
    await expect(client.request(ViewerDocument)).rejects.toMatchObject({ code: "GRAPHQL_VALIDATION_FAILED" });
  });

  it("reports an aborted request as ABORTED", async () => {
    const controller = new AbortController();
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_, reject) =>
        init.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))),
      )) as typeof globalThis.fetch;
    const client = createHttpClient({ url, fetch, retry: true });
    const pending = client.request(ViewerDocument, {}, { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "PartnergraphError", code: "ABORTED" });
  });

  it("refuses a subscription document over HTTP, and a document with several anonymous operations", async () => {
    const client = createHttpClient({ url, fetch: scriptedFetch(viewer).fetch });
    const both = parse("query A { viewer { kind } } query B { viewer { kind } }");
    await expect(client.request(both)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const live = parse("subscription { partnerChanged(programId: 1) { type } }");
    await expect(client.request(live)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("retries", () => {
  it("are off by default", async () => {
    const { fetch, calls } = scriptedFetch(quota(1), viewer);
    await expect(createHttpClient({ url, fetch }).request(ViewerDocument)).rejects.toMatchObject({
      code: "QUOTA_EXCEEDED",
    });
    expect(calls).toHaveLength(1);
  });

  it("wait for extensions.retryAfter on QUOTA_EXCEEDED, then succeed", async () => {
    vi.useFakeTimers();
    const { fetch, calls } = scriptedFetch(quota(2), viewer);
    const waits: number[] = [];
    const client = createHttpClient({ url, fetch, retry: quick(waits) });
    const pending = client.request(ViewerDocument);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).viewer.kind).toBe("PARTNER_KEY");
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([2_000]);
  });

  it("wait for Retry-After on SERVICE_UNAVAILABLE (a database outage) like QUOTA_EXCEEDED, then succeed", async () => {
    vi.useFakeTimers();
    const unavailable: Reply = {
      status: 503,
      headers: { "retry-after": "5" },
      body: {
        errors: [{ message: "unavailable", extensions: { code: "SERVICE_UNAVAILABLE", retryAfter: 5 } }],
      },
    };
    const { fetch, calls } = scriptedFetch(unavailable, viewer);
    const waits: number[] = [];
    const client = createHttpClient({ url, fetch, retry: quick(waits, { maxDelayMs: 10_000 }) });
    const pending = client.request(ViewerDocument);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).viewer.kind).toBe("PARTNER_KEY");
    expect(waits).toEqual([5_000]);
  });

  it("honour the Retry-After header when the error carries no retryAfter", async () => {
    vi.useFakeTimers();
    const limited: Reply = {
      status: 429,
      body: { errors: [{ message: "Rate limit exceeded", extensions: { code: "QUOTA_EXCEEDED" } }] },
      headers: { "retry-after": "3" },
    };
    const { fetch, calls } = scriptedFetch(limited, viewer);
    const waits: number[] = [];
    const pending = createHttpClient({ url, fetch, retry: quick(waits) }).request(ViewerDocument);
    await vi.advanceTimersByTimeAsync(3_000);
    await pending;
    expect(calls).toHaveLength(2);
    expect(waits).toEqual([3_000]);
  });

  it("give up when Retry-After is longer than maxDelayMs", async () => {
    const { fetch, calls } = scriptedFetch(quota(60), viewer);
    const client = createHttpClient({ url, fetch, retry: { maxDelayMs: 10_000 } });
    await expect(client.request(ViewerDocument)).rejects.toMatchObject({ code: "QUOTA_EXCEEDED", retryAfter: 60 });
    expect(calls).toHaveLength(1);
  });

  it("back off exponentially after network errors and 502-504, up to `attempts` retries", async () => {
    const down = new TypeError("fetch failed");
    const { fetch, calls } = scriptedFetch(down, { status: 503, body: "<html>unavailable</html>" }, down, down, viewer);
    const waits: number[] = [];
    const client = createHttpClient({ url, fetch, retry: quick(waits, { attempts: 3, baseDelayMs: 8 }) });
    const error = await client.request(ViewerDocument).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "NETWORK_ERROR" });
    expect(calls).toHaveLength(4);
    expect(waits).toHaveLength(3);
    waits.forEach((wait, i) => {
      expect(wait).toBeGreaterThanOrEqual(0);
      expect(wait).toBeLessThanOrEqual(8 * 2 ** i);
    });
    // Another call starts from scratch and gets through.
    expect((await client.request(ViewerDocument)).viewer.kind).toBe("PARTNER_KEY");
  });

  it("do not repeat other failures (a GraphQL error, a 500 page, UNAUTHENTICATED)", async () => {
    for (const reply of [
      { body: { errors: [{ message: "no", extensions: { code: "UNAUTHENTICATED" } }] } },
      { status: 500, body: "oops" },
      { body: { errors: [{ message: "x", extensions: { code: "INTERNAL_SERVER_ERROR" } }] } },
    ]) {
      const { fetch, calls } = scriptedFetch(reply, viewer);
      await expect(createHttpClient({ url, fetch, retry: true }).request(ViewerDocument)).rejects.toBeInstanceOf(
        PartnergraphError,
      );
      expect(calls).toHaveLength(1);
    }
  });

  it("repeat mutations only when they carry their idempotency key", async () => {
    const attempt = async (send: (client: ReturnType<typeof createHttpClient>) => Promise<unknown>) => {
      const { fetch, calls } = scriptedFetch(new TypeError("fetch failed"), { body: { data: { ok: true } } });
      const outcome = await send(createHttpClient({ url, fetch, retry: quick([]) })).then(
        () => "ok",
        (e: PartnergraphError) => e.code,
      );
      return { outcome, calls: calls.length };
    };
    const basket = { datePurchased: "2026-01-01T00:00:00Z", items: [] };
    // Keyed: recordPurchase on receiptId, awardPoints on idempotencyKey, redeemCoupon when the key is given.
    expect(
      await attempt((c) => c.request(RecordPurchaseDocument, { input: { receiptId: "R-1", memberId: "M", basket } })),
    ).toEqual({ outcome: "ok", calls: 2 });
    expect(
      await attempt((c) =>
        c.request(AwardPointsDocument, { input: { cardId: "C", qr: "q", idempotencyKey: "k-1", points: 5 } }),
      ),
    ).toEqual({ outcome: "ok", calls: 2 });
    expect(
      await attempt((c) => c.request(RedeemCouponDocument, { input: { code: "X", idempotencyKey: "k-2" } })),
    ).toEqual({ outcome: "ok", calls: 2 });
    // Not keyed: createPartner; redeemCoupon without its optional key; an empty key.
    expect(await attempt((c) => c.request(CreatePartnerDocument, { input: { programId: "P", name: "Shop" } }))).toEqual(
      { outcome: "NETWORK_ERROR", calls: 1 },
    );
    expect(await attempt((c) => c.request(RedeemCouponDocument, { input: { code: "X" } }))).toEqual({
      outcome: "NETWORK_ERROR",
      calls: 1,
    });
    expect(
      await attempt((c) => c.request(RecordPurchaseDocument, { input: { receiptId: "", memberId: "M", basket } })),
    ).toEqual({ outcome: "NETWORK_ERROR", calls: 1 });
    // A literal key in one's own document counts; a second, unkeyed root field does not.
    const literal = parse(
      'mutation { awardPoints(input: { cardId: "C", qr: "q", idempotencyKey: "k", points: 1 }) { __typename } }',
    );
    expect(await attempt((c) => c.request(literal))).toEqual({ outcome: "ok", calls: 2 });
    const mixed = parse(
      'mutation { awardPoints(input: { cardId: "C", qr: "q", idempotencyKey: "k", points: 1 }) { __typename } deletePartner(input: { partner: { id: "x" } }) { __typename } }',
    );
    expect(await attempt((c) => c.request(mixed))).toEqual({ outcome: "NETWORK_ERROR", calls: 1 });
    // The caller may vouch for an operation either way.
    expect(
      await attempt((c) =>
        c.request(CreatePartnerDocument, { input: { programId: "P", name: "Shop" } }, { idempotent: true }),
      ),
    ).toEqual({ outcome: "ok", calls: 2 });
    expect(await attempt((c) => c.request(ViewerDocument, {}, { idempotent: false }))).toEqual({
      outcome: "NETWORK_ERROR",
      calls: 1,
    });
  });

  it("apply to the ready-made methods of createClient too", async () => {
    const { fetch, calls } = scriptedFetch(new TypeError("fetch failed"), viewer);
    const client = createClient({ url, fetch, retry: quick([]) });
    expect((await client.Viewer()).viewer.kind).toBe("PARTNER_KEY");
    expect(calls).toHaveLength(2);
  });

  it("stop waiting when the request is aborted", async () => {
    const controller = new AbortController();
    const { fetch, calls } = scriptedFetch(quota(5), viewer);
    const client = createHttpClient({ url, fetch, retry: { onRetry: () => controller.abort() } });
    await expect(client.request(ViewerDocument, {}, { signal: controller.signal })).rejects.toMatchObject({
      code: "ABORTED",
    });
    expect(calls).toHaveLength(1);
  });

  it("know every keyed mutation of schema.graphql", async () => {
    const schema = buildSchema(await readFile(new URL("../../../schema.graphql", import.meta.url), "utf8"));
    const mutations = schema.getMutationType()!.getFields();
    // Every key names a field of the mutation's `input`.
    for (const [name, key] of Object.entries(IDEMPOTENCY_KEYS)) {
      const input = mutations[name]?.args.find((a) => a.name === "input");
      expect(input, name).toBeDefined();
      expect((getNamedType(input!.type) as GraphQLInputObjectType).getFields()[key], `${name}.${key}`).toBeDefined();
    }
    // Every mutation that says it replays (a `replayed` field, or "Idempotent on" a key) is listed, except
    // syncCommissions, which is idempotent without a key (a recomputation), so not worth a blind retry.
    const replaying = Object.values(mutations)
      .filter((field) => {
        const result = getNamedType(field.type) as GraphQLObjectType | GraphQLUnionType;
        const types = "getTypes" in result ? result.getTypes() : [result];
        return types.some((t) => "replayed" in t.getFields()) || /idempotent on/i.test(field.description ?? "");
      })
      .map((field) => field.name)
      .sort();
    expect(replaying).toEqual(Object.keys(IDEMPOTENCY_KEYS).sort());
  });
});

describe("paginate", () => {
  const page = (names: string[], endCursor: string | null, hasNextPage: boolean) => ({
    body: {
      data: {
        partners: {
          totalCount: 5,
          pageInfo: { hasNextPage, hasPreviousPage: false, startCursor: null, endCursor },
          nodes: names.map((name) => ({ id: name, name })),
        },
      },
    },
  });

  it("follows endCursor through $after and yields every node, fetching a page only when needed", async () => {
    const { fetch, calls } = scriptedFetch(
      page(["a", "b"], "c2", true),
      page(["c", "d"], "c4", true),
      page(["e"], "c5", false),
    );
    const client = createHttpClient({ url, fetch });
    const names: string[] = [];
    for await (const partner of client.paginate(PartnersDocument, { programId: "P", first: 2 })) {
      names.push(partner.name);
    }
    expect(names).toEqual(["a", "b", "c", "d", "e"]);
    expect(calls.map((c) => c.body.variables?.after)).toEqual([null, "c2", "c4"]);
    expect(calls.every((c) => c.body.variables?.first === 2 && c.body.variables?.programId === "P")).toBe(true);

    const early = scriptedFetch(page(["a", "b"], "c2", true), page(["c"], "c3", false));
    for await (const partner of createHttpClient({ url, fetch: early.fetch }).paginate(PartnersDocument, {
      programId: "P",
    })) {
      if (partner.name === "b") break;
    }
    expect(early.calls).toHaveLength(1);
  });

  it("takes a selector for nested connections, and edges as well as nodes", async () => {
    const { fetch } = scriptedFetch(
      {
        body: {
          data: {
            club: { staff: { pageInfo: { hasNextPage: true, endCursor: "s1" }, edges: [{ node: { email: "a@x" } }] } },
          },
        },
      },
      {
        body: {
          data: {
            club: { staff: { pageInfo: { hasNextPage: false, endCursor: "s2" }, edges: [{ node: { email: "b@x" } }] } },
          },
        },
      },
    );
    const ClubStaff = parse(
      "query ClubStaff($id: ID!, $after: String) { club(id: $id) { staff(after: $after) { pageInfo { hasNextPage endCursor } edges { node { email } } } } }",
    ) as TypedDocumentNode<
      {
        club: {
          staff: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { email: string } }[] };
        } | null;
      },
      { id: string; after?: string | null }
    >;
    const emails: string[] = [];
    for await (const staff of createHttpClient({ url, fetch }).paginate(ClubStaff, { id: "C" }, (d) => d.club?.staff))
      emails.push(staff.email);
    expect(emails).toEqual(["a@x", "b@x"]);
  });

  it("stops on a cursor that does not advance, and asks for a selector when it cannot guess", async () => {
    const { fetch } = scriptedFetch(page(["a"], "c1", true), page(["a"], "c1", true));
    const names: string[] = [];
    const error = await (async () => {
      for await (const partner of createHttpClient({ url, fetch }).paginate(PartnersDocument, { programId: "P" }))
        names.push(partner.name);
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "BAD_RESPONSE" });
    expect(names).toEqual(["a", "a"]);
    const none = scriptedFetch(viewer);
    const Viewer = ViewerDocument as unknown as TypedDocumentNode<{ viewer: unknown }, { after?: string | null }>;
    await expect(
      createHttpClient({ url, fetch: none.fetch }).paginate(Viewer, {})[Symbol.asyncIterator]().next(),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});

describe("subscriptions without a WebSocket", () => {
  it("throw PartnergraphError WEBSOCKET_UNAVAILABLE (Node 20 has no global WebSocket)", async () => {
    vi.stubGlobal("WebSocket", undefined);
    try {
      const client = createBaseClient({ url });
      const events = client.subscribe(
        parse("subscription { partnerChanged(programId: 1) { type } }") as TypedDocumentNode<
          { partnerChanged: unknown },
          Record<string, never>
        >,
      );
      const error = await events.next().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PartnergraphError);
      expect(error).toMatchObject({ code: "WEBSOCKET_UNAVAILABLE" });
      await expect(events.next()).resolves.toMatchObject({ done: true });
      const full = createClient({ url });
      await expect(full.PartnerChanged({ programId: "P" })[Symbol.asyncIterator]().next()).rejects.toMatchObject({
        code: "WEBSOCKET_UNAVAILABLE",
      });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
