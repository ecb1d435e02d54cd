// Live analytics subscriptions over real HTTP: graphql-ws for each field, SSE for one; partners receive only their
// own events, managers all of their program's, other programs NOT_FOUND.
import { decodeGlobalID } from "@pothos/plugin-relay";
import { createClient, type Client } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { LIVE_QUEUE_LIMIT } from "../src/schema/live.js";
import { ADMIN_KEY, createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";
import { addToProject, BROWSER, click, createLink, createProject, createRule, mutation, track } from "./referral-helpers.js";

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
  await mutation(app, "setPointsMultipliers", "SetPointsMultipliersInput", "", { programId: program.id, kind: "TENDER", multipliers: [{ code: 1, multiplier: "1" }] });
  const member = await app.gql(`mutation ($p: ID!) { createMember(input: { programId: $p, externalId: "m-1" }) { ... on CreateMemberPayload { member { id } } } }`, { p: program.id });
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
  const client = createClient({ url: app.graphqlUrl.replace("http", "ws"), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${key}` } });
  clients.push(client);
  return client;
}

function live(key: string, field: Field, filter: Record<string, unknown> = {}) {
  return ws(key).iterate<Record<string, any>>({ query: QUERIES[field], variables: { f: { programId: program.id, ...filter } } });
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
  await track(app, { projectId: project.id, type: "SALE", externalId: `a2-${n}`, clickId: clickA2.clickId, amount: "20.00" });
  await track(app, { projectId: project.id, type: "SALE", externalId: `a1-${n}`, clickId: clickA1.clickId, amount: "20.00" });
  for (const [partner, who] of [[A2, "a2"], [A1, "a1"]] as const) {
    const basket = { datePurchased: "2026-11-23T10:15:00+02:00", items: [{ sku: "SKU-1", price: "10.00", quantity: 1 }] };
    const r = await mutation(app, "recordPurchase", "RecordPurchaseInput", "... on RecordPurchasePayload { totalPointsAwarded }", { programId: program.id, partnerId: partner.id, receiptId: `${who}-${n}`, memberId, basket });
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
    expect((await its.conversionCreated!.next()).value?.data).toEqual({ conversionCreated: { status: "ATTRIBUTED", occurredAt: expect.any(String), conversion: { externalId: `a1-${n}`, partner: { id: A1.id } } } });
    expect((await its.clickRecorded!.next()).value?.data).toEqual({ clickRecorded: { status: "VALID", occurredAt: expect.any(String), click: { link: { partner: { id: A1.id } } } } });
    expect((await its.commissionChanged!.next()).value?.data).toEqual({ commissionChanged: { change: "CREATED", status: "PENDING", commission: { partner: { id: A1.id }, amount: { amount: expect.stringMatching(/^5(\.0+)?$/) } } } });
    expect((await its.pointsAwarded!.next()).value?.data).toMatchObject({ pointsAwarded: { type: "POINTS_AWARDED", purchase: { receiptId: `a1-${n}`, partner: { id: A1.id } } } });
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
      app.events.publish({ type: "CONVERSION_CREATED", programId, projectId: "p", conversionId: "00000000-0000-7000-8000-000000000000", status: "UNATTRIBUTED", occurredAt: new Date().toISOString() });
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
      headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${A1.apiKey}` },
      body: JSON.stringify({ query: QUERIES.conversionCreated, variables: { f: { programId: program.id } } }),
    });
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const reader = res.body!.getReader();
    await waitForSubscribers(before + 1);
    const n = await causeEvents();
    let text = "";
    while (!text.includes("event: next")) text += new TextDecoder().decode((await reader.read()).value);
    const data = JSON.parse(/data: (.*)/.exec(text.slice(text.indexOf("event: next")))![1]!);
    expect(data.data.conversionCreated).toMatchObject({ status: "ATTRIBUTED", conversion: { externalId: `a1-${n}`, partner: { id: A1.id } } });
    abort.abort();
  });
});
