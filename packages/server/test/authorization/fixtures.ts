// The authorization matrix's fixtures, made once before the first cell, and the fresh targets cells act on.
// Program A has partners A1, A2 and A3 (A3 disabled; A2 has a club with a STAFF and a CLUB_MANAGER, no card);
// program B has B1. memberA is a member of A with a login, never the member a row asks about. "A" below means program A.
// Members of A: M1, to whom A1 awarded points (a purchase through A1), and M2, to whom no partner did.
// Reads come before writes: the points writes award through partners, which would widen what partners see.
// Referrals in A: project P with members A1 (its default project) and A4 (a partner no principal acts as), project
// Q without members; links L1 (A1's) and L4 (A4's), one click on L1 and two on L4; a project-wide SALE rule and
// A1's and A4's own LEAD rules; one conversion through each link's code, each with its commission. A2 belongs to
// no project. Staff of A hold no referral role: they see no referral rows, and management writes are FORBIDDEN.
// They are live bindings: setUp assigns them, the area files read them.
import { expect } from "vitest";
import {
  ADMIN_KEY,
  createCategory,
  createPartner,
  createProgram,
  grantRole,
  login,
  type TestAppOptions,
} from "../helpers.js";
import { addClubStaff, createClub, createLoyaltyCard, createStampCard } from "../loyalty-helpers.js";
import { addToProject, click, createLink, createProject, createRule, track } from "../referral-helpers.js";
import { adminMutation, app, mailbox, type Principal, type PrincipalName, startMatrixApp, unique } from "./kit.js";

export let A: { id: string; secretKey: string };
export let B: { id: string; secretKey: string };
export let A1: { id: string; apiKey: string; externalId: string };
export let A2: { id: string; apiKey: string };
export let A3: { id: string; apiKey: string };
export let categoryA: string;
export let M1: { id: string; externalId: string };
export let M2: { id: string; externalId: string };
export let campaignA: string;
/** What the fixture purchase through A1 awarded M1: M1's balance, which no cell may change. */
export let m1Balance: number;
export let A4: { id: string };
/** Referral projects of A: P (A1 and A4 are members), Q (no members). */
export let P: string;
export let Q: string;
export let L1: { id: string; code: string };
export let L4: { id: string; code: string };
export let RULES: { projectWide: string; ofA1: string; ofA4: string };
/** Loyalty in A: a club and a PUBLIC loyalty card of A1, and of A4; a stamp card of A1. */
export let LOYALTY: {
  clubA1: string;
  clubA2: string;
  clubA4: string;
  cardA1: string;
  cardA4: string;
  stampsA1: string;
};
/** memberA's member row (a member of A with a login). */
export let MA: { id: string };
/** Redemption fixtures (see redemptionFixtures). */
export let REDEEM: {
  member: string;
  rewardA1: string;
  rewardA4: string;
  couponA1: string;
  couponA4: string;
  gameA1: string;
};
/** The fixture conversion through L1 and its commission (10% of 50). */
export let C1: { id: string; commissionId: string };
export const principals = {} as Record<PrincipalName, Principal>;

/** Starts the app and makes every fixture the matrix expects; the principals log in last. */
export async function setUp(options: Omit<TestAppOptions, "mailbox">): Promise<void> {
  await startMatrixApp(options);

  A = await createProgram(app, { name: "Program A" });
  B = await createProgram(app, { name: "Program B", currency: "USD", timezone: "America/New_York" });
  categoryA = await createCategory(app, A.id, "Hospitality");
  await createCategory(app, B.id, "Aviation");
  const a1 = await createPartner(app, A.id, { name: "A1", externalId: "A1-EXT", categoryId: categoryA });
  A1 = { id: a1.id, apiKey: a1.apiKey, externalId: "A1-EXT" };
  A2 = await createPartner(app, A.id, { name: "A2", externalId: "A2-EXT" });
  A3 = await createPartner(app, A.id, { name: "A3", externalId: "A3-EXT" });
  await createPartner(app, B.id, { name: "B1", externalId: "A1-EXT" }); // the same external id in another tenant
  const disabled = await app.gql(
    `mutation ($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }`,
    { id: A3.id },
  );
  expect(disabled.data.setPartnerStatus.__typename).toBe("SetPartnerStatusPayload");

  await grantRole(app, { email: "manager@a.example", role: "PROGRAM_MANAGER", programId: A.id });
  await grantRole(app, { email: "manager@b.example", role: "PROGRAM_MANAGER", programId: B.id });
  await grantRole(app, { email: "user@a1.example", role: "PARTNER_USER", programId: A.id, partnerId: A1.id });
  await grantRole(app, { email: "staff@a.example", role: "STAFF", programId: A.id });
  await grantRole(app, { email: "user@a2.example", role: "PARTNER_USER", programId: A.id, partnerId: A2.id });

  // Points fixtures in A: one entry of each configuration list, a campaign, and the members M1 and M2.
  await adminMutation(
    "setPointsMultipliers",
    "SetPointsMultipliersInput",
    "SetPointsMultipliersPayload",
    "program { id }",
    MULTIPLIERS(),
  );
  await adminMutation("upsertProducts", "UpsertProductsInput", "UpsertProductsPayload", "program { id }", {
    programId: A.id,
    products: [{ sku: "CATALOGUED", brand: "Acme" }],
  });
  await adminMutation("setSkuExclusions", "SetSkuExclusionsInput", "SetSkuExclusionsPayload", "program { id }", {
    programId: A.id,
    add: ["EXCLUDED"],
  });
  campaignA = await newCampaign("Fixture campaign");
  M1 = await newMember("M1");
  M2 = await newMember("M2");
  const purchase = await adminMutation(
    "recordPurchase",
    "RecordPurchaseInput",
    "RecordPurchasePayload",
    "totalPointsAwarded",
    {
      programId: A.id,
      partnerId: A1.id,
      receiptId: unique("fixture-receipt"),
      memberId: M1.id,
      basket: BASKET,
    },
  );
  m1Balance = purchase.totalPointsAwarded;
  expect(m1Balance, "the fixture purchase awards points, so A1 has awarded points to M1").toBeGreaterThan(0);

  // Referral fixtures in A (see the matrix): every number the scoped reads expect is made here.
  A4 = await createPartner(app, A.id, { name: "A4", externalId: "A4-EXT" });
  P = (await createProject(app, A.id, { name: "Fixture project", slug: "fixture" })).id;
  Q = (await createProject(app, A.id, { name: "Project without A1", slug: "without-a1" })).id;
  await addToProject(app, P, A1.id, true);
  await addToProject(app, P, A4.id, true);
  L1 = await createLink(app, A1.id);
  L4 = await createLink(app, A4.id);
  for (const code of [L1.code, L4.code, L4.code])
    expect((await click(app, code)).status, "the fixture clicks redirect").toBe(302);
  RULES = {
    projectWide: await newRule({ projectId: P, event: "SALE", type: "PERCENTAGE", percentage: "10" }),
    ofA1: await newRule({ projectId: P, partnerId: A1.id, event: "LEAD", type: "FLAT", flatAmount: "1" }),
    ofA4: await newRule({ projectId: P, partnerId: A4.id, event: "LEAD", type: "FLAT", flatAmount: "1" }),
  };
  C1 = await newConversion("fixture-of-A1", L1.code, "50");
  await newConversion("fixture-of-A4", L4.code, "30");

  const clubA1 = (await createClub(app, A1.id, "A1 club")).id;
  const clubA4 = (await createClub(app, A4.id, "A4 club")).id;
  LOYALTY = {
    clubA1,
    clubA2: "",
    clubA4,
    cardA1: (await createLoyaltyCard(app, [clubA1])).id,
    cardA4: (await createLoyaltyCard(app, [clubA4])).id,
    stampsA1: (await createStampCard(app, [clubA1], { visibility: "QR_ONLY" })).id,
  };
  // A2's club (no card): its staff and club manager are principals inside A of another business than A1's.
  const clubA2 = (await createClub(app, A2.id, "A2 club")).id;
  LOYALTY.clubA2 = clubA2;
  await addClubStaff(app, clubA2, "staff@a2.example");
  await addClubStaff(app, clubA2, "club-manager@a2.example", "CLUB_MANAGER");
  MA = (
    await adminMutation("createMember", "CreateMemberInput", "CreateMemberPayload", "member { id }", {
      programId: A.id,
      externalId: "member-a",
      email: "member@a.example",
    })
  ).member;
  // Two views of A1's card and one of A4's, so that loyaltyStats tells the whole program from either partner.
  for (const cardId of [LOYALTY.cardA1, LOYALTY.cardA1, LOYALTY.cardA4])
    await adminMutation("recordCardView", "RecordCardViewInput", "RecordCardViewPayload", "card { id }", { cardId });

  const person = async (
    name: PrincipalName,
    email: string,
    home: "A" | "B",
    managesA: boolean,
    ownPartnerId?: string,
  ): Promise<Principal> => ({
    name,
    key: await login(app, mailbox, email),
    home,
    managesA,
    email,
    ...(ownPartnerId && { ownPartnerId }),
  });
  Object.assign(principals, {
    anonymous: { name: "anonymous", key: null, home: null, managesA: false },
    admin: { name: "admin", key: ADMIN_KEY, home: null, managesA: true },
    keyA: { name: "keyA", key: A.secretKey, home: "A", managesA: true },
    keyB: { name: "keyB", key: B.secretKey, home: "B", managesA: false },
    managerA: await person("managerA", "manager@a.example", "A", true),
    managerB: await person("managerB", "manager@b.example", "B", false),
    partnerA1Key: { name: "partnerA1Key", key: A1.apiKey, home: "A", managesA: false, ownPartnerId: A1.id },
    partnerA2Key: { name: "partnerA2Key", key: A2.apiKey, home: "A", managesA: false, ownPartnerId: A2.id },
    partnerUserA1: await person("partnerUserA1", "user@a1.example", "A", false, A1.id),
    staffA: await person("staffA", "staff@a.example", "A", false),
    disabledA3Key: { name: "disabledA3Key", key: A3.apiKey, home: "A", managesA: false, ownPartnerId: A3.id },
    partnerUserA2: await person("partnerUserA2", "user@a2.example", "A", false, A2.id),
    staffA2: await person("staffA2", "staff@a2.example", "A", false),
    clubManagerA2: await person("clubManagerA2", "club-manager@a2.example", "A", false),
    memberA: await person("memberA", "member@a.example", "A", false),
  } satisfies Record<PrincipalName, Principal>);
}

/** A small basket every principal that may award points in A can price and record (SKU-1 is neither excluded nor in a campaign). */
export const BASKET = {
  datePurchased: "2026-11-23T10:15:00+02:00",
  items: [{ sku: "SKU-1", price: "10.00", quantity: 1 }],
};
/** A's tender table: what the fixture sets, and what setPointsMultipliers cells set again (a no-op). */
export const MULTIPLIERS = () => ({ programId: A.id, kind: "TENDER", multipliers: [{ code: 1, multiplier: "1" }] });
/** A campaign that matches nothing any basket here contains. */
export const campaignInput = (title: string) => ({
  type: "SKU",
  title,
  multiplier: "2",
  startsAt: "2026-01-01T00:00:00Z",
  skus: ["CAMPAIGN-SKU"],
});
/** Months wide enough to hold every ledger entry the fixtures and cells write. */
export const MONTHS = { f: "2000-01", t: "2099-12" };

/** A fresh member of A. */
export async function newMember(label: string): Promise<{ id: string; externalId: string }> {
  const externalId = unique(label);
  const created = await adminMutation("createMember", "CreateMemberInput", "CreateMemberPayload", "member { id }", {
    programId: A.id,
    externalId,
  });
  return { id: created.member.id as string, externalId };
}

/** A fresh campaign of A. */
export async function newCampaign(label: string): Promise<string> {
  const created = await adminMutation(
    "createCampaign",
    "CreateCampaignInput",
    "CreateCampaignPayload",
    "campaign { id }",
    { programId: A.id, ...campaignInput(unique(label)) },
  );
  return created.campaign.id as string;
}

/** A fresh purchase of BASKET by a fresh member of A, through a partner of A or (null) by the program itself; its receiptId. */
export async function newPurchase(label: string, partnerId: string | null): Promise<string> {
  const member = await newMember(`buyer-${label}`);
  const receiptId = unique(`receipt-${label}`);
  await adminMutation("recordPurchase", "RecordPurchaseInput", "RecordPurchasePayload", "totalPointsAwarded", {
    programId: A.id,
    ...(partnerId && { partnerId }),
    receiptId,
    memberId: member.id,
    basket: BASKET,
  });
  return receiptId;
}

/** A fresh referral project of A with A1 (not its default project) as a member. */
export async function newProject(label: string): Promise<string> {
  const { id } = await createProject(app, A.id, { name: unique(label), slug: unique("project").toLowerCase() });
  await addToProject(app, id, A1.id);
  return id;
}

/** A reward rule made as admin; its id. */
export async function newRule(input: Record<string, unknown>): Promise<string> {
  const result = await createRule(app, input);
  if (result?.__typename !== "CreateRewardRulePayload")
    throw new Error(`createRewardRule failed: ${JSON.stringify(result)}`);
  return result.rule.id as string;
}

/** A fresh sale in P tracked with A's secret key through a link's code (attributed to its partner), and its PENDING commission. */
export async function newConversion(
  label: string,
  code: string,
  amount = "20",
): Promise<{ id: string; commissionId: string }> {
  const result = await track(app, { projectId: P, type: "SALE", externalId: unique(label), code, amount }, A.secretKey);
  if (
    result?.__typename !== "TrackConversionPayload" ||
    result.conversion.status !== "ATTRIBUTED" ||
    result.conversion.commissions.length !== 1
  ) {
    throw new Error(`trackConversion did not attribute an earning sale: ${JSON.stringify(result)}`);
  }
  return { id: result.conversion.id as string, commissionId: result.conversion.commissions[0].id as string };
}

let months = 0;
/** A month no other cell uses (from 2040-01 on): locking it blocks nothing anyone writes. */
export const freshPeriod = () => `${2040 + Math.floor(months / 12)}-${String((months++ % 12) + 1).padStart(2, "0")}`;
/** A month no cell locks, for commissionLockStatus. */
export const OPEN_PERIOD = "2030-06";

/** Around now: every fixture click, conversion and commission lies inside. */
export const aroundNow = () => ({
  from: new Date(Date.now() - 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
});

/** A fresh member of A with a QR payload (issued by the admin acting for them). */
export async function newMemberQr(label: string): Promise<string> {
  const member = await newMember(label);
  return (await adminMutation("memberQr", "MemberQrInput", "MemberQrPayload", "payload", { member: { id: member.id } }))
    .payload as string;
}

let redemptionsMade: Promise<void> | undefined;
/**
 * Made on first use (after the members row, which counts A's members): a member following A1's and A4's cards
 * with points on both; a COUPON reward on each card (costing 1 point), a coupon of each for that member, and a
 * game on A1's card.
 */
export function redemptionFixtures(): Promise<void> {
  redemptionsMade ??= (async () => {
    const holder = (await newMember("coupon-holder")).id;
    for (const cardId of [LOYALTY.cardA1, LOYALTY.cardA4]) {
      await adminMutation("awardPoints", "AwardPointsInput", "AwardPointsPayload", "balance", {
        cardId,
        qr: await qrOf(holder),
        points: 1_000_000,
        idempotencyKey: unique("fund"),
      });
    }
    const reward = async (cardId: string) =>
      (
        await adminMutation("createReward", "CreateRewardInput", "CreateRewardPayload", "reward { id }", {
          cardId,
          title: unique("Reward"),
          pointsCost: 1,
        })
      ).reward.id as string;
    const game = await adminMutation("createGame", "CreateGameInput", "CreateGamePayload", "game { id }", {
      cardId: LOYALTY.cardA1,
      title: "Wheel",
      playLimit: 1000,
      playPeriod: "DAY",
      prizes: [{ type: "NOTHING", label: "Nothing", weight: 1 }],
    });
    REDEEM = {
      member: holder,
      rewardA1: await reward(LOYALTY.cardA1),
      rewardA4: await reward(LOYALTY.cardA4),
      couponA1: "",
      couponA4: "",
      gameA1: game.game.id,
    };
    REDEEM.couponA1 = (await newCoupon("fixture", REDEEM.rewardA1)).id;
    REDEEM.couponA4 = (await newCoupon("fixture", REDEEM.rewardA4)).id;
  })();
  return redemptionsMade;
}

/** A fresh QR payload of a member of A (issued by the admin acting for them). */
export async function qrOf(memberId: string): Promise<string> {
  return (await adminMutation("memberQr", "MemberQrInput", "MemberQrPayload", "payload", { member: { id: memberId } }))
    .payload as string;
}

/** A fresh coupon of the redemption fixtures' member, redeemed (as admin, at the counter) from a reward of A1's card unless another is named. */
export async function newCoupon(label: string, rewardId = REDEEM.rewardA1): Promise<{ id: string; code: string }> {
  const input = { rewardId, qr: await qrOf(REDEEM.member), idempotencyKey: unique(`coupon-${label}`) };
  return (await adminMutation("redeemReward", "RedeemRewardInput", "RedeemRewardPayload", "coupon { id code }", input))
    .coupon;
}

/** A fresh member of A following A1's loyalty card. */
export async function newFollower(label: string): Promise<string> {
  const member = await newMember(label);
  await adminMutation("followCard", "FollowCardInput", "FollowCardPayload", "created", {
    cardId: LOYALTY.cardA1,
    member: { id: member.id },
  });
  return member.id;
}

/** A fresh club of A1 (with a STAFF member when `staff` is given). */
export async function newClub(label: string, staff?: string): Promise<string> {
  const id = (await createClub(app, A1.id, unique(label))).id;
  if (staff) await addClubStaff(app, id, staff);
  return id;
}
