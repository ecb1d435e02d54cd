// The loyalty operations through the typed SDK: an owner sets up a club and cards, a member logs in and follows,
// staff award points and stamps from the member's QR, and everyone reads back typed results.
import { createClient, isError, type PartnergraphClient } from "@partnergraph/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { ADMIN_KEY, createPartner, createProgram, login, type TestApp } from "./helpers.js";
import { startLoyaltyApp, tag } from "./loyalty-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
let admin: PartnergraphClient;
const as = (token: string) => createClient({ url: app.graphqlUrl, token });

beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
  admin = createClient({ url: app.graphqlUrl, apiKey: ADMIN_KEY });
});
afterAll(async () => {
  await app?.close();
});

describe("loyalty SDK", () => {
  it("runs the whole counter flow with typed results and typed errors", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    const owner = createClient({ url: app.graphqlUrl, apiKey: partner.apiKey });

    const club = (
      await owner.CreateClub({ input: { partner: { id: partner.id }, name: "Old Town", address: "Square 1" } })
    ).createClub;
    if (club.__typename !== "CreateClubPayload") throw new Error(club.__typename);
    const staffEmail = `barista-${tag()}@example.com`;
    const added = (await owner.AddClubStaff({ input: { clubId: club.club.id, email: staffEmail, role: "STAFF" } }))
      .addClubStaff;
    expect(added.__typename === "AddClubStaffPayload" && added.staff).toMatchObject({
      email: staffEmail,
      role: "STAFF",
    });

    const points = (
      await owner.CreateLoyaltyCard({
        input: {
          clubIds: [club.club.id],
          design: { name: "Beans", backgroundColor: "#112233" },
          pointsPerCurrencyUnit: "2",
        },
      })
    ).createLoyaltyCard;
    const stamps = (
      await owner.CreateStampCard({ input: { clubIds: [club.club.id], design: { name: "Cups" }, stampsRequired: 2 } })
    ).createStampCard;
    if (points.__typename !== "CreateLoyaltyCardPayload" || stamps.__typename !== "CreateStampCardPayload")
      throw new Error("cards");
    expect(points.card).toMatchObject({
      type: "LOYALTY",
      loyalty: { pointsPerCurrencyUnit: "2" },
      design: { backgroundColor: "#112233" },
      clubs: [{ id: club.club.id }],
    });
    const bad = (
      await owner.CreateStampCard({ input: { clubIds: [club.club.id], design: { name: "Bad" }, stampsRequired: 0 } })
    ).createStampCard;
    expect(isError(bad) && bad.__typename === "ValidationError" && bad.issues.map((i) => i.path)).toEqual([
      "stampsRequired",
    ]);
    expect((await owner.Clubs({ partnerId: partner.id })).clubs.nodes.map((c) => c.name)).toEqual(["Old Town"]);
    expect((await owner.Cards({ filter: { partnerId: partner.id } })).cards.totalCount).toBe(2);

    const memberEmail = `regular-${tag()}@example.com`;
    const created = (
      await admin.CreateMember({ input: { programId: program.id, externalId: "R-1", email: memberEmail } })
    ).createMember;
    if (created.__typename !== "CreateMemberPayload") throw new Error(created.__typename);
    const member = as(await login(app, mailbox, memberEmail));
    expect((await member.MyMembers()).viewer.members.map((m) => m.id)).toEqual([created.member.id]);
    expect((await member.PublicCards({ programId: program.id })).publicCards.nodes.map((c) => c.name)).toEqual([
      "Beans",
      "Cups",
    ]);
    const followed = (await member.FollowCard({ input: { cardId: stamps.card.id } })).followCard;
    expect(followed.__typename === "FollowCardPayload" && followed.created).toBe(true);
    expect((await member.RecordCardView({ input: { cardId: points.card.id } })).recordCardView.__typename).toBe(
      "RecordCardViewPayload",
    );

    const staff = as(await login(app, mailbox, staffEmail));
    const qr = (await member.MemberQr({ input: { programId: program.id } })).memberQr;
    if (qr.__typename !== "MemberQrPayload") throw new Error(qr.__typename);
    const award = (
      await staff.AwardPoints({
        input: { cardId: points.card.id, qr: qr.payload, idempotencyKey: "sdk-1", purchaseAmount: "4.50" },
      })
    ).awardPoints;
    expect(award.__typename === "AwardPointsPayload" && award).toMatchObject({
      pointsAwarded: 9,
      balance: 9,
      replayed: false,
      activity: { type: "POINTS_AWARDED", club: { name: "Old Town" } },
    });
    const again = (
      await staff.AwardPoints({ input: { cardId: points.card.id, qr: qr.payload, idempotencyKey: "sdk-2", points: 1 } })
    ).awardPoints;
    expect(isError(again) && again.__typename === "LoyaltyRuleError" && again.code).toBe("QR_ALREADY_USED");
    const stamped = (
      await staff.AddStamps({ input: { cardId: stamps.card.id, qr: qr.payload, idempotencyKey: "sdk-3", stamps: 3 } })
    ).addStamps;
    expect(stamped.__typename === "AddStampsPayload" && stamped).toMatchObject({
      stampsAdded: 3,
      completedCard: true,
      progress: { current: 1, fullCards: 1, completed: 1 },
    });

    const cards = (await member.MemberCards({ memberId: created.member.id })).node;
    expect(cards?.__typename === "Member" && cards.cards.nodes.map((c) => [c.card.name, c.balance])).toEqual([
      ["Cups", 3],
      ["Beans", 9],
    ]);
    const history = (await member.MemberActivities({ memberId: created.member.id })).node;
    expect(history?.__typename === "Member" && history.activities.nodes.map((a) => a.type)).toEqual([
      "STAMPS_ADDED",
      "POINTS_AWARDED",
      "FOLLOW",
      "CARD_VIEW",
      "FOLLOW",
    ]);
  });
});
