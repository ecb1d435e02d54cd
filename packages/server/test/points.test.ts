// Potential points, purchases, returns, the ledger and partner billing through GraphQL.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "./gql/index.js";
import {
  ADMIN_KEY,
  CREATE_PROGRAM,
  createPartner,
  createProgram,
  ofType,
  startTestApp,
  type TestApp,
} from "./helpers.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const QUOTE = graphql(`query PointsQuote($p: ID, $b: PointsBasketInput!) { potentialPoints(programId: $p, basket: $b) {
  totalPointsAwarded
  breakdown { sku quantity itemPrice convertedPoints pointsAwarded isExcluded campaigns { title multiplier applied } tenders { name proportion multiplier } channel { name multiplier } transaction { name multiplier } }
} }`);
const PURCHASE = graphql(`mutation PointsPurchase($input: RecordPurchaseInput!) { recordPurchase(input: $input) {
  __typename
  ... on RecordPurchasePayload { totalPointsAwarded replayed purchase { id receiptId member { balance } } }
  ... on Error { code message }
} }`);
const RETURN = graphql(`mutation PointsReturn($input: RecordReturnInput!) { recordReturn(input: $input) {
  __typename
  ... on RecordReturnPayload { replayed purchaseReturn { pointsOwed pointsReturned } }
  ... on Error { code message }
  ... on ValidationError { issues { path message } }
} }`);
const MEMBER = graphql(
  `mutation PointsMember($p: ID!, $e: String!) { createMember(input: { programId: $p, externalId: $e }) { ... on CreateMemberPayload { member { id } } } }`,
);
const CAMPAIGN = graphql(
  `mutation PointsCampaign($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on CreateCampaignPayload { campaign { id } } ... on Error { code message } } }`,
);
const MULTIPLIERS = graphql(
  `mutation PointsMultipliers($input: SetPointsMultipliersInput!) { setPointsMultipliers(input: $input) { __typename ... on Error { code message } } }`,
);
const BALANCE = graphql(
  `query PointsBalance($id: ID!) { member(id: $id) { balance ledger { nodes { type points } } } }`,
);

const basket = (items: { sku: string; price: string; quantity: number }[], extra: Record<string, unknown> = {}) => ({
  datePurchased: "2026-11-23T10:00:00+02:00",
  items,
  ...extra,
});

/** The CrowdTwist reference's configuration: rate 2, a SKU campaign ×2, Vouchers ×1 and PLCC ×4. */
async function referenceProgram() {
  const program = await createProgram(app, { pointsPerCurrencyUnit: "2" });
  const campaign = await app.gql(CAMPAIGN, {
    input: {
      programId: program.id,
      type: "SKU",
      title: "BONUS CAMPAIGN",
      multiplier: "2",
      startsAt: "2026-01-01T00:00:00Z",
      skus: ["SKU_1"],
    },
  });
  expect(campaign.data.createCampaign.__typename).toBe("CreateCampaignPayload");
  const tenders = await app.gql(MULTIPLIERS, {
    input: {
      programId: program.id,
      kind: "TENDER",
      multipliers: [
        { code: 8, multiplier: "1" },
        { code: 7, multiplier: "4" },
      ],
    },
  });
  expect(tenders.data.setPointsMultipliers.__typename).toBe("SetPointsMultipliersPayload");
  return program;
}

describe("potentialPoints", () => {
  it("reproduces the reference's worked example: 52 converted, 312 per unit, 624 in all", async () => {
    const program = await referenceProgram();
    // Unit price 52.22 / 2 = 26.11; 26.11 × 2 = 52.22 → 52; tender multiplier 1/3 × 1 + 2/3 × 4 = 3; 52 × 2 × 3 = 312.
    const res = await app.gql(QUOTE, {
      p: program.id,
      b: basket([{ sku: "SKU_1", price: "52.22", quantity: 2 }], {
        channelId: 1,
        tenders: [
          { type: 8, amount: "17.40" },
          { type: 7, amount: "34.80" },
        ],
      }),
    });
    expect(res.errors).toBeUndefined();
    const quote = res.data.potentialPoints;
    expect(quote.totalPointsAwarded).toBe(624);
    expect(quote.breakdown).toHaveLength(2);
    expect(quote.breakdown[0]).toMatchObject({
      sku: "SKU_1",
      quantity: 1,
      itemPrice: "26.11",
      convertedPoints: 52,
      pointsAwarded: 312,
      campaigns: [{ title: "BONUS CAMPAIGN", multiplier: "2", applied: true }],
      tenders: [
        { name: "Vouchers", proportion: "0.3333333333333333", multiplier: "1" },
        { name: "PLCC", proportion: "0.6666666666666666", multiplier: "4" },
      ],
      channel: { name: "In Store", multiplier: "1" },
    });
  });

  it("uses a partner's own rate for its calls, and 0 means no purchase points", async () => {
    const program = await createProgram(app, { pointsPerCurrencyUnit: "2" });
    const triple = await createPartner(app, program.id, { pointConversionRate: "3" });
    const none = await createPartner(app, program.id, { pointConversionRate: "0" });
    const b = basket([{ sku: "A", price: "10.00", quantity: 1 }]);
    expect((await app.gql(QUOTE, { b }, program.secretKey)).data.potentialPoints.totalPointsAwarded).toBe(20);
    expect((await app.gql(QUOTE, { b }, triple.apiKey)).data.potentialPoints.totalPointsAwarded).toBe(30);
    expect((await app.gql(QUOTE, { b }, none.apiKey)).data.potentialPoints.totalPointsAwarded).toBe(0);
  });

  it("explains baskets it cannot price, and unconfigured programs", async () => {
    const program = await createProgram(app);
    const bad = await app.gql(QUOTE, {
      p: program.id,
      b: { datePurchased: "2026-11-23T10:00:00", items: [{ sku: "A", price: "1", quantity: 1 }] },
    });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "VALIDATION_FAILED" });
    const zero = await app.gql(QUOTE, { p: program.id, b: basket([{ sku: "A", price: "1", quantity: 0 }]) });
    expect(zero.errors?.[0]?.extensions?.code).toBe("VALIDATION_FAILED");
    const bare = ofType(
      (await app.gql(CREATE_PROGRAM, { input: { name: "Bare" } })).data.createProgram,
      "CreateProgramPayload",
    ).program.id;
    const unconfigured = await app.gql(QUOTE, { p: bare, b: basket([{ sku: "A", price: "1", quantity: 1 }]) });
    expect(unconfigured.errors?.[0]?.extensions?.code).toBe("NOT_CONFIGURED");
  });
});

describe("purchases", () => {
  it("award exactly the quote, once, whatever the retries", async () => {
    const program = await referenceProgram();
    const memberId = (await app.gql(MEMBER, { p: program.id, e: "cust-1" })).data.createMember.member.id;
    const b = basket([
      { sku: "SKU_1", price: "52.22", quantity: 2 },
      { sku: "B", price: "9.99", quantity: 1 },
    ]);
    const quoted = (await app.gql(QUOTE, { p: program.id, b })).data.potentialPoints.totalPointsAwarded;
    const input = { programId: program.id, receiptId: "R-1", memberExternalId: "cust-1", basket: b };

    const results = await Promise.all(Array.from({ length: 5 }, () => app.gql(PURCHASE, { input })));
    const payloads = results.map((r) => r.data.recordPurchase);
    expect(payloads.every((p) => p.__typename === "RecordPurchasePayload" && p.totalPointsAwarded === quoted)).toBe(
      true,
    );
    expect(payloads.map((p) => ofType(p, "RecordPurchasePayload")).filter((p) => !p.replayed)).toHaveLength(1);
    const member = (await app.gql(BALANCE, { id: memberId })).data.member!;
    expect(member.balance).toBe(quoted);
    expect(member.ledger.nodes).toEqual([{ type: "EARN", points: quoted }]);

    const conflict = await app.gql(PURCHASE, {
      input: { ...input, basket: basket([{ sku: "B", price: "1", quantity: 1 }]) },
    });
    expect(conflict.data.recordPurchase).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
  });

  it("are returned from the stored lines, not today's rules, and never beyond what was bought", async () => {
    const program = await referenceProgram();
    const memberId = (await app.gql(MEMBER, { p: program.id, e: "cust-2" })).data.createMember.member.id;
    // 2 × SKU_1 at 26.11 with the ×2 campaign: 104 each; 1 × C at 5.00: 10.
    await app.gql(PURCHASE, {
      input: {
        programId: program.id,
        receiptId: "R-2",
        memberId,
        basket: basket([
          { sku: "SKU_1", price: "52.22", quantity: 2 },
          { sku: "C", price: "5.00", quantity: 1 },
        ]),
      },
    });
    expect((await app.gql(BALANCE, { id: memberId })).data.member!.balance).toBe(218);
    // Today's rules change (rate 2 → 10, so SKU_1 would now earn 522 a unit). Returns take back what was earned.
    await app.gql(
      graphql(
        `mutation PointsOp1($p: ID!) { configureProgram(input: { programId: $p, pointsPerCurrencyUnit: "10" }) { __typename } }`,
      ),
      { p: program.id },
    );
    const requote = await app.gql(QUOTE, { p: program.id, b: basket([{ sku: "SKU_1", price: "26.11", quantity: 1 }]) });
    expect(requote.data.potentialPoints.totalPointsAwarded).toBe(522);

    const one = await app.gql(RETURN, {
      input: { programId: program.id, returnId: "RET-1", receiptId: "R-2", items: [{ sku: "SKU_1", quantity: 1 }] },
    });
    expect(one.data.recordReturn).toMatchObject({
      replayed: false,
      purchaseReturn: { pointsOwed: 104, pointsReturned: 104 },
    });
    const again = await app.gql(RETURN, {
      input: { programId: program.id, returnId: "RET-1", receiptId: "R-2", items: [{ sku: "SKU_1", quantity: 1 }] },
    });
    expect(again.data.recordReturn).toMatchObject({ replayed: true, purchaseReturn: { pointsReturned: 104 } });
    const tooMany = await app.gql(RETURN, {
      input: { programId: program.id, returnId: "RET-2", receiptId: "R-2", items: [{ sku: "SKU_1", quantity: 2 }] },
    });
    expect(tooMany.data.recordReturn).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "items.0.quantity" }],
    });
    const reused = await app.gql(RETURN, {
      input: { programId: program.id, returnId: "RET-1", receiptId: "R-2", items: [{ sku: "C", quantity: 1 }] },
    });
    expect(reused.data.recordReturn).toMatchObject({ __typename: "ConflictError" });

    const member = (await app.gql(BALANCE, { id: memberId })).data.member!;
    expect(member.balance).toBe(114);
    expect(member.ledger.nodes).toEqual([
      { type: "RETURN", points: -104 },
      { type: "EARN", points: 218 },
    ]);
  });

  it("keep balances from going below zero unless the program allows it", async () => {
    const program = await createProgram(app, { pointsPerCurrencyUnit: "1" });
    const memberId = (await app.gql(MEMBER, { p: program.id, e: "cust-3" })).data.createMember.member.id;
    await app.gql(PURCHASE, {
      input: {
        programId: program.id,
        receiptId: "R-3",
        memberId,
        basket: basket([{ sku: "A", price: "100", quantity: 1 }]),
      },
    });
    const spend = await app.gql(
      graphql(
        `mutation PointsOp2($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on AdjustPointsPayload { balance } ... on InsufficientPointsError { code balance requested } } }`,
      ),
      {
        input: {
          programId: program.id,
          memberId,
          points: -80,
          note: "redeemed at the counter",
          idempotencyKey: "adj-1",
        },
      },
    );
    expect(spend.data.adjustPoints).toEqual({ __typename: "AdjustPointsPayload", balance: 20 });
    const overdraw = await app.gql(
      graphql(
        `mutation PointsOp3($input: AdjustPointsInput!) { adjustPoints(input: $input) { __typename ... on InsufficientPointsError { code balance requested } } }`,
      ),
      {
        input: { programId: program.id, memberId, points: -21, note: "too much", idempotencyKey: "adj-2" },
      },
    );
    expect(overdraw.data.adjustPoints).toEqual({
      __typename: "InsufficientPointsError",
      code: "INSUFFICIENT_POINTS",
      balance: 20,
      requested: 21,
    });
    // The return owes 100 but only 20 are left: it takes 20 and records the shortfall.
    const ret = await app.gql(RETURN, {
      input: { programId: program.id, returnId: "RET-3", receiptId: "R-3", items: [{ sku: "A", quantity: 1 }] },
    });
    expect(ofType(ret.data.recordReturn, "RecordReturnPayload").purchaseReturn).toEqual({
      pointsOwed: 100,
      pointsReturned: 20,
    });
    expect((await app.gql(BALANCE, { id: memberId })).data.member!.balance).toBe(0);
  });
});

describe("partner billing", () => {
  it("charges points awarded through a partner at its cost per point, per month (1,000,000 × 0.05 = 50,000.00)", async () => {
    const program = await createProgram(app, { pointsPerCurrencyUnit: "2", timezone: "UTC" });
    const partner = await createPartner(app, program.id, { costPerPoint: "0.05" });
    const cheap = await createPartner(app, program.id, { costPerPoint: "0.0125" });
    await app.gql(MEMBER, { p: program.id, e: "cust-4" });
    const month = new Date().toISOString().slice(0, 7);
    const now = new Date().toISOString();
    await app.gql(
      PURCHASE,
      {
        input: {
          receiptId: "BIG",
          memberExternalId: "cust-4",
          basket: { datePurchased: now, items: [{ sku: "X", price: "500000", quantity: 1 }] },
        },
      },
      partner.apiKey,
    );
    // 3 units at 0.50 each → 1 point each → 3 points at 0.0125 = 0.0375 → amount due 0.04 (half up).
    await app.gql(
      PURCHASE,
      {
        input: {
          receiptId: "SMALL",
          memberExternalId: "cust-4",
          basket: { datePurchased: now, items: [{ sku: "Y", price: "1.50", quantity: 3 }] },
        },
      },
      cheap.apiKey,
    );

    const STATEMENT = graphql(
      `query PointsStatement($id: ID!, $m: String!) { partnerStatement(partnerId: $id, from: $m, to: $m) { currency totalNetPoints totalAmountDue { amount currency } months { month pointsAwarded netPoints amount { amount } amountDue { amount } } } }`,
    );
    const big = (await app.gql(STATEMENT, { id: partner.id, m: month }, partner.apiKey)).data.partnerStatement;
    expect(big).toEqual({
      currency: "EUR",
      totalNetPoints: 1_000_000,
      totalAmountDue: { amount: "50000.00", currency: "EUR" },
      months: [
        {
          month,
          pointsAwarded: 1_000_000,
          netPoints: 1_000_000,
          amount: { amount: "50000" },
          amountDue: { amount: "50000.00" },
        },
      ],
    });
    const small = (await app.gql(STATEMENT, { id: cheap.id, m: month })).data.partnerStatement;
    expect(small.months[0]).toMatchObject({
      netPoints: 3,
      amount: { amount: "0.0375" },
      amountDue: { amount: "0.04" },
    });

    const other = await app.gql(STATEMENT, { id: partner.id, m: month }, cheap.apiKey);
    expect(other.errors?.[0]?.extensions?.code).toBe("PARTNER_NOT_FOUND");
    const all = await app.gql(
      graphql(
        `query PointsOp4($p: ID!, $m: String!) { programStatement(programId: $p, from: $m, to: $m) { totalAmountDue { amount } months { partner { id } } } }`,
      ),
      { p: program.id, m: month },
      ADMIN_KEY,
    );
    expect(all.data.programStatement.totalAmountDue.amount).toBe("50000.04");
    expect(all.data.programStatement.months).toHaveLength(2);
  });
});
