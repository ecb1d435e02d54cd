import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CREATE_PARTNER, createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

describe("partners", () => {
  it("creates a partner with exact money and returns its key once", async () => {
    const program = await createProgram(app);
    const res = await app.gql(CREATE_PARTNER, {
      input: {
        programId: program.id,
        name: "  Hotel Neris ",
        externalId: "HN-1",
        category: "Hospitality",
        costPerPoint: "0.0125",
        pointConversionRate: "1.5",
      },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data.createPartner;
    expect(payload.__typename).toBe("CreatePartnerPayload");
    expect(payload.apiKey).toMatch(/^pgp_[\w-]{43}$/);
    expect(payload.partner).toMatchObject({
      name: "Hotel Neris",
      externalId: "HN-1",
      category: "Hospitality",
      status: "ENABLED",
      pointConversionRate: "1.5",
      effectivePointConversionRate: "1.5",
      costPerPoint: { amount: "0.0125", currency: "EUR" },
    });
  });
});
