// Referral tracking through the public API: projects and links, the /r/<code> redirect and its click
// classification, conversions (idempotency, attribution windows, customers), reward-rule precedence and
// rounding, every commission transition, locked periods, refunds and clawbacks, sync, and analytics.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { type ClickRequest, takeBatch } from "../src/domain/referrals/clicks.js";
import { ADMIN_KEY, createPartner, createProgram, grantRole, login, startTestApp, type TestApp } from "./helpers.js";
import {
  addToProject,
  click,
  createLink,
  createLinkRaw,
  createProject,
  createRule,
  currentPeriod,
  lockPeriod,
  mutation,
  refund,
  setStatus,
  track,
} from "./referral-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
beforeAll(async () => {
  app = await startTestApp(
    { TRUSTED_COUNTRY_HEADER: "CF-IPCountry", PUBLIC_URL: "https://go.example.com" },
    { mailbox },
  );
});
afterAll(async () => {
  await app?.close();
});

/** A program with one project (given settings) and one enabled member partner with a link. */
async function setup(project: Record<string, unknown> = {}) {
  const program = await createProgram(app);
  const partner = await createPartner(app, program.id);
  const proj = await createProject(app, program.id, project);
  await addToProject(app, proj.id, partner.id);
  const link = await createLink(app, partner.id);
  return { program, partner, project: proj, link };
}

const rowId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1]!;

async function clicksOf(programId: string) {
  const res = await app.gql(
    `query ($p: ID!) { clicks(programId: $p, first: 100) { totalCount nodes { clickId status country userAgent referrer } } }`,
    { p: programId },
  );
  return res.data.clicks.nodes as { clickId: string; status: string; country: string | null }[];
}

describe("projects and links", () => {
  it("creates projects with defaults, applies a partner's default project to its links, and builds public URLs", async () => {
    const program = await createProgram(app);
    const project = await createProject(app, program.id, { slug: "Spring-Sale" });
    expect(project).toMatchObject({
      slug: "spring-sale",
      currency: "EUR",
      attributionWindowDays: 90,
      clickDedupWindowSeconds: 3600,
      status: "ACTIVE",
    });
    const again = await mutation(app, "createProject", "CreateProjectInput", "... on ConflictError { path }", {
      programId: program.id,
      name: "X",
      slug: "spring-sale",
    });
    expect(again).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", path: "slug" });

    const partner = await createPartner(app, program.id);
    const noProject = await createLinkRaw(app, { partnerId: partner.id, destinationUrl: "https://a.example" });
    expect(noProject.result).toMatchObject({
      __typename: "ValidationError",
      issues: expect.arrayContaining([expect.objectContaining({ path: "projectId" })]),
    });
    expect((await addToProject(app, project.id, partner.id)).defaultProject.id).toBe(project.id);
    const link = await createLink(app, partner.id, { code: "Hotel-Neris" });
    expect(link.code).toBe("hotel-neris");
    expect(link.url).toBe("https://go.example.com/r/hotel-neris");
    const random = await createLink(app, partner.id);
    expect(random.code).toMatch(/^[a-z2-9]{10}$/);

    const taken = await createLinkRaw(app, {
      partnerId: partner.id,
      destinationUrl: "https://a.example",
      code: "HOTEL-neris",
    });
    expect(taken.result).toMatchObject({ __typename: "ConflictError", path: "code" });
  });

  it("accepts only absolute http(s) destinations and well-formed codes", async () => {
    const { partner } = await setup();
    for (const destinationUrl of [
      "javascript:alert(1)",
      "/relative",
      "//evil.example",
      "ftp://x.example/a",
      "https://user:pw@x.example/",
      "data:text/html,hi",
    ]) {
      const { result } = await createLinkRaw(app, { partnerId: partner.id, destinationUrl });
      expect(result, destinationUrl).toMatchObject({
        __typename: "ValidationError",
        issues: expect.arrayContaining([expect.objectContaining({ path: "destinationUrl" })]),
      });
    }
    for (const code of ["ab", "-abc", "a b c", "ä-code", "x".repeat(65), "a/b/c"]) {
      const { result } = await createLinkRaw(app, { partnerId: partner.id, destinationUrl: "https://a.example", code });
      expect(result, code).toMatchObject({
        __typename: "ValidationError",
        issues: expect.arrayContaining([expect.objectContaining({ path: "code" })]),
      });
    }
  });

  it("lets partners create and read only their own links; other programs see nothing", async () => {
    const { program, partner, project } = await setup();
    const other = await createPartner(app, program.id, { name: "Other" });
    await addToProject(app, project.id, other.id);
    const own = await createLink(app, partner.id, {}, partner.apiKey);
    expect(own.code).toBeTruthy();
    const forOther = await createLinkRaw(
      app,
      { partnerId: other.id, destinationUrl: "https://a.example" },
      partner.apiKey,
    );
    expect(forOther.result).toMatchObject({ __typename: "NotFoundError", code: "PARTNER_NOT_FOUND" }); // other partners are invisible to a partner
    await createLink(app, other.id);
    const mine = await app.gql(
      `query ($p: ID!) { referralLinks(programId: $p) { totalCount nodes { partner { id } } } }`,
      { p: program.id },
      partner.apiKey,
    );
    expect(mine.data.referralLinks.nodes.every((l: { partner: { id: string } }) => l.partner.id === partner.id)).toBe(
      true,
    );
    const all = await app.gql(`query ($p: ID!) { referralLinks(programId: $p) { totalCount } }`, { p: program.id });
    expect(all.data.referralLinks.totalCount).toBe(mine.data.referralLinks.totalCount + 1);

    const stranger = await createProgram(app);
    const res = await app.gql(`query ($id: ID!) { project(id: $id) { id } }`, { id: project.id }, stranger.secretKey);
    expect(res.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const link = await createLinkRaw(
      app,
      { partnerId: partner.id, destinationUrl: "https://a.example" },
      stranger.secretKey,
    );
    expect(link.result).toMatchObject({ __typename: "NotFoundError", code: "PARTNER_NOT_FOUND" });
    const manage = await mutation(
      app,
      "updateProject",
      "UpdateProjectInput",
      "",
      { projectId: project.id, name: "x" },
      partner.apiKey,
    );
    expect(manage).toBeUndefined();
  });
});

describe("the click redirect", () => {
  it("answers 302 with pg_click appended (keeping the destination's query and fragment) and records the click", async () => {
    const { program, partner, link } = await setup();
    const hashLink = await createLink(app, partner.id, { destinationUrl: "https://shop.example/p?a=1&b=%20x#top" });
    const c = await click(app, link.code, { headers: { referer: "https://blog.example/post", "cf-ipcountry": "lt" } });
    expect(c.status).toBe(302);
    expect(c.location).toBe(`https://shop.example/landing?utm_source=pg&pg_click=${c.clickId}`);
    expect(c.headers.get("cache-control")).toBe("no-store");
    const h = await click(app, hashLink.code.toUpperCase());
    expect(h.location).toBe(`https://shop.example/p?a=1&b=%20x&pg_click=${h.clickId}#top`);
    const clicks = await clicksOf(program.id);
    expect(clicks.find((x) => x.clickId === c.clickId)).toMatchObject({
      status: "VALID",
      country: "LT",
      referrer: "https://blog.example/post",
    });
    const stored = await app.database.prisma.click.findUniqueOrThrow({ where: { id: c.clickId! } });
    expect(stored.ipHash).not.toContain("127.0.0.1");
    expect(stored.ipHash).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored.partnerId).toBe(rowId(partner.id));
  });

  it("classifies bots, HEAD requests, previews and missing user agents as BOT", async () => {
    const { program, link } = await setup();
    const bots = [
      await click(app, link.code, { userAgent: "Googlebot/2.1 (+http://www.google.com/bot.html)" }),
      await click(app, link.code, { userAgent: "facebookexternalhit/1.1" }),
      await click(app, link.code, { userAgent: "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)" }),
      await click(app, link.code, { userAgent: "curl/8.5.0" }),
      await click(app, link.code, { userAgent: "" }),
      await click(app, link.code, { method: "HEAD" }),
      await click(app, link.code, { headers: { "sec-purpose": "prefetch" } }),
    ];
    expect(bots.map((b) => b.status)).toEqual(Array(7).fill(302));
    const statuses = (await clicksOf(program.id)).map((c) => c.status);
    expect(statuses).toEqual(Array(7).fill("BOT"));
  });

  it("counts one VALID click per visitor and link inside the dedup window, the rest DUPLICATE (also when concurrent)", async () => {
    const { program, partner, link } = await setup();
    const second = await createLink(app, partner.id);
    const burst = await Promise.all(Array.from({ length: 8 }, () => click(app, link.code)));
    expect(burst.every((b) => b.status === 302)).toBe(true);
    await click(app, link.code, { userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Safari/604.1" }); // another visitor
    await click(app, second.code); // another link
    const clicks = await clicksOf(program.id);
    expect(clicks.filter((c) => c.status === "VALID")).toHaveLength(3);
    expect(clicks.filter((c) => c.status === "DUPLICATE")).toHaveLength(7);

    const noDedup = await setup({ clickDedupWindowSeconds: 0 });
    await click(app, noDedup.link.code);
    await click(app, noDedup.link.code);
    expect((await clicksOf(noDedup.program.id)).map((c) => c.status)).toEqual(["VALID", "VALID"]);
    // Clicks counted while the window was 0 still open a window once it is raised.
    await mutation(app, "updateProject", "UpdateProjectInput", "... on UpdateProjectPayload { project { id } }", {
      projectId: noDedup.project.id,
      clickDedupWindowSeconds: 3600,
    });
    await click(app, noDedup.link.code);
    expect((await clicksOf(noDedup.program.id)).map((c) => c.status).sort()).toEqual(["DUPLICATE", "VALID", "VALID"]);
  });

  it("counts from the first click outside the window, also inside one batch, and never two clicks a window apart in one statement", async () => {
    const { link } = await setup({ clickDedupWindowSeconds: 60 });
    const t0 = Date.now();
    const at = (s: number) => new Date(t0 + s * 1000);
    const record = (ip: string, seconds: number) =>
      app.clicks.record({
        code: link.code,
        method: "GET",
        ip,
        userAgent: "Mozilla/5.0 (test)",
        referrer: null,
        purpose: null,
        country: null,
        at: at(seconds),
      });
    const statuses = async (results: Awaited<ReturnType<typeof record>>[]) => {
      const ids = results.map((r) => (r.found ? r.clickId : ""));
      const rows = await app.database.prisma.click.findMany({ where: { id: { in: ids } } });
      return ids.map((id) => rows.find((r) => r.id === id)?.status);
    };

    expect(await statuses([await record("192.0.2.1", 0)])).toEqual(["VALID"]);
    // One batch (recorded together): 59.9 s is inside the window of the click at 0; 60.1 s opens a new one.
    const batches = app.clicks.stats.batches;
    const burst = await Promise.all([record("192.0.2.1", 59.9), record("192.0.2.1", 60.1), record("192.0.2.1", 60.5)]);
    expect(app.clicks.stats.batches).toBe(batches + 1);
    expect(await statuses(burst)).toEqual(["DUPLICATE", "VALID", "DUPLICATE"]);

    // Queued together but 61 s apart: written as two batches, so the later click counts again.
    const apart = await Promise.all([record("192.0.2.2", 0), record("192.0.2.2", 0.5), record("192.0.2.2", 61)]);
    expect(app.clicks.stats.batches).toBe(batches + 3);
    expect(await statuses(apart)).toEqual(["VALID", "DUPLICATE", "VALID"]);
    expect(takeBatch([0, 0.4, 0.99, 1.0, 1.2].map((s) => ({ at: at(s) }) as ClickRequest))).toBe(3);
  });

  it("writes a batch with a paying click once, with its commission, in one transaction", async () => {
    const paying = await setup();
    await createRule(app, { projectId: paying.project.id, event: "CLICK", type: "FLAT", flatAmount: "0.05" });
    const free = await setup();
    const record = (code: string, userAgent: string | null) =>
      app.clicks.record({
        code,
        method: "GET",
        ip: "192.0.2.9",
        userAgent,
        referrer: null,
        purpose: null,
        country: null,
        at: new Date(),
      });
    const batches = app.clicks.stats.batches;
    const results = await Promise.all([
      record(paying.link.code, "Mozilla/5.0 (test)"),
      record(paying.link.code, "Mozilla/5.0 (test)"),
      record(paying.link.code, "Googlebot/2.1"),
      record(free.link.code, "Mozilla/5.0 (test)"),
      record("no-such-code", "Mozilla/5.0 (test)"),
    ]);
    expect(app.clicks.stats.batches).toBe(batches + 1);
    expect(results.map((r) => (r.found ? r.status : "NOT_FOUND"))).toEqual([
      "VALID",
      "DUPLICATE",
      "BOT",
      "VALID",
      "NOT_FOUND",
    ]);
    const ids = results.flatMap((r) => (r.found ? [r.clickId] : []));
    expect(await app.database.prisma.click.count({ where: { id: { in: ids } } })).toBe(4);
    const commissions = await app.database.prisma.commission.findMany({
      where: { event: "CLICK", clickId: { in: ids } },
    });
    expect(commissions.map((c) => c.clickId)).toEqual([ids[0]]);
    // The paying click opened its visitor's window in that transaction: the next click is a DUPLICATE.
    const again = await record(paying.link.code, "Mozilla/5.0 (test)");
    expect(again.found && again.status).toBe("DUPLICATE");
  });

  it("records clicks of disabled or deleted partners and inactive projects as DISCARDED, still redirecting", async () => {
    const disabled = await setup();
    await app.gql(`mutation ($i: SetPartnerStatusInput!) { setPartnerStatus(input: $i) { __typename } }`, {
      i: { partner: { id: disabled.partner.id }, status: "DISABLED" },
    });
    expect((await click(app, disabled.link.code)).status).toBe(302);
    expect((await clicksOf(disabled.program.id)).map((c) => c.status)).toEqual(["DISCARDED"]);

    const deleted = await setup();
    await app.gql(`mutation ($i: PartnerInput!) { deletePartner(input: $i) { __typename } }`, {
      i: { partner: { id: deleted.partner.id } },
    });
    expect((await click(app, deleted.link.code)).status).toBe(302);
    expect((await clicksOf(deleted.program.id)).map((c) => c.status)).toEqual(["DISCARDED"]);

    const inactive = await setup();
    await mutation(app, "updateProject", "UpdateProjectInput", "... on UpdateProjectPayload { project { status } }", {
      projectId: inactive.project.id,
      status: "INACTIVE",
    });
    expect((await click(app, inactive.link.code)).status).toBe(302);
    expect((await clicksOf(inactive.program.id)).map((c) => c.status)).toEqual(["DISCARDED"]);
  });

  it("answers unknown and malformed codes with a small 404 page, and other methods with 405", async () => {
    for (const code of ["no-such-code", "%E0%A4%A", "a", "..%2F..%2Fetc", "x".repeat(300)]) {
      const res = await click(app, code);
      expect(res.status, code).toBe(404);
      expect(res.location).toBeNull();
      expect(res.body).toContain("Link not found");
      expect(res.body).not.toMatch(/Error|at .*\.ts/);
    }
    const post = await fetch(`${app.url}/r/whatever`, { method: "POST" });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
  });

  it("publishes clickRecorded after commit", async () => {
    const { program, link } = await setup();
    const seen: string[] = [];
    const iterator = app.events.subscribe(rowId(program.id))[Symbol.asyncIterator]();
    const next = iterator.next();
    const c = await click(app, link.code);
    const event = (await next).value;
    seen.push(event.type);
    expect(event).toMatchObject({ type: "CLICK_RECORDED", clickId: c.clickId, status: "VALID" });
    expect(await app.database.prisma.click.count({ where: { id: event.clickId } })).toBe(1);
    await iterator.return?.();
  });
});

describe("conversions", () => {
  it("are idempotent on (project, externalId); different data is a CONFLICT; program keys may track, partners may not", async () => {
    const { program, partner, project, link } = await setup();
    const c = await click(app, link.code);
    const input = {
      projectId: project.id,
      type: "SALE",
      externalId: "order-1",
      clickId: c.clickId,
      amount: "20.00",
      customerExternalId: "cust-1",
    };
    const first = await track(app, input, program.secretKey);
    expect(first).toMatchObject({
      __typename: "TrackConversionPayload",
      created: true,
      conversion: { status: "ATTRIBUTED", attributedVia: "CLICK", partner: { id: partner.id } },
    });
    const again = await track(app, { ...input, amount: "20" }, program.secretKey);
    expect(again).toMatchObject({ created: false, conversion: { id: first.conversion.id } });
    const concurrent = await Promise.all([1, 2, 3].map(() => track(app, { ...input, externalId: "order-2" })));
    expect(new Set(concurrent.map((r) => r.conversion.id)).size).toBe(1);
    expect(concurrent.filter((r) => r.created)).toHaveLength(1);
    const conflict = await track(app, { ...input, amount: "21.00" });
    expect(conflict).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", path: "externalId" });
    const byPartner = await app.gql(
      `mutation ($i: TrackConversionInput!) { trackConversion(input: $i) { __typename } }`,
      { i: { ...input, externalId: "p" } },
      partner.apiKey,
    );
    expect(byPartner.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    const bad = await track(app, { projectId: project.id, type: "SALE", externalId: "x", amount: "1.001" });
    expect(bad).toMatchObject({
      __typename: "ValidationError",
      issues: expect.arrayContaining([expect.objectContaining({ path: "amount" })]),
    });
    const otherCurrency = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "y",
      amount: "1",
      currency: "USD",
    });
    expect(otherCurrency).toMatchObject({
      __typename: "ValidationError",
      issues: expect.arrayContaining([expect.objectContaining({ path: "currency" })]),
    });
  });

  it("attribute only within the attribution window, by clickId, else by code; bots never attribute", async () => {
    const { project, partner, link } = await setup({ attributionWindowDays: 2 });
    const c = await click(app, link.code);
    await app.database.prisma.click.update({
      where: { id: c.clickId! },
      data: { createdAt: new Date(Date.now() - 3 * 86_400_000) },
    });
    const stale = await track(app, { projectId: project.id, type: "LEAD", externalId: "l1", clickId: c.clickId });
    expect(stale.conversion).toMatchObject({ status: "UNATTRIBUTED", partner: null, attributedVia: null });
    const inWindow = await track(app, {
      projectId: project.id,
      type: "LEAD",
      externalId: "l2",
      clickId: c.clickId,
      occurredAt: new Date(Date.now() - 2 * 86_400_000).toISOString(),
    });
    expect(inWindow.conversion).toMatchObject({ status: "ATTRIBUTED", attributedVia: "CLICK" });
    const byCodeStale = await track(app, { projectId: project.id, type: "LEAD", externalId: "l3", code: link.code });
    expect(byCodeStale.conversion.status).toBe("UNATTRIBUTED");
    const fresh = await click(app, link.code, { userAgent: "Mozilla/5.0 (Macintosh) Safari/605.1" });
    const byCode = await track(app, {
      projectId: project.id,
      type: "LEAD",
      externalId: "l4",
      code: link.code.toUpperCase(),
    });
    expect(byCode.conversion).toMatchObject({
      status: "ATTRIBUTED",
      attributedVia: "CODE",
      partner: { id: partner.id },
      click: { clickId: fresh.clickId },
    });
    const bot = await click(app, link.code, { userAgent: "Twitterbot/1.0" });
    const byBot = await track(app, { projectId: project.id, type: "LEAD", externalId: "l5", clickId: bot.clickId });
    expect(byBot.conversion.status).toBe("UNATTRIBUTED");
  });

  it("keep a customer with their first attributed partner; discard a disabled partner's conversions", async () => {
    const { program, project, partner, link } = await setup();
    const rival = await createPartner(app, program.id, { name: "Rival" });
    await addToProject(app, project.id, rival.id);
    const rivalLink = await createLink(app, rival.id);
    const first = await click(app, link.code);
    await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "s1",
      clickId: first.clickId,
      customerExternalId: "c-9",
      amount: "10",
    });
    const rivalClick = await click(app, rivalLink.code);
    const later = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "s2",
      clickId: rivalClick.clickId,
      customerExternalId: "c-9",
      amount: "10",
    });
    expect(later.conversion).toMatchObject({ attributedVia: "CUSTOMER", partner: { id: partner.id } });

    await app.gql(`mutation ($i: SetPartnerStatusInput!) { setPartnerStatus(input: $i) { __typename } }`, {
      i: { partner: { id: partner.id }, status: "DISABLED" },
    });
    await createRule(app, { projectId: project.id, event: "SALE", type: "FLAT", flatAmount: "5" });
    const discarded = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "s3",
      customerExternalId: "c-9",
      amount: "10",
    });
    expect(discarded.conversion).toMatchObject({ status: "DISCARDED", commissions: [] });
  });
});

describe("reward rules", () => {
  it("pick the highest amount among applicable rules; a partner's own rules override the project's", async () => {
    const { program, project, partner, link } = await setup();
    await createRule(app, { projectId: project.id, event: "SALE", type: "FLAT", flatAmount: "3.00" });
    await createRule(app, { projectId: project.id, event: "SALE", type: "PERCENTAGE", percentage: "10" });
    const c = await click(app, link.code);
    const small = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "a",
      clickId: c.clickId,
      amount: "20",
    });
    expect(small.conversion.commissions[0].amount).toEqual({ amount: "3", currency: "EUR" });
    const big = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "b",
      clickId: c.clickId,
      amount: "45.50",
    });
    expect(big.conversion.commissions[0].amount.amount).toBe("4.55");

    const partnerRule = await createRule(app, {
      projectId: project.id,
      partnerId: partner.id,
      event: "SALE",
      type: "PERCENTAGE",
      percentage: "2",
    });
    // A partner's own rule is a node its managers (and the partner) can fetch by id.
    const node = await app.gql(
      `query ($id: ID!) { node(id: $id) { ... on RewardRule { percentage partner { id } } } }`,
      { id: partnerRule.rule.id },
    );
    expect(node.errors).toBeUndefined();
    expect(node.data.node).toEqual({ percentage: "2", partner: { id: partner.id } });
    const own = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "c",
      clickId: c.clickId,
      amount: "100",
    });
    expect(own.conversion.commissions[0].amount.amount).toBe("2");
    const other = await createPartner(app, program.id, { name: "B" });
    await addToProject(app, project.id, other.id);
    const otherClick = await click(app, (await createLink(app, other.id)).code);
    const project_ = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "d",
      clickId: otherClick.clickId,
      amount: "100",
    });
    expect(project_.conversion.commissions[0].amount.amount).toBe("10");

    const invalid = await createRule(app, {
      projectId: project.id,
      event: "LEAD",
      type: "PERCENTAGE",
      percentage: "5",
    });
    expect(invalid).toMatchObject({
      __typename: "ValidationError",
      issues: expect.arrayContaining([expect.objectContaining({ path: "type" })]),
    });
    const noAmount = await createRule(app, { projectId: project.id, event: "LEAD", type: "FLAT" });
    expect(noAmount).toMatchObject({
      __typename: "ValidationError",
      issues: expect.arrayContaining([expect.objectContaining({ path: "flatAmount" })]),
    });
  });

  it("round percentages HALF_UP to the minor unit (worked half-cent examples)", async () => {
    const { project, link } = await setup();
    await createRule(app, { projectId: project.id, event: "SALE", type: "PERCENTAGE", percentage: "10" });
    const c = await click(app, link.code);
    const cases: [string, string][] = [
      ["1.25", "0.13"],
      ["1.35", "0.14"],
      ["1.24", "0.12"],
      ["0.05", "0.01"],
      ["0.04", "0"],
      ["1234.45", "123.45"],
    ];
    for (const [i, [amount, expected]] of cases.entries()) {
      const r = await track(app, {
        projectId: project.id,
        type: "SALE",
        externalId: `r${i}`,
        clickId: c.clickId,
        amount,
      });
      expect(r.conversion.commissions[0]?.amount.amount ?? "0", amount).toBe(expected);
    }
  });

  it("limit recurring sales to maxRecurringMonths after the customer's first attribution, and pay per click", async () => {
    const { program, project, link } = await setup();
    await createRule(app, {
      projectId: project.id,
      event: "SALE",
      type: "FLAT",
      flatAmount: "1",
      maxRecurringMonths: 1,
    });
    await createRule(app, { projectId: project.id, event: "CLICK", type: "FLAT", flatAmount: "0.05" });
    const c = await click(app, link.code);
    const firstAt = new Date(Date.now() - 40 * 86_400_000);
    await app.database.prisma.click.update({
      where: { id: c.clickId! },
      data: { createdAt: new Date(firstAt.getTime() - 1000) },
    });
    const first = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "m0",
      clickId: c.clickId,
      customerExternalId: "rc",
      amount: "10",
      occurredAt: firstAt.toISOString(),
    });
    expect(first.conversion.commissions).toHaveLength(1);
    const later = await track(app, {
      projectId: project.id,
      type: "SALE",
      externalId: "m1",
      customerExternalId: "rc",
      amount: "10",
    });
    expect(later.conversion).toMatchObject({ status: "ATTRIBUTED", attributedVia: "CUSTOMER", commissions: [] });
    await click(app, link.code, { userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/133.0" });
    const clickCommissions = await app.gql(
      `query ($p: ID!) { commissions(programId: $p, filter: { status: PENDING }) { nodes { event amount { amount } clickId } } }`,
      { p: program.id },
    );
    expect(clickCommissions.data.commissions.nodes.filter((n: { event: string }) => n.event === "CLICK")).toHaveLength(
      2,
    );
  });
});

describe("commissions", () => {
  async function pendingCommission() {
    const s = await setup();
    await createRule(app, { projectId: s.project.id, event: "SALE", type: "PERCENTAGE", percentage: "10" });
    const c = await click(app, s.link.code);
    const t = await track(app, {
      projectId: s.project.id,
      type: "SALE",
      externalId: `o-${Math.random()}`,
      clickId: c.clickId,
      amount: "50",
    });
    return {
      ...s,
      clickId: c.clickId,
      conversion: t.conversion,
      commission: t.conversion.commissions[0] as { id: string; period: string },
    };
  }

  it("enforce PENDING → APPROVED → PAID and PENDING/APPROVED → VOID; everything else is INVALID_TRANSITION", async () => {
    const a = await pendingCommission();
    expect(await setStatus(app, a.commission.id, "PAID")).toMatchObject({
      __typename: "InvalidTransitionError",
      code: "INVALID_TRANSITION",
      from: "PENDING",
      to: "PAID",
    });
    expect(await setStatus(app, a.commission.id, "REVERSED")).toMatchObject({ __typename: "InvalidTransitionError" });
    expect(await setStatus(app, a.commission.id, "APPROVED")).toMatchObject({ commission: { status: "APPROVED" } });
    expect(await setStatus(app, a.commission.id, "PENDING")).toMatchObject({
      __typename: "InvalidTransitionError",
      from: "APPROVED",
      to: "PENDING",
    });
    expect(await setStatus(app, a.commission.id, "PAID")).toMatchObject({ commission: { status: "PAID" } });
    for (const to of ["VOID", "APPROVED", "PENDING", "REVERSED"])
      expect(await setStatus(app, a.commission.id, to)).toMatchObject({
        __typename: "InvalidTransitionError",
        from: "PAID",
      });

    const b = await pendingCommission();
    expect(await setStatus(app, b.commission.id, "VOID")).toMatchObject({ commission: { status: "VOID" } });
    expect(await setStatus(app, b.commission.id, "APPROVED")).toMatchObject({
      __typename: "InvalidTransitionError",
      from: "VOID",
    });
    const c = await pendingCommission();
    await setStatus(app, c.commission.id, "APPROVED");
    expect(await setStatus(app, c.commission.id, "VOID")).toMatchObject({ commission: { status: "VOID" } });

    const partnerTry = await app.gql(
      `mutation ($i: SetCommissionStatusInput!) { setCommissionStatus(input: $i) { __typename } }`,
      { i: { commissionId: c.commission.id, status: "APPROVED" } },
      c.partner.apiKey,
    );
    expect(partnerTry.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    const partnerSees = await app.gql(
      `query ($p: ID!) { commissions(programId: $p) { totalCount } }`,
      { p: c.program.id },
      c.partner.apiKey,
    );
    expect(partnerSees.data.commissions.totalCount).toBe(1);
  });

  it("follow refunds: partial shrinks an unpaid one, full reverses it, a paid one gets a clawback in the current period", async () => {
    const a = await pendingCommission();
    const partial = await refund(app, a.conversion.id, "20.05");
    expect(partial.conversion).toMatchObject({
      refundedAmount: { amount: "20.05" },
      commissions: [{ status: "PENDING", amount: { amount: "3" } }],
    }); // 10% of 29.95 = 2.995 → 3.00 (HALF_UP)
    const rest = await refund(app, a.conversion.id);
    expect(rest.conversion).toMatchObject({ refundedAmount: { amount: "50" }, commissions: [{ status: "REVERSED" }] });
    expect(await refund(app, a.conversion.id, "1")).toMatchObject({ __typename: "ValidationError" });

    const b = await pendingCommission();
    expect(await refund(app, b.conversion.id, "60")).toMatchObject({
      __typename: "ValidationError",
      issues: expect.arrayContaining([expect.objectContaining({ path: "amount" })]),
    });
    await setStatus(app, b.commission.id, "APPROVED");
    await setStatus(app, b.commission.id, "PAID");
    const clawed = await refund(app, b.conversion.id, "10");
    expect(clawed.conversion.commissions).toEqual([
      expect.objectContaining({ kind: "EARNING", status: "PAID", amount: { amount: "5", currency: "EUR" } }),
      expect.objectContaining({
        kind: "CLAWBACK",
        status: "PENDING",
        amount: { amount: "-1", currency: "EUR" },
        period: currentPeriod(),
      }),
    ]);
    const all = await refund(app, b.conversion.id);
    expect(all.conversion.commissions.map((c: { amount: { amount: string } }) => c.amount.amount)).toEqual([
      "5",
      "-1",
      "-4",
    ]);
  });

  it("cannot be created or changed in a locked period (COMMISSION_LOCKED), until it is unlocked", async () => {
    const a = await pendingCommission();
    const period = a.commission.period;
    const locked = await lockPeriod(app, a.program.id, period);
    expect(locked.status).toMatchObject({ period, locked: true });
    expect((await lockPeriod(app, a.program.id, period)).status.locked).toBe(true);
    const status = await app.gql(
      `query ($p: ID!, $m: String!) { commissionLockStatus(programId: $p, period: $m) { locked startsAt endsAt } }`,
      { p: a.program.id, m: period },
      a.partner.apiKey,
    );
    expect(status.data.commissionLockStatus.locked).toBe(true);
    expect(new Date(status.data.commissionLockStatus.startsAt).getUTCHours()).toBe(
      new Date(status.data.commissionLockStatus.startsAt).getUTCHours(),
    ); // local midnight, in UTC

    expect(await setStatus(app, a.commission.id, "APPROVED")).toMatchObject({
      __typename: "CommissionLockedError",
      code: "COMMISSION_LOCKED",
      period,
    });
    const tracked = await track(app, {
      projectId: a.project.id,
      type: "SALE",
      externalId: "locked-1",
      clickId: a.clickId,
      amount: "5",
    });
    expect(tracked).toMatchObject({ __typename: "CommissionLockedError", period });
    expect(await app.database.prisma.conversion.count({ where: { externalId: "locked-1" } })).toBe(0);
    expect(await refund(app, a.conversion.id, "1")).toMatchObject({ __typename: "CommissionLockedError" });
    const sync = await mutation(
      app,
      "syncCommissions",
      "CommissionPeriodInput",
      "... on CommissionLockedError { period }",
      { programId: a.program.id, period },
    );
    expect(sync).toMatchObject({ __typename: "CommissionLockedError" });
    const byPartner = await app.gql(
      `mutation ($i: CommissionPeriodInput!) { unlockCommissionPeriod(input: $i) { __typename } }`,
      { i: { programId: a.program.id, period } },
      a.partner.apiKey,
    );
    expect(byPartner.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");

    expect((await lockPeriod(app, a.program.id, period, false)).status.locked).toBe(false);
    expect(await setStatus(app, a.commission.id, "APPROVED")).toMatchObject({ commission: { status: "APPROVED" } });
    const audit = await app.gql(`query ($p: ID!) { auditLog(programId: $p, first: 50) { nodes { action } } }`, {
      p: a.program.id,
    });
    expect(audit.data.auditLog.nodes.map((n: { action: string }) => n.action)).toEqual(
      expect.arrayContaining([
        "commissionPeriod.lock",
        "commissionPeriod.unlock",
        "commission.setStatus",
        "conversion.track",
      ]),
    );
    const bad = await lockPeriod(app, a.program.id, "2026-13");
    expect(bad).toMatchObject({ __typename: "ValidationError" });
  });

  it("syncCommissions recomputes a period from conversions and rules, idempotently, never rewriting paid ones", async () => {
    const a = await pendingCommission();
    const paid = await track(app, {
      projectId: a.project.id,
      type: "SALE",
      externalId: "paid",
      clickId: a.clickId,
      amount: "100",
    });
    await setStatus(app, paid.conversion.commissions[0].id, "APPROVED");
    await setStatus(app, paid.conversion.commissions[0].id, "PAID");
    const noRule = await track(app, { projectId: a.project.id, type: "LEAD", externalId: "lead", clickId: a.clickId });
    expect(noRule.conversion.commissions).toEqual([]);
    const rules = await app.gql(`query ($p: ID!) { rewardRules(projectId: $p) { nodes { id } } }`, { p: a.project.id });
    await mutation(
      app,
      "updateRewardRule",
      "UpdateRewardRuleInput",
      "... on UpdateRewardRulePayload { rule { percentage } }",
      { ruleId: rules.data.rewardRules.nodes[0].id, percentage: "20" },
    );
    await createRule(app, { projectId: a.project.id, event: "LEAD", type: "FLAT", flatAmount: "2" });

    const SYNC = "... on SyncCommissionsPayload { period created updated voided unchanged skippedPaid }";
    const first = await mutation(app, "syncCommissions", "CommissionPeriodInput", SYNC, {
      programId: a.program.id,
      period: a.commission.period,
    });
    expect(first).toMatchObject({ created: 1, updated: 1, voided: 0, skippedPaid: 1 });
    const second = await mutation(app, "syncCommissions", "CommissionPeriodInput", SYNC, {
      programId: a.program.id,
      period: a.commission.period,
    });
    expect(second).toMatchObject({
      created: 0,
      updated: 0,
      voided: 0,
      skippedPaid: 1,
      unchanged: first.unchanged + first.created + first.updated,
    });
    const commission = await app.gql(
      `query ($id: ID!) { node(id: $id) { ... on Commission { amount { amount } status } } }`,
      { id: a.commission.id },
    );
    expect(commission.data.node).toEqual({ amount: { amount: "10" }, status: "PENDING" });
  });
});

describe("analytics", () => {
  it("report raw and unique clicks, conversions, revenue and commissions per bucket, partner-scoped for partners", async () => {
    const { program, project, partner, link } = await setup();
    await createRule(app, { projectId: project.id, event: "SALE", type: "PERCENTAGE", percentage: "10" });
    const c = await click(app, link.code);
    await click(app, link.code);
    await click(app, link.code, { userAgent: "Googlebot/2.1" });
    await track(app, { projectId: project.id, type: "SALE", externalId: "a1", clickId: c.clickId, amount: "80" });
    const from = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 86_400_000).toISOString();
    const Q = `query ($i: ReferralStatsInput!) { referralStats(input: $i) { buckets { start values { rawClicks uniqueClicks } } totals { rawClicks uniqueClicks conversions sales revenue { amount currency } commissions { amount } conversionRate earningsPerClick { amount } } } }`;
    const res = await app.gql(Q, { i: { programId: program.id, projectId: project.id, from, to, interval: "DAY" } });
    expect(res.data.referralStats.totals).toEqual({
      rawClicks: 3,
      uniqueClicks: 1,
      conversions: 1,
      sales: 1,
      revenue: [{ amount: "80", currency: "EUR" }],
      commissions: [{ amount: "8" }],
      conversionRate: "1",
      earningsPerClick: [{ amount: "8" }],
    });
    expect(res.data.referralStats.buckets.length).toBeGreaterThanOrEqual(3);
    const hourly = await app.gql(Q, { i: { programId: program.id, from, to, interval: "HOUR" } });
    expect(hourly.data.referralStats.buckets).toHaveLength(73); // 72 hours from a time that is not on the hour touch 73 buckets
    const mine = await app.gql(Q, { i: { programId: program.id, from, to, interval: "WEEK" } }, partner.apiKey);
    expect(mine.data.referralStats.totals.rawClicks).toBe(3);
    const tooMany = await app.gql(Q, {
      i: { programId: program.id, from: "2000-01-01T00:00:00Z", to, interval: "HOUR" },
    });
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");

    const top = await app.gql(
      `query ($i: TopPartnersInput!) { topPartners(input: $i) { partner { id } uniqueClicks conversions revenue { amount } conversionRate } }`,
      { i: { projectId: project.id, from, to } },
    );
    expect(top.data.topPartners).toEqual([
      { partner: { id: partner.id }, uniqueClicks: 1, conversions: 1, revenue: { amount: "80" }, conversionRate: "1" },
    ]);
    const topAsPartner = await app.gql(
      `query ($i: TopPartnersInput!) { topPartners(input: $i) { uniqueClicks } }`,
      { i: { projectId: project.id, from, to } },
      partner.apiKey,
    );
    expect(topAsPartner.errors?.[0]?.extensions?.code).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
  });

  it("bucket in time zones a quarter hour off UTC exactly (rows are counted per 15-minute UTC slot first)", async () => {
    const { program, project, link } = await setup();
    const programRow = rowId(program.id);
    await app.database.prisma.program.update({ where: { id: programRow }, data: { timezone: "Asia/Kathmandu" } }); // UTC+05:45
    const ids = [
      (await click(app, link.code)).clickId,
      (await click(app, link.code)).clickId,
      (await click(app, link.code)).clickId,
    ];
    const at = ["2026-03-01T18:14:59.999Z", "2026-03-01T18:15:00.000Z", "2026-03-01T18:29:59.999Z"]; // 23:59:59.999, 00:00, 00:14:59.999 local
    for (const [i, id] of ids.entries())
      await app.database.prisma.click.update({ where: { id: id! }, data: { createdAt: new Date(at[i]!) } });
    const Q = `query ($i: ReferralStatsInput!) { referralStats(input: $i) { buckets { start values { rawClicks } } } }`;
    const counts = async (interval: string, from: string, to: string) => {
      const res = await app.gql(Q, { i: { programId: program.id, projectId: project.id, from, to, interval } });
      return Object.fromEntries(
        res.data.referralStats.buckets
          .filter((b: any) => b.values.rawClicks)
          .map((b: any) => [b.start, b.values.rawClicks]),
      );
    };
    expect(await counts("DAY", "2026-02-27T00:00:00Z", "2026-03-04T00:00:00Z")).toEqual({
      "2026-02-28T18:15:00.000Z": 1,
      "2026-03-01T18:15:00.000Z": 2,
    });
    expect(await counts("HOUR", "2026-03-01T12:00:00Z", "2026-03-02T00:00:00Z")).toEqual({
      "2026-03-01T17:15:00.000Z": 1,
      "2026-03-01T18:15:00.000Z": 2,
    });
  });

  it("let a program manager user manage projects and a partner user create its own links", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    await grantRole(app, { email: "pm@example.com", role: "PROGRAM_MANAGER", programId: program.id });
    await grantRole(app, {
      email: "pu@example.com",
      role: "PARTNER_USER",
      programId: program.id,
      partnerId: partner.id,
    });
    const pm = await login(app, mailbox, "pm@example.com");
    const pu = await login(app, mailbox, "pu@example.com");
    const project = await createProject(app, program.id, {}, pm);
    await addToProject(app, project.id, partner.id, true, pm);
    const link = await createLink(app, partner.id, {}, pu);
    expect(link.url).toMatch(/^https:\/\/go\.example\.com\/r\//);
    const projects = await app.gql(`query ($p: ID!) { projects(programId: $p) { totalCount } }`, { p: program.id }, pu);
    expect(projects.data.projects.totalCount).toBe(1);
    expect(ADMIN_KEY).toBeTruthy();
  });
});
