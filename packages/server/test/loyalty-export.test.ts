// CSV exports over real HTTP: RFC 4180 quoting and formula neutralising (read back with csv-parse), exports
// longer than one batch, date ranges, scoping (managers, partners per card, staff, strangers) and the JSON errors.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_BATCH_SIZE } from "../src/domain/loyalty/export.js";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, createPartner, createProgram, grantRole, login, type TestApp } from "./helpers.js";
import { createClub, createLoyaltyCard, loyaltyWorld, startLoyaltyApp } from "./loyalty-helpers.js";
import { createReward, redeem } from "./loyalty-reward-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
});
afterAll(async () => {
  await app?.close();
});

async function download(
  path: string,
  params: Record<string, string>,
  key: string | null = ADMIN_KEY,
  init: RequestInit = {},
) {
  const res = await fetch(`${app.url}/export/${path}?${new URLSearchParams(params)}`, {
    ...init,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: res.headers.get("content-type")?.startsWith("application/json") ? JSON.parse(text) : undefined,
  };
}

/** The CSV read back: header and records. */
function table(text: string): { header: string[]; rows: Record<string, string>[] } {
  const [header, ...rows] = parse(text) as string[][];
  return { header: header!, rows: rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!]))) };
}

async function importCsv(field: "importMembers" | "importTransactions", programId: string, csv: string) {
  const type = field === "importMembers" ? "ImportMembersInput" : "ImportTransactionsInput";
  const res = await app.gql(
    `mutation ($i: ${type}!) { ${field}(input: $i) { __typename ... on ImportReport { applied rejected { line code message } } } }`,
    { i: { programId, csv } },
  );
  const report = res.data[field];
  if (report.__typename !== "ImportReport" || report.rejected.length)
    throw new Error(`${field} failed: ${JSON.stringify(res)}`);
  return report.applied as number;
}

const memberId = async (programId: string, externalId: string) =>
  (
    await app.gql(`query ($p: ID!, $e: String!) { memberByExternalId(programId: $p, externalId: $e) { id } }`, {
      p: programId,
      e: externalId,
    })
  ).data.memberByExternalId.id as string;

describe("members.csv", () => {
  it("quotes per RFC 4180, neutralises formulas in text, and writes numbers as numbers", async () => {
    const program = await createProgram(app);
    const csv = [
      "externalId,email,name",
      'plain,plain@example.com,"Doe, Jane"',
      '"=HYPERLINK(""http://evil.example"",""x"")",,"Multi',
      'line ""quoted"""',
      "+37060000000,,@admin",
      "-minus,,Ąžuolas 😀",
    ].join("\r\n");
    expect(await importCsv("importMembers", program.id, csv)).toBe(4);
    await importCsv(
      "importTransactions",
      program.id,
      "externalId,memberExternalId,points,occurredAt\nE-1,plain,50,2025-01-01\nE-2,plain,-80,2025-01-02\nE-3,plain,100,2025-01-03\n",
    );

    const res = await download("members.csv", { programId: program.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="members-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("ratelimit-limit")).toBeTruthy();
    const lines = res.text.split("\r\n");
    expect(lines[0]).toBe("memberId,externalId,email,name,createdAt,points");
    expect(res.text).toContain(',"Doe, Jane",');
    expect(res.text).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")"`);
    expect(res.text).toContain('"Multi\r\nline ""quoted"""');
    expect(res.text.endsWith("\r\n")).toBe(true);

    const { header, rows } = table(res.text);
    expect(header).toEqual(["memberId", "externalId", "email", "name", "createdAt", "points"]);
    const byId = Object.fromEntries(rows.map((r) => [r.externalId, r]));
    expect(Object.keys(byId).sort()).toEqual([
      "'+37060000000",
      "'-minus",
      '\'=HYPERLINK("http://evil.example","x")',
      "plain",
    ]);
    expect(byId.plain).toMatchObject({
      memberId: await memberId(program.id, "plain"),
      email: "plain@example.com",
      name: "Doe, Jane",
      points: "70",
    });
    expect(byId["'+37060000000"]!.name).toBe("'@admin");
    expect(byId["'-minus"]!.name).toBe("Ąžuolas 😀");
    expect(byId['\'=HYPERLINK("http://evil.example","x")']!.name).toBe('Multi\r\nline "quoted"');
    expect(new Date(byId.plain!.createdAt!).toISOString()).toBe(byId.plain!.createdAt);
  });

  it("streams more rows than one batch, each once, in id order", async () => {
    const program = await createProgram(app);
    const count = EXPORT_BATCH_SIZE * 2 + 345;
    await importCsv(
      "importMembers",
      program.id,
      `externalId\n${Array.from({ length: count }, (_, i) => `BULK-${i}`).join("\n")}`,
    );
    const res = await fetch(`${app.url}/export/members.csv?programId=${encodeURIComponent(program.id)}`, {
      headers: { authorization: `Bearer ${program.secretKey}` },
    });
    expect(res.headers.get("transfer-encoding")).toBe("chunked");
    const { rows } = table(await res.text());
    expect(rows).toHaveLength(count);
    expect(new Set(rows.map((r) => r.externalId)).size).toBe(count);
    const ids = rows.map((r) => Buffer.from(r.memberId!, "base64").toString());
    expect(ids).toEqual([...ids].sort());
  });

  it("writes only the header for a program without members", async () => {
    const program = await createProgram(app);
    const res = await download("members.csv", { programId: program.id });
    expect(res.text).toBe("memberId,externalId,email,name,createdAt,points\r\n");
  });
});

describe("transactions.csv", () => {
  it("exports the program's ledger within [from, to), with imported entries' externalIds", async () => {
    const program = await createProgram(app, { timezone: "UTC" });
    await importCsv("importMembers", program.id, "externalId\nL-1\n");
    await importCsv(
      "importTransactions",
      program.id,
      "externalId,memberExternalId,points,occurredAt,note\nJ-1,L-1,10,2025-01-01T00:00:00Z,first\nJ-2,L-1,-4,2025-01-02T00:00:00Z,@SUM(A1)\nJ-3,L-1,7,2025-01-03T00:00:00Z,\n",
    );
    const all = table((await download("transactions.csv", { programId: program.id })).text);
    expect(all.header).toEqual([
      "entryId",
      "occurredAt",
      "memberId",
      "memberExternalId",
      "cardId",
      "clubId",
      "type",
      "source",
      "points",
      "note",
      "partnerId",
      "purchaseId",
      "externalId",
    ]);
    expect(all.rows.map((r) => [r.externalId, r.occurredAt, r.type, r.source, r.points, r.note, r.cardId])).toEqual([
      ["J-1", "2025-01-01T00:00:00.000Z", "EARN", "IMPORT", "10", "first", ""],
      ["J-2", "2025-01-02T00:00:00.000Z", "REDEEM", "IMPORT", "-4", "'@SUM(A1)", ""],
      ["J-3", "2025-01-03T00:00:00.000Z", "EARN", "IMPORT", "7", "", ""],
    ]);
    const ranged = table(
      (
        await download("transactions.csv", {
          programId: program.id,
          from: "2025-01-02T00:00:00Z",
          to: "2025-01-03T02:00:00+02:00",
        })
      ).text,
    );
    expect(ranged.rows.map((r) => r.externalId)).toEqual(["J-2"]);
  });
});

describe("a card's export", () => {
  it("is the card's followers and ledger, for its partner (key and users) and the program; other partners, staff and strangers are refused", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const { program, partner, loyaltyCard, stampCard } = world;
    await importCsv("importMembers", program.id, "externalId,name\nF-1,First\nF-2,Second\nF-3,Program only\n");
    await importCsv(
      "importTransactions",
      program.id,
      [
        "externalId,memberExternalId,points,cardId,occurredAt",
        `C-1,F-1,12,${loyaltyCard.id},2025-05-01T10:00:00Z`,
        `C-2,F-2,8,${loyaltyCard.id},2025-05-02T10:00:00Z`,
        `C-3,F-2,-3,${loyaltyCard.id},2025-05-03T10:00:00Z`,
        `C-4,F-1,2,${stampCard.id},2025-05-03T10:00:00Z`,
        "C-5,F-3,100,,2025-05-03T10:00:00Z",
      ].join("\n"),
    );
    await grantRole(app, {
      email: `owner-${partner.id.slice(0, 6).toLowerCase()}@example.com`,
      role: "PARTNER_USER",
      programId: program.id,
      partnerId: partner.id,
    });
    const partnerUser = await login(app, mailbox, `owner-${partner.id.slice(0, 6).toLowerCase()}@example.com`);
    const q = { programId: program.id, cardId: loyaltyCard.id };

    for (const key of [partner.apiKey, partnerUser, program.secretKey]) {
      const followers = table((await download("members.csv", q, key)).text);
      expect(followers.header).toEqual([
        "memberId",
        "externalId",
        "email",
        "name",
        "createdAt",
        "followedAt",
        "points",
      ]);
      expect(followers.rows.map((r) => [r.externalId, r.followedAt, r.points])).toEqual([
        ["F-1", "2025-05-01T10:00:00.000Z", "12"],
        ["F-2", "2025-05-02T10:00:00.000Z", "5"],
      ]);
      const ledger = table((await download("transactions.csv", q, key)).text);
      expect(ledger.rows.map((r) => [r.externalId, r.cardId, r.points, r.source, r.partnerId])).toEqual([
        ["C-1", loyaltyCard.id, "12", "IMPORT", ""],
        ["C-2", loyaltyCard.id, "8", "IMPORT", ""],
        ["C-3", loyaltyCard.id, "-3", "IMPORT", ""],
      ]);
    }
    // A stamp card counts stamps.
    const stamps = table(
      (await download("members.csv", { programId: program.id, cardId: stampCard.id }, partner.apiKey)).text,
    );
    expect(stamps.header.at(-1)).toBe("stamps");
    expect(stamps.rows.map((r) => [r.externalId, r.stamps])).toEqual([["F-1", "2"]]);

    const rival = await createPartner(app, program.id, { name: "Rival" });
    const rivalCard = await createLoyaltyCard(app, [(await createClub(app, rival.id)).id]);
    const elsewhere = await loyaltyWorld(app, mailbox);
    const refusals: [Record<string, string>, string | null, number, string][] = [
      [q, rival.apiKey, 403, "INSUFFICIENT_PARTNER_PERMISSIONS"],
      [{ programId: program.id, cardId: rivalCard.id }, partner.apiKey, 403, "INSUFFICIENT_PARTNER_PERMISSIONS"],
      [q, world.staff.token, 403, "FORBIDDEN"],
      [q, world.manager.token, 403, "FORBIDDEN"],
      [q, world.member.token, 404, "NOT_FOUND"],
      [q, elsewhere.partner.apiKey, 404, "NOT_FOUND"],
      [q, elsewhere.program.secretKey, 404, "NOT_FOUND"],
      [{ programId: program.id, cardId: elsewhere.loyaltyCard.id }, program.secretKey, 404, "NOT_FOUND"],
      [{ programId: elsewhere.program.id, cardId: loyaltyCard.id }, partner.apiKey, 404, "NOT_FOUND"],
    ];
    for (const [params, key, status, code] of refusals) {
      const res = await download("transactions.csv", params, key);
      expect({ params, status: res.status, code: res.json?.error?.code }).toEqual({ params, status, code });
    }
  });
});

describe("redemptions.csv", () => {
  it("lists redemptions with their reward, club and coupon, per card or program, within a range", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const { program, partner, loyaltyCard, clubs } = world;
    await importCsv("importMembers", program.id, "externalId\nR-1\n");
    await importCsv(
      "importTransactions",
      program.id,
      `externalId,memberExternalId,points,cardId,occurredAt\nP-1,R-1,100,${loyaltyCard.id},2025-01-01`,
    );
    const coupon = await createReward(app, loyaltyCard.id, {
      title: "=1+1 free coffee",
      pointsCost: 30,
      couponValidityDays: 10,
    });
    const cookie = await createReward(app, loyaltyCard.id, { title: "Cookie", pointsCost: 5 });
    const first = await redeem(
      app,
      { rewardId: coupon.id, member: { external: { programId: program.id, externalId: "R-1" } }, clubId: clubs[1].id },
      program.secretKey,
    );
    expect(first.result?.__typename, JSON.stringify(first.res)).toBe("RedeemRewardPayload");
    const second = await redeem(
      app,
      { rewardId: cookie.id, member: { external: { programId: program.id, externalId: "R-1" } } },
      program.secretKey,
    );
    expect(second.result?.__typename, JSON.stringify(second.res)).toBe("RedeemRewardPayload");

    const res = await download("redemptions.csv", { programId: program.id, cardId: loyaltyCard.id }, partner.apiKey);
    const { header, rows } = table(res.text);
    expect(header).toEqual([
      "redemptionId",
      "createdAt",
      "memberId",
      "memberExternalId",
      "cardId",
      "clubId",
      "rewardId",
      "rewardTitle",
      "cost",
      "couponCode",
      "couponStatus",
      "couponExpiresAt",
      "couponRedeemedAt",
    ]);
    expect(
      rows.map((r) => [
        r.redemptionId,
        r.memberExternalId,
        r.cardId,
        r.clubId,
        r.rewardId,
        r.rewardTitle,
        r.cost,
        r.couponCode,
        r.couponStatus,
        r.couponRedeemedAt,
      ]),
    ).toEqual([
      [
        first.result!.redemption.id,
        "R-1",
        loyaltyCard.id,
        clubs[1].id,
        coupon.id,
        "'=1+1 free coffee",
        "30",
        first.result!.coupon.code,
        "ISSUED",
        "",
      ],
      [
        second.result!.redemption.id,
        "R-1",
        loyaltyCard.id,
        "",
        cookie.id,
        "Cookie",
        "5",
        second.result!.coupon.code,
        "ISSUED",
        "",
      ],
    ]);
    expect(rows[0]!.couponExpiresAt).toBe(first.result!.coupon.expiresAt);
    expect(table((await download("redemptions.csv", { programId: program.id })).text).rows).toHaveLength(2);
    const future = table(
      (await download("redemptions.csv", { programId: program.id, from: new Date(Date.now() + 60_000).toISOString() }))
        .text,
    );
    expect(future.rows).toEqual([]);
  });
});

describe("errors", () => {
  it("answers with a JSON error and a stable code, before any CSV", async () => {
    const program = await createProgram(app);
    const other = await createProgram(app);
    const partner = await createPartner(app, program.id, { name: "Exporting Partner" });
    await grantRole(app, { email: "export-staff@example.com", role: "STAFF", programId: program.id });
    const staff = await login(app, mailbox, "export-staff@example.com");
    const p = { programId: program.id };
    const cases: [string, Record<string, string>, string | null, number, string][] = [
      ["members.csv", p, null, 401, "UNAUTHENTICATED"],
      ["members.csv", p, "pgk_not-a-key", 401, "UNAUTHENTICATED"],
      ["members.csv", p, other.secretKey, 404, "NOT_FOUND"],
      ["members.csv", p, partner.apiKey, 403, "INSUFFICIENT_PARTNER_PERMISSIONS"],
      ["transactions.csv", p, staff, 403, "FORBIDDEN"],
      ["redemptions.csv", p, partner.apiKey, 403, "INSUFFICIENT_PARTNER_PERMISSIONS"],
      ["members.csv", {}, ADMIN_KEY, 400, "VALIDATION_FAILED"],
      ["members.csv", { ...p, from: "2025-01-01T00:00:00Z" }, ADMIN_KEY, 400, "VALIDATION_FAILED"],
      ["transactions.csv", { ...p, from: "yesterday" }, ADMIN_KEY, 400, "VALIDATION_FAILED"],
      [
        "transactions.csv",
        { ...p, from: "2025-02-01T00:00:00Z", to: "2025-01-01T00:00:00Z" },
        ADMIN_KEY,
        400,
        "VALIDATION_FAILED",
      ],
      ["members.csv", { programId: "not-an-id" }, ADMIN_KEY, 404, "NOT_FOUND"],
      ["members.csv", { programId: partner.id }, ADMIN_KEY, 404, "NOT_FOUND"],
      ["members.csv", { ...p, cardId: "bm90LWEtY2FyZA==" }, ADMIN_KEY, 404, "NOT_FOUND"],
      ["partners.csv", p, ADMIN_KEY, 404, "NOT_FOUND"],
    ];
    for (const [path, params, key, status, code] of cases) {
      const res = await download(path, params, key);
      expect({ path, params, status: res.status, code: res.json?.error?.code }).toEqual({ path, params, status, code });
      expect(res.json.error.message).toEqual(expect.any(String));
      expect(res.text).not.toMatch(/\bat .*\.(ts|js):\d+/); // never a stack trace
    }
    const post = await fetch(`${app.url}/export/members.csv?programId=${encodeURIComponent(program.id)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    expect(post.status).toBe(405);
    expect(post.headers.get("allow")).toBe("GET, HEAD");
    const typo = await download("members.csv", { ...p, cardid: "x" });
    expect(typo.json.error.issues).toEqual([
      { path: "cardid", message: expect.stringContaining("is not a parameter") },
    ]);
  });

  it("survives a client that goes away mid-export", async () => {
    const program = await createProgram(app);
    await importCsv(
      "importMembers",
      program.id,
      `externalId,name\n${Array.from({ length: 3000 }, (_, i) => `GONE-${i},${"x".repeat(200)}`).join("\n")}`,
    );
    const abort = new AbortController();
    const res = await fetch(`${app.url}/export/members.csv?programId=${encodeURIComponent(program.id)}`, {
      headers: { authorization: `Bearer ${ADMIN_KEY}` },
      signal: abort.signal,
    });
    const reader = res.body!.getReader();
    await reader.read();
    abort.abort();
    await reader.read().catch(() => undefined);
    const again = await download("members.csv", { programId: program.id });
    expect(table(again.text).rows).toHaveLength(3000);
  });
});
