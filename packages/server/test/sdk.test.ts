// The SDK against a real server over HTTP and WebSocket: every operation family, typed results and errors.
import { createClient, isError, type PartnergraphClient, PartnergraphError } from "@partnergraph/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, mailedLoginCode, startTestApp, type TestApp } from "./helpers.js";

let app: TestApp;
let admin: PartnergraphClient;
const mailbox: Mail[] = [];

beforeAll(async () => {
  app = await startTestApp({}, { mailbox });
  admin = createClient({ url: app.graphqlUrl, apiKey: ADMIN_KEY, webSocketImpl: WebSocket });
});
afterAll(async () => {
  await admin?.close();
  await app?.close();
});

async function newProgram() {
  const result = (
    await admin.CreateProgram({
      input: { name: "SDK Club", currency: "EUR", pointsPerCurrencyUnit: "2", timezone: "Europe/Vilnius" },
    })
  ).createProgram;
  if (isError(result) || result.__typename !== "CreateProgramPayload") throw new Error("createProgram failed");
  return result;
}

describe("SDK", () => {
  it("creates, reads, updates and lists partners with typed results", async () => {
    const { program } = await newProgram();
    const category = (await admin.CreatePartnerCategory({ input: { programId: program.id, name: "Hospitality" } }))
      .createPartnerCategory;
    if (category.__typename !== "CreatePartnerCategoryPayload") throw new Error("category failed");

    const created = (
      await admin.CreatePartner({
        input: {
          programId: program.id,
          name: "Hotel",
          externalId: "H-1",
          categoryId: category.category.id,
          costPerPoint: "0.05",
        },
      })
    ).createPartner;
    if (created.__typename !== "CreatePartnerPayload") throw new Error(`createPartner: ${created.__typename}`);
    expect(created.partner).toMatchObject({
      name: "Hotel",
      costPerPoint: { amount: "0.05", currency: "EUR" },
      category: { name: "Hospitality" },
    });

    const duplicate = (
      await admin.CreatePartner({ input: { programId: program.id, name: "Again", externalId: "H-1" } })
    ).createPartner;
    expect(duplicate).toMatchObject({ __typename: "ConflictError", code: "CONFLICT", path: "externalId" });
    expect(isError(duplicate) && duplicate.code).toBe("CONFLICT");
    const invalid = (
      await admin.CreatePartner({ input: { programId: program.id, name: "Bad", costPerPoint: "1.2345678" } })
    ).createPartner;
    expect(invalid.__typename === "ValidationError" && invalid.issues).toEqual([
      { path: "costPerPoint", message: "must have at most 6 decimal places" },
    ]);

    const updated = (
      await admin.UpdatePartner({
        input: { partner: { external: { programId: program.id, externalId: "H-1" } }, name: "Hotel Neris" },
      })
    ).updatePartner;
    expect(updated.__typename === "UpdatePartnerPayload" && updated.partner.name).toBe("Hotel Neris");
    expect((await admin.Partner({ id: created.partner.id })).partner?.name).toBe("Hotel Neris");
    expect(
      (await admin.PartnerByExternalId({ programId: program.id, externalId: "H-1" })).partnerByExternalId?.id,
    ).toBe(created.partner.id);
    expect((await admin.Node({ id: created.partner.id })).node).toMatchObject({
      __typename: "Partner",
      name: "Hotel Neris",
    });
    expect((await admin.Nodes({ ids: [program.id, created.partner.id] })).nodes.map((n) => n?.__typename)).toEqual([
      "Program",
      "Partner",
    ]);

    for (let i = 0; i < 3; i++) await admin.CreatePartner({ input: { programId: program.id, name: `Shop ${i}` } });
    const first = (await admin.Partners({ programId: program.id, first: 2 })).partners;
    expect(first.totalCount).toBe(4);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = (await admin.Partners({ programId: program.id, first: 2, after: first.pageInfo.endCursor })).partners;
    expect(rest.nodes.map((p) => p.name)).toEqual(["Shop 1", "Shop 2"]);
    const hotels = (await admin.Partners({ programId: program.id, filter: { categoryId: category.category.id } }))
      .partners;
    expect(hotels.nodes.map((p) => p.name)).toEqual(["Hotel Neris"]);

    const asPartner = createClient({ url: app.graphqlUrl, apiKey: created.apiKey });
    expect((await asPartner.Viewer()).viewer).toMatchObject({
      kind: "PARTNER_KEY",
      partner: { id: created.partner.id },
    });
  });

  it("rotates keys: the new key works once shown, the old one stops", async () => {
    const { program } = await newProgram();
    const created = (await admin.CreatePartner({ input: { programId: program.id, name: "Rotating" } })).createPartner;
    if (created.__typename !== "CreatePartnerPayload") throw new Error("createPartner failed");
    const rotated = (await admin.RotatePartnerApiKey({ input: { partner: { id: created.partner.id } } }))
      .rotatePartnerApiKey;
    if (rotated.__typename !== "RotatePartnerApiKeyPayload") throw new Error("rotate failed");
    expect(rotated.partner.apiKey?.prefix).toBe(rotated.apiKey.slice(0, 12));
    await expect(createClient({ url: app.graphqlUrl, apiKey: created.apiKey }).Viewer()).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect((await createClient({ url: app.graphqlUrl, apiKey: rotated.apiKey }).Viewer()).viewer.kind).toBe(
      "PARTNER_KEY",
    );
  });

  it("logs in with an emailed code, and logs out", async () => {
    const { program } = await newProgram();
    await admin.GrantRole({ input: { email: "Manager@Example.com", role: "PROGRAM_MANAGER", programId: program.id } });
    const client = createClient({ url: app.graphqlUrl });
    const seen = mailbox.length;
    const requested = (await client.RequestLoginCode({ input: { email: "manager@example.com" } })).requestLoginCode;
    expect(requested.__typename).toBe("RequestLoginCodePayload");
    const code = await mailedLoginCode(app, mailbox, "manager@example.com", seen);
    const wrong = (
      await client.VerifyLoginCode({
        input: { email: "manager@example.com", code: code === "000000" ? "111111" : "000000" },
      })
    ).verifyLoginCode;
    expect(isError(wrong) && wrong.code).toBe("INVALID_LOGIN_CODE");
    const login = (await client.VerifyLoginCode({ input: { email: "manager@example.com", code } })).verifyLoginCode;
    if (login.__typename !== "LoginPayload") throw new Error("login failed");
    client.setCredential(login.token);
    const viewer = (await client.Viewer()).viewer;
    expect(viewer).toMatchObject({
      kind: "USER",
      user: { email: "manager@example.com" },
      roles: [{ role: "PROGRAM_MANAGER", program: { id: program.id } }],
    });
    expect((await client.Logout()).logout.loggedOut).toBe(true);
    await expect(client.Viewer()).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("throws PartnergraphError with the server's code", async () => {
    const stranger = createClient({ url: app.graphqlUrl, apiKey: "pgp_not-a-key" });
    const error = await stranger.Viewer().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PartnergraphError);
    expect(error).toMatchObject({ code: "UNAUTHENTICATED", status: 401 });
    await expect(admin.Partner({ id: "nope" })).rejects.toMatchObject({ code: "PARTNER_NOT_FOUND", path: ["partner"] });
  });

  it("streams subscriptions as async iterables, and unsubscribes on break", async () => {
    const { program } = await newProgram();
    const created = (await admin.CreatePartner({ input: { programId: program.id, name: "Live" } })).createPartner;
    if (created.__typename !== "CreatePartnerPayload") throw new Error("createPartner failed");
    const watcher = createClient({ url: app.graphqlUrl, apiKey: ADMIN_KEY, webSocketImpl: WebSocket });
    const listening = app.events.listenerCount();
    const received: string[] = [];
    const watching = (async () => {
      for await (const { partnerChanged } of watcher.PartnerChanged({ programId: program.id })) {
        received.push(`${partnerChanged.type} ${partnerChanged.partner?.name}`);
        if (received.length === 2) break;
      }
    })();
    while (app.events.listenerCount() <= listening) await new Promise((r) => setTimeout(r, 10));

    const updated = (
      await admin.UpdatePartner({
        input: { partner: { id: created.partner.id }, name: "Live Two", costPerPoint: "0.10" },
      })
    ).updatePartner;
    expect(updated.__typename).toBe("UpdatePartnerPayload");
    await admin.SetPartnerStatus({ input: { partner: { id: created.partner.id }, status: "DISABLED" } });
    await watching;
    expect(received).toEqual(["PARTNER_UPDATED Live Two", "PARTNER_UPDATED Live Two"]);
    // break completed the subscription on the server.
    while (app.events.listenerCount() > listening) await new Promise((r) => setTimeout(r, 10));
    await watcher.close();
  });

  it("streams live analytics (conversionCreated) with typed payloads", async () => {
    const { program } = await newProgram();
    const project = (await admin.CreateProject({ input: { programId: program.id, name: "Live", slug: "live" } }))
      .createProject;
    if (project.__typename !== "CreateProjectPayload") throw new Error("createProject failed");
    const watcher = createClient({ url: app.graphqlUrl, apiKey: ADMIN_KEY, webSocketImpl: WebSocket });
    const listening = app.events.listenerCount();
    const events = watcher.ConversionCreated({ filter: { programId: program.id } })[Symbol.asyncIterator]();
    const first = events.next();
    while (app.events.listenerCount() <= listening) await new Promise((r) => setTimeout(r, 10));
    await admin.TrackConversion({
      input: { projectId: project.project.id, type: "SALE", externalId: "sdk-live", amount: "9.99" },
    });
    const { value } = await first;
    expect(value?.conversionCreated).toMatchObject({ status: "UNATTRIBUTED", conversion: { externalId: "sdk-live" } });
    await events.return!();
    await watcher.close();
  });

  it("return() cancels a subscription that has received nothing yet", async () => {
    const { program } = await newProgram();
    const watcher = createClient({ url: app.graphqlUrl, apiKey: ADMIN_KEY, webSocketImpl: WebSocket });
    const listening = app.events.listenerCount();
    const events = watcher.PartnerChanged({ programId: program.id })[Symbol.asyncIterator]();
    const pending = events.next();
    while (app.events.listenerCount() <= listening) await new Promise((r) => setTimeout(r, 10));
    await events.return!();
    await expect(pending).resolves.toMatchObject({ done: true });
    while (app.events.listenerCount() > listening) await new Promise((r) => setTimeout(r, 10));
    await watcher.close();
  });

  it("turns a refused subscription into PartnergraphError", async () => {
    const bad = createClient({
      url: app.graphqlUrl,
      apiKey: "pgp_not-a-key",
      webSocketImpl: WebSocket,
      retryAttempts: 0,
    });
    const error = await (async () => {
      for await (const _ of bad.PartnerChanged({ programId: "x" })) return null;
      return null;
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "FORBIDDEN" });
    await bad.close();
  });

  it("quotes, records and bills points with typed results", async () => {
    const { program } = await newProgram();
    const created = (
      await admin.CreatePartner({ input: { programId: program.id, name: "Airline", costPerPoint: "0.01" } })
    ).createPartner;
    if (created.__typename !== "CreatePartnerPayload") throw new Error("createPartner failed");
    await admin.CreateMember({ input: { programId: program.id, externalId: "m-1" } });
    const partner = createClient({ url: app.graphqlUrl, apiKey: created.apiKey });
    const basket = {
      datePurchased: new Date().toISOString(),
      items: [{ sku: "TICKET", price: "120.50", quantity: 1 }],
    };

    const quoted = (await partner.PotentialPoints({ basket })).potentialPoints;
    expect(quoted).toMatchObject({
      totalPointsAwarded: 241,
      breakdown: [{ sku: "TICKET", itemPrice: "120.5", convertedPoints: 241 }],
    });
    const recorded = (await partner.RecordPurchase({ input: { receiptId: "T-1", memberExternalId: "m-1", basket } }))
      .recordPurchase;
    if (recorded.__typename !== "RecordPurchasePayload") throw new Error(recorded.__typename);
    expect(recorded).toMatchObject({
      replayed: false,
      totalPointsAwarded: 241,
      // A business sees its own entries of a member, never the program-wide balance (README, Security).
      purchase: { member: { balance: null } },
    });

    // Statements group by month in the program's time zone (Europe/Vilnius here).
    const month = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Vilnius", year: "numeric", month: "2-digit" })
      .format(new Date())
      .slice(0, 7);
    const statement = (await partner.PartnerStatement({ partnerId: created.partner.id, from: month, to: month }))
      .partnerStatement;
    expect(statement.months[0]).toMatchObject({ netPoints: 241, amountDue: { amount: "2.41", currency: "EUR" } });

    const returned = (
      await partner.RecordReturn({
        input: { returnId: "T-1-R", receiptId: "T-1", items: [{ sku: "TICKET", quantity: 2 }] },
      })
    ).recordReturn;
    expect(isError(returned) && returned.code).toBe("VALIDATION_FAILED");
  });
});
