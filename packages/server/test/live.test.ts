// Live analytics subscriptions over real HTTP: graphql-ws for each field, SSE for one; partners receive only their
// own events, managers all of their program's, other programs NOT_FOUND.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { LIVE_QUEUE_LIMIT, LIVE_STATS_HEARTBEAT_MS, liveStatsStreams } from "../src/schema/live/live-analytics.js";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";
import {
  addToProject,
  BROWSER,
  click,
  createLink,
  createProject,
  createRule,
  mutation,
  track,
} from "./referral-helpers.js";

let app: TestApp;
let program: Awaited<ReturnType<typeof createProgram>>;
let A1: Awaited<ReturnType<typeof createPartner>>;
let A2: Awaited<ReturnType<typeof createPartner>>;
let project: { id: string };
let links: Record<"A1" | "A2", { code: string }>;
let memberId: string;
const clients: Client[] = [];

beforeAll(async () => {
  app = await startTestApp();
  program = await createProgram(app);
  A1 = await createPartner(app, program.id, { name: "A1" });
  A2 = await createPartner(app, program.id, { name: "A2" });
  project = await createProject(app, program.id);
  await addToProject(app, project.id, A1.id, true);
  await addToProject(app, project.id, A2.id, true);
  links = { A1: await createLink(app, A1.id), A2: await createLink(app, A2.id) };
  await createRule(app, { projectId: project.id, event: "SALE", type: "FLAT", flatAmount: "5" });
  await mutation(app, "setPointsMultipliers", "SetPointsMultipliersInput", "", {
    programId: program.id,
    kind: "TENDER",
    multipliers: [{ code: 1, multiplier: "1" }],
  });
  const member = await app.gql(
    graphql(
      `mutation LiveOp1($p: ID!) { createMember(input: { programId: $p, externalId: "m-1" }) { ... on CreateMemberPayload { member { id } } } }`,
    ),
    { p: program.id },
  );
  memberId = member.data.createMember.member.id;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  await app?.close();
});

const QUERIES = {
  conversionCreated: `subscription ($f: LiveFilter!) { conversionCreated(filter: $f) { status occurredAt conversion { externalId partner { id } } } }`,
  clickRecorded: `subscription ($f: LiveFilter!) { clickRecorded(filter: $f) { status occurredAt click { link { partner { id } } } } }`,
  commissionChanged: `subscription ($f: LiveFilter!) { commissionChanged(filter: $f) { change status commission { partner { id } amount { amount } } } }`,
  pointsAwarded: `subscription ($f: LiveFilter!) { pointsAwarded(filter: $f) { type points purchase { receiptId partner { id } } } }`,
};
type Field = keyof typeof QUERIES;

function ws(key: string): Client {
  const client = createClient({
    url: app.graphqlUrl.replace("http", "ws"),
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${key}` },
  });
  clients.push(client);
  return client;
}

function live(key: string, field: Field, filter: Record<string, unknown> = {}) {
  return ws(key).iterate<Record<string, any>>({
    query: QUERIES[field],
    variables: { f: { programId: program.id, ...filter } },
  });
}

async function waitForSubscribers(count: number) {
  const deadline = Date.now() + 5_000;
  while (app.events.listenerCount() < count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} subscribers, have ${app.events.listenerCount()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until earlier tests' subscriptions are gone on the server (return() is asynchronous there); 0. */
async function idle(): Promise<number> {
  const deadline = Date.now() + 5_000;
  while (app.events.listenerCount() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return app.events.listenerCount();
}

let seq = 0;
/** One of each event for A2, then the same for A1: clicks, conversions (each with a commission), purchases. */
async function causeEvents() {
  const n = ++seq;
  // A new visitor each round, so no click is a DUPLICATE of an earlier round's.
  const visitor = { userAgent: `${BROWSER} round/${n}` };
  const clickA2 = await click(app, links.A2.code, visitor);
  const clickA1 = await click(app, links.A1.code, visitor);
  await track(app, {
    projectId: project.id,
    type: "SALE",
    externalId: `a2-${n}`,
    clickId: clickA2.clickId,
    amount: "20.00",
  });
  await track(app, {
    projectId: project.id,
    type: "SALE",
    externalId: `a1-${n}`,
    clickId: clickA1.clickId,
    amount: "20.00",
  });
  for (const [partner, who] of [
    [A2, "a2"],
    [A1, "a1"],
  ] as const) {
    const basket = {
      datePurchased: "2026-11-23T10:15:00+02:00",
      items: [{ sku: "SKU-1", price: "10.00", quantity: 1 }],
    };
    const r = await mutation(
      app,
      "recordPurchase",
      "RecordPurchaseInput",
      "... on RecordPurchasePayload { totalPointsAwarded }",
      { programId: program.id, partnerId: partner.id, receiptId: `${who}-${n}`, memberId, basket },
    );
    expect(r.__typename).toBe("RecordPurchasePayload");
  }
  return n;
}

const partnerOf: Record<Field, (v: any) => string | undefined> = {
  conversionCreated: (v) => v.conversion?.partner?.id,
  clickRecorded: (v) => v.click?.link?.partner?.id,
  commissionChanged: (v) => v.commission?.partner?.id,
  pointsAwarded: (v) => v.purchase?.partner?.id,
};
const FIELDS = Object.keys(QUERIES) as Field[];

describe("live subscriptions over graphql-ws", () => {
  it("deliver every event of the program to its manager, and a partner only its own", async () => {
    const before = await idle();
    const asManager = Object.fromEntries(FIELDS.map((f) => [f, live(program.secretKey, f)]));
    const asA1 = Object.fromEntries(FIELDS.map((f) => [f, live(A1.apiKey, f)]));
    await waitForSubscribers(before + 2 * FIELDS.length);
    const n = await causeEvents();

    for (const f of FIELDS) {
      const first = (await asManager[f]!.next()).value?.data?.[f];
      const second = (await asManager[f]!.next()).value?.data?.[f];
      expect([partnerOf[f](first), partnerOf[f](second)], `${f} as manager`).toEqual([A2.id, A1.id]);
      const own = (await asA1[f]!.next()).value?.data?.[f];
      expect(partnerOf[f](own), `${f} as A1`).toBe(A1.id);
    }
    for (const it of [...Object.values(asManager), ...Object.values(asA1)]) await it.return?.();
    expect(n).toBeGreaterThan(0);
  });

  it("send the event's fields with the committed object", async () => {
    const before = await idle();
    const its = Object.fromEntries(FIELDS.map((f) => [f, live(A1.apiKey, f, { partnerId: A1.id })]));
    await waitForSubscribers(before + FIELDS.length);
    const n = await causeEvents();
    expect((await its.conversionCreated!.next()).value?.data).toEqual({
      conversionCreated: {
        status: "ATTRIBUTED",
        occurredAt: expect.any(String),
        conversion: { externalId: `a1-${n}`, partner: { id: A1.id } },
      },
    });
    expect((await its.clickRecorded!.next()).value?.data).toEqual({
      clickRecorded: { status: "VALID", occurredAt: expect.any(String), click: { link: { partner: { id: A1.id } } } },
    });
    expect((await its.commissionChanged!.next()).value?.data).toEqual({
      commissionChanged: {
        change: "CREATED",
        status: "PENDING",
        commission: { partner: { id: A1.id }, amount: { amount: expect.stringMatching(/^5(\.0+)?$/) } },
      },
    });
    expect((await its.pointsAwarded!.next()).value?.data).toMatchObject({
      pointsAwarded: { type: "POINTS_AWARDED", purchase: { receiptId: `a1-${n}`, partner: { id: A1.id } } },
    });
    for (const it of Object.values(its)) await it.return?.();
  });

  it("narrow a manager's stream to one partner", async () => {
    const before = await idle();
    const onlyA1 = live(ADMIN_KEY, "clickRecorded", { partnerId: A1.id });
    const all = live(ADMIN_KEY, "clickRecorded");
    await waitForSubscribers(before + 2);
    await causeEvents();
    expect(partnerOf.clickRecorded((await onlyA1.next()).value?.data?.clickRecorded)).toBe(A1.id);
    expect(partnerOf.clickRecorded((await all.next()).value?.data?.clickRecorded)).toBe(A2.id);
    await onlyA1.return?.();
    await all.return?.();
  });

  it("refuse another program's caller with NOT_FOUND, and a project filter on points with VALIDATION_FAILED", async () => {
    const other = await createProgram(app);
    for (const f of FIELDS) {
      const result = await live(other.secretKey, f).next();
      expect(result.value?.errors?.[0]?.extensions?.code, f).toBe("NOT_FOUND");
    }
    const invalid = await live(ADMIN_KEY, "pointsAwarded", { projectId: project.id }).next();
    expect(invalid.value?.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
  });
});

describe("a subscriber that falls behind", () => {
  it("is ended with SUBSCRIBER_TOO_SLOW once more than LIVE_QUEUE_LIMIT events wait, and unsubscribed", async () => {
    await idle();
    const events = live(ADMIN_KEY, "conversionCreated");
    await waitForSubscribers(1);
    // Published in one tick, faster than any consumer can take them: the first is taken, the rest queue up.
    const programId = decodeGlobalID(program.id).id;
    for (let i = 0; i < LIVE_QUEUE_LIMIT + 2; i++) {
      app.events.publish({
        type: "CONVERSION_CREATED",
        programId,
        projectId: "p",
        conversionId: "00000000-0000-7000-8000-000000000000",
        status: "UNATTRIBUTED",
        occurredAt: new Date().toISOString(),
      });
    }
    expect(app.events.listenerCount()).toBe(0);
    const results = [];
    for await (const r of events) results.push(r);
    expect(results[0]?.data?.conversionCreated).toMatchObject({ status: "UNATTRIBUTED", conversion: null });
    expect(results.at(-1)?.errors?.[0]?.extensions?.code).toBe("SUBSCRIBER_TOO_SLOW");
    expect(results.length).toBeLessThan(LIVE_QUEUE_LIMIT);
  });
});

describe("live subscriptions over SSE", () => {
  it("deliver conversionCreated", async () => {
    const before = await idle();
    const abort = new AbortController();
    const res = await fetch(app.graphqlUrl, {
      method: "POST",
      signal: abort.signal,
      headers: {
        "content-type": "application/json",
        accept: "text/event-stream",
        authorization: `Bearer ${A1.apiKey}`,
      },
      body: JSON.stringify({ query: QUERIES.conversionCreated, variables: { f: { programId: program.id } } }),
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    await waitForSubscribers(before + 1);
    const n = await causeEvents();
    let text = "";
    while (!text.includes("event: next")) text += new TextDecoder().decode((await reader.read()).value);
    const data = JSON.parse(/data: (.*)/.exec(text.slice(text.indexOf("event: next")))![1]!);
    expect(data.data.conversionCreated).toMatchObject({
      status: "ATTRIBUTED",
      conversion: { externalId: `a1-${n}`, partner: { id: A1.id } },
    });
    abort.abort();
  });
});

describe("liveStats over graphql-ws", () => {
  const STATS = graphql(
    `subscription LiveStats($f: LiveFilter!, $w: Int) { liveStats(filter: $f, windowMinutes: $w) { from to windowMinutes pointsAwarded pointsReturned values { rawClicks uniqueClicks leads sales revenue { amount currency } commissions { amount currency } } } }`,
  );
  const stats = (key: string, filter: Record<string, unknown> = {}, windowMinutes?: number) =>
    ws(key).iterate<Record<string, any>>({
      query: print(STATS),
      variables: {
        f: { programId: program.id, ...filter },
        ...(windowMinutes === undefined ? {} : { w: windowMinutes }),
      },
    });
  type Stats = AsyncIterableIterator<{ data?: Record<string, any> | null; errors?: readonly any[] }>;
  const snapshot = async (it: Stats) => {
    const r = (await it.next()).value;
    expect(r?.errors).toBeUndefined();
    return r!.data!.liveStats;
  };
  /** Snapshots until one satisfies `ok` (each arrives within the 2 s coalescing window after an event). */
  async function until(it: Stats, ok: (s: any) => boolean) {
    const deadline = Date.now() + 6_000;
    for (;;) {
      const s = await snapshot(it);
      if (ok(s)) return s;
      if (Date.now() > deadline) throw new Error(`no matching snapshot: ${JSON.stringify(s)}`);
    }
  }

  it("pushes a snapshot at once, then one counting a new click within a few seconds", async () => {
    const before = await idle();
    const it = stats(program.secretKey, {}, 30);
    const first = await snapshot(it);
    expect(first).toMatchObject({ windowMinutes: 30, values: { rawClicks: expect.any(Number) } });
    expect(new Date(first.to).getTime() - new Date(first.from).getTime()).toBe(30 * 60_000);
    await waitForSubscribers(before + 1);
    const started = Date.now();
    await click(app, links.A1.code, { userAgent: `${BROWSER} stats/1` });
    const next = await until(it, (s) => s.values.rawClicks === first.values.rawClicks + 1);
    expect(next.values.uniqueClicks).toBe(first.values.uniqueClicks + 1);
    expect(Date.now() - started).toBeLessThan(4_000);
    await it.return?.();
  });

  it("counts sales, revenue, commissions and points of the window", async () => {
    const before = await idle();
    const it = stats(program.secretKey);
    const first = await snapshot(it);
    await waitForSubscribers(before + 1);
    await causeEvents();
    const next = await until(
      it,
      (s) => s.values.sales === first.values.sales + 2 && s.pointsAwarded > first.pointsAwarded,
    );
    expect(next.values.rawClicks).toBe(first.values.rawClicks + 2);
    expect(next.values.revenue).toEqual([{ currency: expect.any(String), amount: expect.anything() }]);
    expect(Number(next.values.commissions[0].amount)).toBe(Number(first.values.commissions[0]?.amount ?? 0) + 10);
    await it.return?.();
    // A project filter counts no points: they belong to no project.
    const byProject = stats(program.secretKey, { projectId: project.id });
    expect(await snapshot(byProject)).toMatchObject({
      pointsAwarded: 0,
      pointsReturned: 0,
      values: { rawClicks: next.values.rawClicks },
    });
    await byProject.return?.();
  });

  it("gives a partner only its own numbers", async () => {
    const before = await idle();
    const asA1 = stats(A1.apiKey);
    const asManager = stats(program.secretKey);
    const own = await snapshot(asA1);
    const all = await snapshot(asManager);
    const managerOnlyA1 = stats(program.secretKey, { partnerId: A1.id });
    expect((await snapshot(managerOnlyA1)).values).toEqual(own.values);
    await managerOnlyA1.return?.();
    expect(all.values.rawClicks).toBeGreaterThan(own.values.rawClicks);
    await waitForSubscribers(before + 2);
    await click(app, links.A2.code, { userAgent: `${BROWSER} stats/2` });
    await click(app, links.A1.code, { userAgent: `${BROWSER} stats/2` });
    expect((await until(asManager, (s) => s.values.rawClicks === all.values.rawClicks + 2)).values.rawClicks).toBe(
      all.values.rawClicks + 2,
    );
    const next = await until(asA1, (s) => s.values.rawClicks !== own.values.rawClicks);
    expect(next.values.rawClicks).toBe(own.values.rawClicks + 1);
    const foreign = await stats(A1.apiKey, { partnerId: A2.id }).next();
    expect(foreign.value?.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    await asA1.return?.();
    await asManager.return?.();
  });

  it("refuses another program's caller with NOT_FOUND, and a window outside 1–1440 minutes", async () => {
    const other = await createProgram(app);
    expect((await stats(other.secretKey).next()).value?.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    for (const w of [0, 1441])
      expect((await stats(ADMIN_KEY, {}, w).next()).value?.errors?.[0]?.extensions?.code, `${w}`).toBe(
        "VALIDATION_FAILED",
      );
  });

  it("sends a heartbeat snapshot without events", { timeout: LIVE_STATS_HEARTBEAT_MS + 10_000 }, async () => {
    await idle();
    const it = stats(ADMIN_KEY);
    await snapshot(it);
    const started = Date.now();
    const beat = await snapshot(it);
    expect(Date.now() - started).toBeGreaterThan(LIVE_STATS_HEARTBEAT_MS - 1_000);
    expect(beat.values).toBeDefined();
    await it.return?.();
  });

  it("stops its timers and leaves the bus once unsubscribed", async () => {
    const before = await idle();
    const streams = liveStatsStreams();
    const it = stats(ADMIN_KEY);
    await snapshot(it);
    await waitForSubscribers(before + 1);
    expect(liveStatsStreams()).toBe(streams + 1);
    await it.return?.();
    expect(await idle()).toBe(0);
    const deadline = Date.now() + 5_000;
    while (liveStatsStreams() > streams && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(liveStatsStreams()).toBe(streams);
  });
});
