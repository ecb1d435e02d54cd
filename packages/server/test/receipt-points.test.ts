// POST /receipt/points over real HTTP: CrowdTwist's Potential Points request, response and error shapes,
// configured through GraphQL, and the same totals as GraphQL's potentialPoints.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { QuotaExceededError } from "../src/domain/kernel/errors.js";
import { createRateLimiter, type RateLimiter } from "../src/http/rate-limit.js";
import { ADMIN_KEY, createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";

// The real limiter, unless a test makes its store fail (fault) to see the 429 and 500 answers.
const limiter = createRateLimiter();
let fault: Error | null = null;
const rateLimiter: RateLimiter = {
  consume: (p, address) => (fault ? Promise.reject(fault) : limiter.consume(p, address)),
};

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({}, { rateLimiter });
});
afterAll(async () => {
  await app?.close();
});

interface PostOptions {
  method?: string;
  contentType?: string | null;
  authorization?: string;
  /** A stream is sent chunked, without a Content-Length. */
  raw?: string | Blob | ReadableStream<Uint8Array>;
}

async function post(body: unknown, key: string | null, options: PostOptions = {}) {
  const headers: Record<string, string> = {};
  if (options.contentType !== null) headers["content-type"] = options.contentType ?? "application/json";
  if (options.authorization !== undefined) headers["x-ct-authorization"] = options.authorization;
  else if (key) headers["x-ct-authorization"] = `CTApiKey ${key}`;
  const method = options.method ?? "POST";
  const res = await fetch(`${app.url}/receipt/points`, {
    method,
    headers,
    ...(method === "GET" ? {} : { body: options.raw ?? JSON.stringify(body) }),
    ...(options.raw instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
}

function expectError(res: { status: number; body: unknown }, status: number, reason: string) {
  expect({ status: res.status, reason: (res.body as any)?.error?.reason }).toEqual({ status, reason });
  expect(res.body).toEqual({
    error: {
      system: "PotentialPointsController",
      reason,
      description: expect.any(String),
      message: expect.any(String),
    },
  });
  return (res.body as any).error as { description: string; message: string };
}

const CAMPAIGN = `mutation ($input: CreateCampaignInput!) { createCampaign(input: $input) { __typename ... on Error { code message } } }`;
const MULTIPLIERS = `mutation ($input: SetPointsMultipliersInput!) { setPointsMultipliers(input: $input) { __typename ... on Error { code message } } }`;
const QUOTE = `query ($b: PointsBasketInput!) { potentialPoints(basket: $b) { totalPointsAwarded breakdown { itemPrice convertedPoints pointsAwarded } } }`;

/** The reference's configuration: rate 2, a SKU campaign ×2 (and a DAY_TIME ×1), Vouchers ×1 and PLCC ×4. */
async function referenceProgram() {
  const program = await createProgram(app, {
    currency: "USD",
    pointsPerCurrencyUnit: "2",
    timezone: "America/New_York",
  });
  const campaigns = [
    { type: "SKU", title: "BONUS CAMPAIGN", multiplier: "2", skus: ["SKU_1"] },
    {
      type: "DAY_TIME",
      title: "TUESDAY MORNING SPECIAL",
      multiplier: "1",
      days: ["TUESDAY"],
      startTime: "06:00",
      endTime: "12:00",
    },
  ];
  for (const c of campaigns) {
    const res = await app.gql(CAMPAIGN, {
      input: { programId: program.id, status: "ACTIVE", startsAt: "2012-01-01T00:00:00Z", ...c },
    });
    expect(res.data.createCampaign.__typename).toBe("CreateCampaignPayload");
  }
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

// 52.22 does not split into exact thirds, so the tenders total 52.20: 17.40 is exactly 1/3 of what was tendered.
const WORKED_EXAMPLE = {
  date_purchased: "2012-04-24T09:25:43.511-04:00", // a Tuesday morning in New York
  channel_id: 1,
  currency: "USD",
  items: [
    {
      sku: "SKU_1",
      price: 52.22,
      quantity: 2,
      transaction_id: 8,
      is_awaiting_fulfillment: true,
      custom_data: { color: "blue" },
    },
  ],
  tenders: [
    { type: 8, amount: 17.4 },
    { type: 7, amount: 34.8 },
  ],
};

// The reference's own sample request, verbatim.
const SAMPLE_REQUEST = {
  date_purchased: "2012-04-23T18:25:43.511+00:00",
  channel_id: 1,
  currency: "USD",
  items: [
    { sku: "sku_1", price: 21.22, quantity: 2, transaction_id: 2, custom_data: { color: "blue", size: "Medium" } },
    { sku: "sku_2", price: 3.22, quantity: 1, transaction_id: 1, custom_data: { color: "blue", size: "Medium" } },
  ],
  tenders: [
    { type: 1, amount: 20 },
    { type: 2, amount: 4.44 },
  ],
};

const basket = (items: unknown[], extra: Record<string, unknown> = {}) => ({
  date_purchased: "2012-04-23T18:25:43.511+00:00",
  items,
  ...extra,
});
const ITEM = { sku: "A", price: 10, quantity: 1 };

describe("POST /receipt/points", () => {
  let reference: Awaited<ReturnType<typeof referenceProgram>>;
  beforeAll(async () => {
    reference = await referenceProgram();
  });

  it("reproduces the reference's worked example: 52 converted, 312 per unit, 624 in all", async () => {
    const res = await post(WORKED_EXAMPLE, reference.secretKey);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const unit = {
      sku: "SKU_1",
      is_awaiting_fulfillment: true,
      quantity: 1,
      item_price: 26.11,
      points_to_dollar_conversion_rate: 2,
      converted_points: 52,
      is_excluded: false,
      campaigns: [
        { type: "SKU", title: "BONUS CAMPAIGN", multiplier: 2, applied: true, id: expect.any(String) },
        { type: "DAY-TIME", title: "TUESDAY MORNING SPECIAL", multiplier: 1, applied: false, id: expect.any(String) },
      ],
      transaction: { name: "MCR Cash-Out", multiplier: 1 },
      tenders: [
        { name: "Vouchers", proportion: 0.3333333333333333, multiplier: 1 },
        { name: "PLCC", proportion: 0.6666666666666666, multiplier: 4 },
      ],
      channel: { name: "In Store", multiplier: 1 },
      points_awarded: 312,
    };
    expect(res.body).toEqual({ total_points_awarded: 624, breakdown: [unit, unit] });
    // Key order follows the reference.
    expect(Object.keys(res.body.breakdown[0])).toEqual(Object.keys(unit));
  });

  it("gives the same points as GraphQL's potentialPoints for the same basket", async () => {
    const rest = await post(WORKED_EXAMPLE, reference.secretKey);
    const b = {
      datePurchased: WORKED_EXAMPLE.date_purchased,
      channelId: 1,
      currency: "USD",
      items: [{ sku: "SKU_1", price: "52.22", quantity: 2, transactionId: 8, isAwaitingFulfillment: true }],
      tenders: [
        { type: 8, amount: "17.40" },
        { type: 7, amount: "34.80" },
      ],
    };
    const gql = await app.gql(QUOTE, { b }, reference.secretKey);
    expect(gql.errors).toBeUndefined();
    expect(gql.data.potentialPoints.totalPointsAwarded).toBe(624);
    expect(rest.body.total_points_awarded).toBe(gql.data.potentialPoints.totalPointsAwarded);
    expect(rest.body.breakdown.map((u: any) => [u.item_price, u.converted_points, u.points_awarded])).toEqual(
      gql.data.potentialPoints.breakdown.map((u: any) => [Number(u.itemPrice), u.convertedPoints, u.pointsAwarded]),
    );
  });

  it("answers the reference's sample request with the reference's shapes", async () => {
    const program = await createProgram(app, { currency: "USD", pointsPerCurrencyUnit: "2" });
    const res = await post(SAMPLE_REQUEST, program.secretKey);
    expect(res.status).toBe(200);
    // sku_1: 21.22 / 2 = 10.61 a unit, × 2 = 21.22 → 21; sku_2: 3.22 × 2 = 6.44 → 6. No multipliers configured.
    const tenders = [
      { name: "Cash", proportion: 0.8183306055646481, multiplier: 1 }, // 20 / 24.44, cut at 16 decimals
      { name: "Personal Check", proportion: 0.1816693944353518, multiplier: 1 },
    ];
    const channel = { name: "In Store", multiplier: 1 };
    const sku1 = {
      sku: "sku_1",
      is_awaiting_fulfillment: false,
      quantity: 1,
      item_price: 10.61,
      points_to_dollar_conversion_rate: 2,
      converted_points: 21,
      is_excluded: false,
      campaigns: [],
      transaction: { name: "Tax Exempt Sale", multiplier: 1 },
      tenders,
      channel,
      points_awarded: 21,
    };
    const sku2 = {
      ...sku1,
      sku: "sku_2",
      item_price: 3.22,
      converted_points: 6,
      transaction: { name: "Sale", multiplier: 1 },
      points_awarded: 6,
    };
    expect(res.body).toEqual({ total_points_awarded: 48, breakdown: [sku1, sku1, sku2] });
  });

  it("leaves out transaction, tenders and channel when the request has none", async () => {
    const program = await createProgram(app, { pointsPerCurrencyUnit: "2" });
    const res = await post(basket([{ sku: "A", price: "9.99", quantity: 1 }]), program.secretKey);
    expect(res.status).toBe(200);
    expect(res.body.breakdown[0]).toEqual({
      sku: "A",
      is_awaiting_fulfillment: false,
      quantity: 1,
      item_price: 9.99,
      points_to_dollar_conversion_rate: 2,
      converted_points: 20,
      is_excluded: false,
      campaigns: [],
      points_awarded: 20,
    });
  });

  it("uses a partner key's own rate, and 0 means no points", async () => {
    const program = await createProgram(app, { pointsPerCurrencyUnit: "2" });
    const own = await createPartner(app, program.id, { pointConversionRate: "1.5" });
    const none = await createPartner(app, program.id, { pointConversionRate: "0" });
    const b = basket([{ sku: "A", price: 10, quantity: 1 }]);
    expect((await post(b, program.secretKey)).body).toMatchObject({
      total_points_awarded: 20,
      breakdown: [{ points_to_dollar_conversion_rate: 2 }],
    });
    expect((await post(b, own.apiKey)).body).toMatchObject({
      total_points_awarded: 15,
      breakdown: [{ points_to_dollar_conversion_rate: 1.5, converted_points: 15 }],
    });
    expect((await post(b, none.apiKey)).body).toMatchObject({
      total_points_awarded: 0,
      breakdown: [{ points_to_dollar_conversion_rate: 0, points_awarded: 0 }],
    });
  });

  it("spends the caller's rate-limit budget and says so in the RateLimit headers", async () => {
    const program = await createProgram(app);
    const first = await post(basket([ITEM]), program.secretKey);
    const second = await post(basket([ITEM]), program.secretKey);
    expect(first.headers.get("ratelimit-limit")).toBe("300");
    expect(Number(second.headers.get("ratelimit-remaining"))).toBe(
      Number(first.headers.get("ratelimit-remaining")) - 1,
    );
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
  });

  it("accepts prices and amounts as decimal strings, and extra whitespace in the header", async () => {
    const res = await post(
      {
        ...WORKED_EXAMPLE,
        items: [{ ...WORKED_EXAMPLE.items[0], price: "52.22" }],
        tenders: [
          { type: 8, amount: "17.40" },
          { type: 7, amount: "34.80" },
        ],
      },
      null,
      {
        authorization: `  CTApiKey    ${reference.secretKey}  `,
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.total_points_awarded).toBe(624);
    // A lower-case currency is the same currency.
    expect((await post({ ...WORKED_EXAMPLE, currency: "usd" }, reference.secretKey)).status).toBe(200);
  });
});

describe("POST /receipt/points errors", () => {
  let key: string;
  beforeAll(async () => {
    key = (await createProgram(app, { currency: "USD" })).secretKey;
  });

  it("invalid: malformed JSON, or a body that is not an object", async () => {
    expectError(await post(null, key, { raw: '{"date_purchased": ' }), 400, "invalid");
    expectError(await post([], key), 400, "invalid");
  });

  it("missing_data: date_purchased, items, sku, price, quantity, tender type and amount", async () => {
    const missing = expectError(await post({ items: [ITEM] }, key), 400, "missing_data");
    expect(missing).toMatchObject({
      description: "Missing Data From Request",
      message: 'Required field ["date_purchased"] is missing.',
    });
    const cases: [unknown, string][] = [
      [{ date_purchased: "2012-04-23T18:25:43.511+00:00" }, "items"],
      [basket([]), "items"],
      [basket([{ price: 1, quantity: 1 }]), "items[0].sku"],
      [basket([ITEM, { sku: "", price: 1, quantity: 1 }]), "items[1].sku"],
      [basket([{ sku: "A", quantity: 1 }]), "items[0].price"],
      [basket([{ sku: "A", price: 1 }]), "items[0].quantity"],
      [basket([ITEM], { tenders: [{ amount: 1 }] }), "tenders[0].type"],
      [basket([ITEM], { tenders: [{ type: 1 }] }), "tenders[0].amount"],
    ];
    for (const [body, field] of cases) {
      expect(expectError(await post(body, key), 400, "missing_data").message, field).toBe(
        `Required field ["${field}"] is missing.`,
      );
    }
  });

  it("invalid_date: no offset, or not a date", async () => {
    for (const date of ["2012-04-23T18:25:43.511", "2012-02-30T10:00:00Z", "yesterday", 1335205543]) {
      const error = expectError(await post(basket([ITEM], { date_purchased: date }), key), 400, "invalid_date");
      expect(error.message, String(date)).toMatch(
        /^Field "date_purchased" must be an ISO-8601 date-time with an offset/,
      );
    }
  });

  it("invalid_amount: negative or non-numeric prices and tender amounts", async () => {
    const cases: [unknown, string][] = [
      [basket([{ ...ITEM, price: -1 }]), "items[0].price"],
      [basket([{ ...ITEM, price: "abc" }]), "items[0].price"],
      [basket([{ ...ITEM, price: "-0.01" }]), "items[0].price"],
      [basket([{ ...ITEM, price: true }]), "items[0].price"],
      [basket([{ ...ITEM, price: 1e21 }]), "items[0].price"], // String(1e21) is "1e+21": not exact decimal text
      [basket([ITEM], { tenders: [{ type: 1, amount: -5 }] }), "tenders[0].amount"],
      [basket([ITEM], { tenders: [{ type: 1, amount: "five" }] }), "tenders[0].amount"],
    ];
    for (const [body, field] of cases) {
      expect(expectError(await post(body, key), 400, "invalid_amount").message, field).toMatch(
        new RegExp(`^Field "${field.replace(/[[\]]/g, "\\$&")}" must be a non-negative decimal`),
      );
    }
    // Detected by the engine: tenders that add up to nothing cannot be apportioned.
    const zero = expectError(
      await post(basket([ITEM], { tenders: [{ type: 1, amount: 0 }] }), key),
      400,
      "invalid_amount",
    );
    expect(zero.message).toMatch(/^tenders: /);
  });

  it("invalid: zero, negative or fractional quantities", async () => {
    for (const quantity of [0, -1, 1.5, "2"]) {
      const error = expectError(await post(basket([{ ...ITEM, quantity }]), key), 400, "invalid");
      expect(error.message, String(quantity)).toMatch(/^Field "items\[0\]\.quantity" must be a whole number/);
    }
    // Detected by the engine, reported with the request's field name.
    const huge = expectError(await post(basket([{ ...ITEM, quantity: 10_001 }]), key), 400, "invalid");
    expect(huge.message).toBe("items[0].quantity: a basket may hold at most 10000 units");
  });

  it("invalid: unknown tender, channel and transaction codes", async () => {
    const cases: [unknown, string][] = [
      [basket([ITEM], { tenders: [{ type: 14, amount: 1 }] }), "tenders[0].type"],
      [basket([ITEM], { channel_id: 10 }), "channel_id"],
      [basket([ITEM], { channel_id: "1" }), "channel_id"],
      [basket([{ ...ITEM, transaction_id: 13 }]), "items[0].transaction_id"],
    ];
    for (const [body, field] of cases) {
      expect(expectError(await post(body, key), 400, "invalid").message, field).toMatch(
        new RegExp(`^Field "${field.replace(/[[\]]/g, "\\$&")}" must be one of the codes`),
      );
    }
  });

  it("invalid_currency: a currency other than the program's", async () => {
    expect(expectError(await post(basket([ITEM], { currency: "EUR" }), key), 400, "invalid_currency").message).toBe(
      "currency: the program's currency is USD",
    );
    expectError(await post(basket([ITEM], { currency: 840 }), key), 400, "invalid_currency");
  });

  it("invalid_custom_field: custom_data that is not an object", async () => {
    expectError(await post(basket([{ ...ITEM, custom_data: "blue" }]), key), 400, "invalid_custom_field");
  });

  it("405 for other methods, 415 without a JSON content type, 413 for bodies over 1 MiB", async () => {
    const get = await post(null, key, { method: "GET" });
    expectError(get, 405, "invalid");
    expect(get.headers.get("allow")).toBe("POST");
    expectError(await post(basket([ITEM]), key, { contentType: "text/plain" }), 415, "invalid");
    expectError(
      await post(null, key, { contentType: null, raw: new Blob([JSON.stringify(basket([ITEM]))]) }),
      415,
      "invalid",
    );
    const big = JSON.stringify(basket([{ ...ITEM, sku: "x".repeat(1024 * 1024) }]));
    expectError(await post(null, key, { raw: big }), 413, "invalid");
    // Without a Content-Length the limit is enforced while reading.
    const chunk = new TextEncoder().encode(" ".repeat(64 * 1024));
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(chunk);
        controller.close();
      },
    });
    expectError(await post(null, key, { raw: chunked }), 413, "invalid");
    // The server is still answering afterwards.
    expect((await post(basket([ITEM]), key)).status).toBe(200);
  });

  it("401 for a missing, malformed or unknown key; 403 for a disabled partner's key or a key without a program", async () => {
    const body = basket([ITEM]);
    expectError(await post(body, null), 401, "invalid");
    expectError(await post(body, null, { authorization: `Bearer ${key}` }), 401, "invalid");
    expectError(await post(body, null, { authorization: "CTApiKey" }), 401, "invalid");
    expectError(await post(body, null, { authorization: `CTApiKey${key}` }), 401, "invalid");
    expectError(await post(body, "pgs_not-a-real-key"), 401, "invalid");

    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    expect((await post(body, partner.apiKey)).status).toBe(200);
    await app.gql(
      `mutation ($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }`,
      { id: partner.id },
    );
    expectError(await post(body, partner.apiKey), 403, "invalid");
    expectError(await post(body, ADMIN_KEY), 403, "invalid");
  });

  it("503 not_configured while the program lacks its rate", async () => {
    const bare = await createProgram(app, { pointsPerCurrencyUnit: null });
    const error = expectError(await post(basket([ITEM]), bare.secretKey), 503, "not_configured");
    expect(error.message).toMatch(/pointsPerCurrencyUnit/);
  });

  it("429 with Retry-After when the budget is spent; 500 internal_error (no details) when something breaks", async () => {
    try {
      fault = new QuotaExceededError("Rate limit exceeded", 42);
      const spent = await post(basket([ITEM]), key);
      expectError(spent, 429, "invalid");
      expect(spent.headers.get("retry-after")).toBe("42");

      fault = new Error("redis is down at 10.0.0.7");
      const broken = await post(basket([ITEM]), key);
      const error = expectError(broken, 500, "internal_error");
      expect(error.description).toBe("Unexpected Error.");
      expect(JSON.stringify(broken.body)).not.toMatch(/redis|10\.0\.0\.7|\bat \S+:\d+/);
      expect(broken.headers.get("x-request-id")).toBeTruthy();
    } finally {
      fault = null;
    }
  });
});
