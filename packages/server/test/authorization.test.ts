// The authorization matrix: every root field of the running schema (query, mutation, subscription), called as
// every kind of principal, is allowed or refused with an exact code. Complete by construction: a root field
// with no row in MATRIX fails the first test, so a new operation cannot ship until someone classifies it.
//
// Cell values: ALLOWED (the call succeeded and, for reads, showed the target); for scoped lists ALL (every live
// partner of A / every program / every member of A), OWN (exactly the programs the caller has a role in), SELF
// (only the caller's own partner; for members, only the member its partner awarded points to; for referral rows,
// projects and statistics, only its own partner's), EMPTY (an empty list, or statistics of nothing); NULL (node
// answered null); otherwise the error code. A code comes from `extensions.code` of a GraphQL
// error, or from the `code` of a typed failure a mutation returns (e.g. { __typename: "NotFoundError", code:
// "PARTNER_NOT_FOUND" }): see `outcome`.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { createRateLimiter } from "../src/http/rate-limit.js";
import { schema } from "../src/schema/index.js";
import {
  ADMIN_KEY,
  createCategory,
  createPartner,
  createProgram,
  type GqlResponse,
  grantRole,
  login,
  mailedLoginCode,
  startTestApp,
  type TestApp,
} from "./helpers.js";
import { addClubStaff, createClub, createLoyaltyCard, createStampCard } from "./loyalty-helpers.js";
import { addToProject, click, createLink, createProject, createRule, lockPeriod, track } from "./referral-helpers.js";

// Outcomes --------------------------------------------------------------------------------------------------

const OK = "ALLOWED";
const ALL = "ALL";
const OWN = "OWN";
const SELF = "SELF";
const EMPTY = "EMPTY";
const NULL = "NULL";
const U = "UNAUTHENTICATED";
const F = "FORBIDDEN";
const NF = "NOT_FOUND";
const PNF = "PARTNER_NOT_FOUND";
const IPP = "INSUFFICIENT_PARTNER_PERMISSIONS";
const VF = "VALIDATION_FAILED";
const SAD = "STORE_ACCESS_DENIED";
type Outcome =
  | typeof OK
  | typeof ALL
  | typeof OWN
  | typeof SELF
  | typeof EMPTY
  | typeof NULL
  | typeof U
  | typeof F
  | typeof NF
  | typeof PNF
  | typeof IPP
  | typeof VF
  | typeof SAD;

// Principals (columns) --------------------------------------------------------------------------------------

const PRINCIPALS = [
  "anonymous",
  "admin",
  "keyA",
  "keyB",
  "managerA",
  "managerB",
  "partnerA1Key",
  "partnerA2Key",
  "partnerUserA1",
  "staffA",
  "disabledA3Key",
] as const;
type PrincipalName = (typeof PRINCIPALS)[number];
type Cells = [Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome, Outcome];

interface Principal {
  name: PrincipalName;
  /** Bearer credential; null for anonymous. */
  key: string | null;
  /** The program it has a role in (null: none, or every one for the admin). */
  home: "A" | "B" | null;
  /** May manage program A: writes that succeed act on a fresh throwaway target, never on the fixtures. */
  managesA: boolean;
  /** Its own partner (partner keys and partner users). */
  ownPartnerId?: string;
  /** A logged-in person: logout gets a fresh session of theirs, so the fixture session survives. */
  email?: string;
}

// The matrix (rows: operations, columns: principals) ---------------------------------------------------------
// Program A has partners A1, A2 and A3 (A3 disabled); program B has B1. "A" below means program A.
// Members of A: M1, to whom A1 awarded points (a purchase through A1), and M2, to whom no partner did.
// Reads come before writes: the points writes award through partners, which would widen what partners see.
// Referrals in A: project P with members A1 (its default project) and A4 (a partner no principal acts as), project
// Q without members; links L1 (A1's) and L4 (A4's), one click on L1 and two on L4; a project-wide SALE rule and
// A1's and A4's own LEAD rules; one conversion through each link's code, each with its commission. A2 belongs to
// no project. Staff of A hold no referral role: they see no referral rows, and management writes are FORBIDDEN.

// prettier-ignore
const MATRIX = {
  //                                           anonymous admin keyA  keyB   managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key
  viewer: [U, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP],
  programs: [U, ALL, OWN, OWN, OWN, OWN, OWN, OWN, OWN, OWN, IPP],
  "program(id: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  "node(id: A)": [U, OK, OK, NULL, OK, NULL, OK, OK, OK, OK, IPP],
  "nodes(ids: [A])": [U, OK, OK, NULL, OK, NULL, OK, OK, OK, OK, IPP],
  "partnerCategories(programId: A)": [U, OK, OK, EMPTY, OK, EMPTY, OK, OK, OK, OK, IPP],
  "partners(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, SELF, SELF, EMPTY, IPP],
  "partner(id: A1)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP],
  "partnerByExternalId(A, A1's)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP],
  "roleGrants(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "auditLog(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "configureProgram(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "createPartner(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "updatePartner(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP],
  "setPartnerStatus(A1, DISABLED)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP],
  "deletePartner(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP],
  "rotatePartnerApiKey(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP],
  "revokePartnerApiKey(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP],
  "createPartnerCategory(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "renamePartnerCategory(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "deletePartnerCategory(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "grantRole(STAFF in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "revokeRole(a grant in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "grantRole(ADMIN)": [U, OK, F, F, F, F, F, F, F, F, IPP],
  createProgram: [U, OK, F, F, F, F, F, F, F, F, IPP],
  logout: [U, F, F, F, OK, OK, F, F, OK, OK, IPP],
  requestLoginCode: [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP],
  verifyLoginCode: [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP],
  "partnerChanged(programId: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  // Live analytics: anyone with a role in A may subscribe (partners then receive only their own events; staff none).
  "conversionCreated(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  "clickRecorded(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  "commissionChanged(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  "pointsAwarded(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  "liveStats(filter: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  // Points: configuration and billing reads (the program's managers), then members, quotes and campaigns.
  "pointsMultipliers(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "skuExclusions(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "products(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "programStatement(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "partnerStatement(A1)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP],
  "campaigns(programId: A)": [U, OK, OK, EMPTY, OK, EMPTY, OK, OK, OK, OK, IPP],
  "potentialPoints(programId: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  "member(id: M1)": [U, OK, OK, NF, OK, NF, OK, NF, OK, OK, IPP],
  "memberByExternalId(A, M1's)": [U, OK, OK, NF, OK, NF, OK, NF, OK, OK, IPP],
  "members(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, ALL, IPP],
  "setPointsMultipliers(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "upsertProducts(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "setSkuExclusions(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "createCampaign(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "updateCampaign(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "createMember(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "adjustPoints(member of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  // Partners award through themselves; staff award for the program (no partner).
  "recordPurchase(member of A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  // Each cell returns a fresh purchase made through A1 (for A2's key: not theirs); staff one the program made with no partner.
  "recordReturn(purchase in A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, OK, IPP],
  // Referrals: reads (partners see their own rows; another program sees nothing), then writes on fresh targets.
  "projects(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "project(id: P)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP],
  "referralLinks(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "referralLink(id: L1)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP],
  "clicks(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "conversions(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "commissions(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "rewardRules(projectId: P)": [U, ALL, ALL, NF, ALL, NF, SELF, NF, SELF, NF, IPP],
  "commissionLockStatus(A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP],
  "referralStats(programId: A)": [U, ALL, ALL, NF, ALL, NF, SELF, EMPTY, SELF, EMPTY, IPP],
  "referralStats(A, partnerId: A1)": [U, OK, OK, NF, OK, NF, OK, VF, OK, VF, IPP],
  "topPartners(projectId: P)": [U, OK, OK, NF, OK, NF, IPP, NF, IPP, NF, IPP],
  "createProject(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  // Each project, rule, conversion and commission cell gets a fresh one of A; fresh projects have A1 (not A2) as a member.
  "updateProject(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "addPartnerToProject(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "removePartnerFromProject(A1, of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "createReferralLink(for A1)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP],
  "trackConversion(in P)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "refundConversion(A1's)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "createRewardRule(in project of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  // A project-wide rule of a project A1 belongs to: A1 reads it in rewardRules, so it is told it may not change it.
  "updateRewardRule(project-wide)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "deleteRewardRule(project-wide)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "setCommissionStatus(A1's, APPROVED)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  // Every period cell uses a fresh month far ahead, so no lock blocks another cell's commissions.
  "lockCommissionPeriod(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "unlockCommissionPeriod(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "syncCommissions(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  // Bulk imports: the program's managers and keys; each allowed cell imports one fresh row (a fresh member's points).
  "importMembers(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "importTransactions(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  "importProducts(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP],
  // Staff imports also for the partner into its own clubs: A2 names A1's club, which reads as unknown (UNKNOWN_CLUB).
  "importStaff(into A1's club)": [U, OK, OK, NF, OK, NF, OK, NF, OK, F, IPP],
  // Loyalty analytics: a partner gets its own cards' figures (A2 has none); staffA works in no club.
  "loyaltyStats(programId: A)": [U, ALL, ALL, NF, ALL, NF, SELF, EMPTY, SELF, SAD, IPP],
  "loyaltyStats(A, clubId: A1's club)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  // Loyalty: A1 and A4 each have a club and a PUBLIC loyalty card in it (staffA works in no club). Owners manage
  // them (the program's managers and the partner); another partner lacks permission, program staff are refused.
  "clubs(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "cards(filter: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "publicCards(programId: A)": [U, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, IPP],
  "createClub(for A1)": [U, OK, OK, PNF, OK, PNF, OK, IPP, OK, F, IPP],
  // Every club, staff and card write acts on a fresh club or card of A1.
  "updateClub(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  "addClubStaff(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  "updateClubStaff(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  "removeClubStaff(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  "createLoyaltyCard(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  "createStampCard(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  "updateCard(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  "setCardClubs(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  // Acting for a fresh member of A on A1's cards: the program's managers and the card's partner (members act for
  // themselves, tested in loyalty-members.test.ts). Anyone who may see the (PUBLIC) card records a view of it.
  "followCard(A1's, for a member of A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP],
  "unfollowCard(A1's, for a member of A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP],
  "recordCardView(A1's)": [U, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP],
  "memberQr(for a member of A)": [U, OK, OK, NF, OK, NF, NF, NF, NF, NF, IPP],
  // Counter actions with a fresh member's QR: owners may act in any of the card's clubs; staffA works in none.
  "awardPoints(A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  "addStamps(A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  // Rewards, coupons and games on A1's and A4's loyalty cards (see REDEEM): owners manage them; staffA works in no club.
  "rewards(cardId: A1's card)": [U, OK, OK, EMPTY, OK, EMPTY, OK, EMPTY, OK, EMPTY, IPP],
  "coupons(filter: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP],
  "partnerGames(A1)": [U, OK, OK, PNF, OK, PNF, OK, IPP, OK, F, IPP],
  "createReward(on A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  "updateReward(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  // At the counter with a fresh QR of the coupon holder, who has points to spare; each coupon cell gets a fresh coupon.
  "redeemReward(A1's, with a QR)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  "redeemCoupon(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP],
  "cancelCoupon(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  "createGame(on A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  "updateGame(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP],
  // Playing for the coupon holder (who follows A1's card): the program's managers and the card's partner.
  "playGame(A1's, for a member of A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP],
} satisfies Record<string, Cells>;

type OperationName = keyof typeof MATRIX;
type RootField = `${"Query" | "Mutation" | "Subscription"}.${string}`;
interface Operation {
  /** The schema root field the row exercises (several rows may exercise one field). */
  field: RootField;
  call(p: Principal): Promise<Outcome | string>;
}

// Fixtures ---------------------------------------------------------------------------------------------------

let app: TestApp;
const mailbox: Mail[] = [];
let A: { id: string; secretKey: string };
let B: { id: string; secretKey: string };
let A1: { id: string; apiKey: string; externalId: string };
let A2: { id: string; apiKey: string };
let A3: { id: string; apiKey: string };
let categoryA: string;
let M1: { id: string; externalId: string };
let M2: { id: string; externalId: string };
let campaignA: string;
/** What the fixture purchase through A1 awarded M1: M1's balance, which no cell may change. */
let m1Balance: number;
let A4: { id: string };
/** Referral projects of A: P (A1 and A4 are members), Q (no members). */
let P: string;
let Q: string;
let L1: { id: string; code: string };
let L4: { id: string; code: string };
let RULES: { projectWide: string; ofA1: string; ofA4: string };
/** Loyalty in A: a club and a PUBLIC loyalty card of A1, and of A4; a stamp card of A1. */
let LOYALTY: { clubA1: string; clubA4: string; cardA1: string; cardA4: string; stampsA1: string };
/** Redemption fixtures (see redemptionFixtures). */
let REDEEM: { member: string; rewardA1: string; rewardA4: string; couponA1: string; couponA4: string; gameA1: string };
/** The fixture conversion through L1 and its commission (10% of 50). */
let C1: { id: string; commissionId: string };
const principals = {} as Record<PrincipalName, Principal>;
let serial = 0;
const unique = (what: string) => `${what}-${++serial}`;

beforeAll(async () => {
  // The matrix makes a few hundred calls within a minute, some of them anonymous: lift the budgets.
  const generous = { perHour: 100_000, perMinute: 100_000 };
  app = await startTestApp(
    {},
    {
      mailbox,
      rateLimiter: createRateLimiter(undefined, {
        admin: generous,
        apiCredential: generous,
        partnerSession: generous,
        anonymous: generous,
      }),
    },
  );

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
    clubA4,
    cardA1: (await createLoyaltyCard(app, [clubA1])).id,
    cardA4: (await createLoyaltyCard(app, [clubA4])).id,
    stampsA1: (await createStampCard(app, [clubA1], { visibility: "QR_ONLY" })).id,
  };
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
  } satisfies Record<PrincipalName, Principal>);
});

afterAll(async () => {
  await app?.close();
});

// Calling and judging ----------------------------------------------------------------------------------------

/** The outcome of one call: a GraphQL error's code, a mutation's typed failure's code, or ALLOWED. */
function outcome(res: Pick<GqlResponse<Record<string, any>>, "data" | "errors">, field: string): string {
  const error = res.errors?.[0];
  if (error) return String(error.extensions?.code ?? `ERROR: ${error.message}`);
  const value = res.data?.[field];
  if (value && typeof value === "object" && typeof value.__typename === "string" && typeof value.code === "string")
    return value.code;
  return OK;
}

/** Posts one operation as the principal; `classify` refines ALLOWED for scoped reads (what the caller saw). */
async function ask(
  p: Principal,
  field: string,
  query: string,
  variables: Record<string, unknown> = {},
  classify?: (value: any) => string,
  key = p.key,
): Promise<string> {
  const res = await app.gql(query, variables, key);
  const result = outcome(res, field);
  // Refusals leak nothing: the field is null, and an anonymous caller is told so with HTTP 401.
  if (res.errors?.length) expect(res.data?.[field] ?? null, `${field} data alongside an error`).toBeNull();
  if (result === U) expect(res.status, "HTTP status for UNAUTHENTICATED").toBe(401);
  return result === OK && classify ? classify(res.data[field]) : result;
}

const ids = (connection: { nodes: ({ id: string } | null)[] }) => connection.nodes.map((n) => n?.id);

/** A fresh partner of A for writes that succeed; the fixture A1 for everyone else (a refusal must change nothing). */
async function partnerTarget(p: Principal): Promise<string> {
  return p.managesA ? (await createPartner(app, A.id, { name: unique(`Throwaway for ${p.name}`) })).id : A1.id;
}

/** Requests a login code anonymously and reads it from the mailbox. */
async function mailedCode(email: string): Promise<string> {
  const seen = mailbox.length;
  const res = await app.gql(
    `mutation ($e: String!) { requestLoginCode(input: { email: $e }) { __typename } }`,
    { e: email },
    null,
  );
  expect(res.data.requestLoginCode.__typename).toBe("RequestLoginCodePayload");
  return mailedLoginCode(app, mailbox, email, seen);
}

/** A mutation taking `input`, selecting the typed failure's code (and `extra` for the success payload). */
const MUTATION = (field: string, inputType: string, extra = "") => /* GraphQL */ `
  mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ... on Error { code message } ${extra} } }
`;

/** A mutation made as admin (fixtures and fresh targets); its payload, or a thrown error unless it is `payload`. */
async function adminMutation(
  field: string,
  inputType: string,
  payload: string,
  select: string,
  input: Record<string, unknown>,
): Promise<any> {
  const res = await app.gql(MUTATION(field, inputType, `... on ${payload} { ${select} }`), { input });
  const result = res.data?.[field];
  if (result?.__typename !== payload) throw new Error(`${field} failed: ${JSON.stringify(res)}`);
  return result;
}

/** A small basket every principal that may award points in A can price and record (SKU-1 is neither excluded nor in a campaign). */
const BASKET = { datePurchased: "2026-11-23T10:15:00+02:00", items: [{ sku: "SKU-1", price: "10.00", quantity: 1 }] };
/** A's tender table: what the fixture sets, and what setPointsMultipliers cells set again (a no-op). */
const MULTIPLIERS = () => ({ programId: A.id, kind: "TENDER", multipliers: [{ code: 1, multiplier: "1" }] });
/** A campaign that matches nothing any basket here contains. */
const campaignInput = (title: string) => ({
  type: "SKU",
  title,
  multiplier: "2",
  startsAt: "2026-01-01T00:00:00Z",
  skus: ["CAMPAIGN-SKU"],
});
/** Months wide enough to hold every ledger entry the fixtures and cells write. */
const MONTHS = { f: "2000-01", t: "2099-12" };

/** A fresh member of A. */
async function newMember(label: string): Promise<{ id: string; externalId: string }> {
  const externalId = unique(label);
  const created = await adminMutation("createMember", "CreateMemberInput", "CreateMemberPayload", "member { id }", {
    programId: A.id,
    externalId,
  });
  return { id: created.member.id as string, externalId };
}

/** A fresh campaign of A. */
async function newCampaign(label: string): Promise<string> {
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
async function newPurchase(label: string, partnerId: string | null): Promise<string> {
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

/** ALLOWED when a read's value shows what it should; otherwise what it got. */
const showing = (shows: (value: any) => boolean) => (value: any) =>
  shows(value) ? OK : `GOT ${JSON.stringify(value)}`;

/** A partner write on A1 (or a fresh partner of A for those who may manage A). */
const partnerWrite = (
  field: string,
  inputType: string,
  input: (partnerId: string) => Record<string, unknown>,
): Operation => ({
  field: `Mutation.${field}`,
  call: async (p) => ask(p, field, MUTATION(field, inputType), { input: input(await partnerTarget(p)) }),
});

/** A write that names program A. */
const programWrite = (
  field: string,
  inputType: string,
  input: (p: Principal) => Record<string, unknown>,
): Operation => ({
  field: `Mutation.${field}`,
  call: (p) => ask(p, field, MUTATION(field, inputType), { input: input(p) }),
});

/** A fresh referral project of A with A1 (not its default project) as a member. */
async function newProject(label: string): Promise<string> {
  const { id } = await createProject(app, A.id, { name: unique(label), slug: unique("project").toLowerCase() });
  await addToProject(app, id, A1.id);
  return id;
}

/** A reward rule made as admin; its id. */
async function newRule(input: Record<string, unknown>): Promise<string> {
  const result = await createRule(app, input);
  if (result?.__typename !== "CreateRewardRulePayload")
    throw new Error(`createRewardRule failed: ${JSON.stringify(result)}`);
  return result.rule.id as string;
}

/** A fresh sale in P tracked with A's secret key through a link's code (attributed to its partner), and its PENDING commission. */
async function newConversion(
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
const freshPeriod = () => `${2040 + Math.floor(months / 12)}-${String((months++ % 12) + 1).padStart(2, "0")}`;
/** A month no cell locks, for commissionLockStatus. */
const OPEN_PERIOD = "2030-06";

/** Around now: every fixture click, conversion and commission lies inside. */
const aroundNow = () => ({
  from: new Date(Date.now() - 86_400_000).toISOString(),
  to: new Date(Date.now() + 86_400_000).toISOString(),
});

/** A partner-scoped referral list of A: ALL (rows of A1 and of A4), SELF (some rows, all of the caller's partner), EMPTY. */
const partnerRows =
  (p: Principal, partnerOf: (node: any) => string | undefined) => (c: { totalCount: number; nodes: any[] }) => {
    const seen = c.nodes.map(partnerOf);
    if (c.totalCount !== seen.length) return `COUNT ${c.totalCount} FOR ${seen.length} NODES`;
    if (seen.includes(A1.id) && seen.includes(A4.id)) return ALL;
    if (seen.length > 0 && seen.every((id) => id === p.ownPartnerId)) return SELF;
    return seen.length === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
  };

/** A referral list of program A whose rows name a partner (selected by `partner`, read back by `partnerOf`). */
const referralList = (field: string, partner: string, partnerOf: (node: any) => string | undefined): Operation => ({
  field: `Query.${field}`,
  call: (p) =>
    ask(
      p,
      field,
      `query ($p: ID!) { ${field}(programId: $p, first: 100) { totalCount nodes { ${partner} } } }`,
      { p: A.id },
      partnerRows(p, partnerOf),
    ),
});

const STATS = /* GraphQL */ `query ($i: ReferralStatsInput!) { referralStats(input: $i) { totals { rawClicks conversions } } }`;

/** The fixture's numbers: ALL (A1's click and conversion, A4's two clicks and conversion), SELF (A1's alone), EMPTY. */
const statsOf = (p: Principal) => (s: { totals: { rawClicks: number; conversions: number } }) => {
  const { rawClicks, conversions } = s.totals;
  if (rawClicks === 3 && conversions === 2) return ALL;
  if (rawClicks === 1 && conversions === 1 && p.ownPartnerId === A1.id) return SELF;
  return rawClicks === 0 && conversions === 0 ? EMPTY : `GOT ${JSON.stringify(s.totals)}`;
};

/** A write on a fresh object of A made by `target` (as admin), with the input `input` builds from it. */
const freshWrite = <T>(
  field: string,
  inputType: string,
  target: (p: Principal) => Promise<T>,
  input: (t: T, p: Principal) => Record<string, unknown>,
): Operation => ({
  field: `Mutation.${field}`,
  call: async (p) => ask(p, field, MUTATION(field, inputType), { input: input(await target(p), p) }),
});

const LOYALTY_STATS = /* GraphQL */ `query ($i: LoyaltyStatsInput!) { loyaltyStats(input: $i) { totals { cardViews newFollowers pointsIssued stampsCollected activeMembers redemptions } } }`;

/** A CSV import into A; ALLOWED only when its one row was applied, NOT_FOUND when it names a club the caller cannot see. */
const importWrite = (field: string, inputType: string, csv: (p: Principal) => Promise<string>): Operation => ({
  field: `Mutation.${field}`,
  call: async (p) =>
    ask(
      p,
      field,
      MUTATION(field, inputType, "... on ImportReport { applied rejected { code message } }"),
      { input: { programId: A.id, csv: await csv(p) } },
      (r) =>
        r.applied === 1
          ? OK
          : r.applied === 0 && r.rejected.length === 1 && r.rejected[0].code === "UNKNOWN_CLUB"
            ? NF
            : `GOT ${JSON.stringify(r)}`,
    ),
});

/** Subscribes over SSE; ALLOWED once the server holds a live subscription, else the error the stream reports. */
async function subscribe(p: Principal, programId: string, field = "partnerChanged"): Promise<string> {
  const selection = field === "liveStats" ? "to" : "occurredAt";
  const query =
    field === "partnerChanged"
      ? `subscription ($p: ID!) { partnerChanged(programId: $p) { type } }`
      : `subscription ($p: ID!) { ${field}(filter: { programId: $p }) { ${selection} } }`;
  const before = app.events.listenerCount();
  const abort = new AbortController();
  const res = await fetch(app.graphqlUrl, {
    method: "POST",
    signal: abort.signal,
    headers: {
      "content-type": "application/json",
      accept: "text/event-stream",
      ...(p.key ? { authorization: `Bearer ${p.key}` } : {}),
    },
    body: JSON.stringify({ query, variables: { p: programId } }),
  });
  try {
    if (!res.headers.get("content-type")?.includes("text/event-stream")) {
      return outcome((await res.json()) as GqlResponse<Record<string, any>>, field);
    }
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    let text = "";
    let ended = false;
    void (async () => {
      for (;;) {
        const chunk = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (chunk.done) {
          ended = true;
          return;
        }
        text += decoder.decode(chunk.value, { stream: true });
      }
    })();
    const deadline = Date.now() + 5_000;
    for (;;) {
      if (app.events.listenerCount() > before) return OK;
      const next = /event: next\ndata: (.*)\n/.exec(text);
      if (next) return outcome(JSON.parse(next[1]!) as GqlResponse<Record<string, any>>, field);
      if (ended) return `STREAM ENDED: ${text}`;
      if (Date.now() > deadline) return `NO OUTCOME WITHIN 5s: ${text}`;
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    abort.abort();
    // Let the server drop the subscription, so the next cell counts from a settled baseline.
    const deadline = Date.now() + 5_000;
    while (app.events.listenerCount() > before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  }
}

/** A loyalty list of A: ALL (A1's and A4's rows), SELF (A1's, not A4's, for A1 itself), EMPTY. */
const loyaltyList = (p: Principal, field: string, query: string, expected: { a1: string; a4: string }) =>
  ask(p, field, query, { p: A.id }, (c: { totalCount: number; nodes: { id: string }[] }) => {
    const seen = ids(c);
    if (c.totalCount !== seen.length) return `COUNT ${c.totalCount} FOR ${seen.length} NODES`;
    if (seen.includes(expected.a1) && seen.includes(expected.a4)) return ALL;
    if (seen.includes(expected.a1) && !seen.includes(expected.a4) && p.ownPartnerId === A1.id) return SELF;
    return seen.length === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
  });

/** A fresh member of A with a QR payload (issued by the admin acting for them). */
async function newMemberQr(label: string): Promise<string> {
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
function redemptionFixtures(): Promise<void> {
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

/** An operation that needs the redemption fixtures. */
const withRedemptions = (op: Operation): Operation => ({
  field: op.field,
  call: async (p) => {
    await redemptionFixtures();
    return op.call(p);
  },
});

/** A fresh QR payload of a member of A (issued by the admin acting for them). */
async function qrOf(memberId: string): Promise<string> {
  return (await adminMutation("memberQr", "MemberQrInput", "MemberQrPayload", "payload", { member: { id: memberId } }))
    .payload as string;
}

/** A fresh coupon of the redemption fixtures' member, redeemed (as admin, at the counter) from a reward of A1's card unless another is named. */
async function newCoupon(label: string, rewardId = REDEEM.rewardA1): Promise<{ id: string; code: string }> {
  const input = { rewardId, qr: await qrOf(REDEEM.member), idempotencyKey: unique(`coupon-${label}`) };
  return (await adminMutation("redeemReward", "RedeemRewardInput", "RedeemRewardPayload", "coupon { id code }", input))
    .coupon;
}

/** A fresh member of A following A1's loyalty card. */
async function newFollower(label: string): Promise<string> {
  const member = await newMember(label);
  await adminMutation("followCard", "FollowCardInput", "FollowCardPayload", "created", {
    cardId: LOYALTY.cardA1,
    member: { id: member.id },
  });
  return member.id;
}

/** A fresh club of A1 (with a STAFF member when `staff` is given). */
async function newClub(label: string, staff?: string): Promise<string> {
  const id = (await createClub(app, A1.id, unique(label))).id;
  if (staff) await addClubStaff(app, id, staff);
  return id;
}

// How each row is called -------------------------------------------------------------------------------------

const OPERATIONS = {
  viewer: { field: "Query.viewer", call: (p) => ask(p, "viewer", `{ viewer { kind } }`) },
  programs: {
    field: "Query.programs",
    call: (p) =>
      ask(p, "programs", `{ programs(first: 100) { totalCount nodes { id } } }`, {}, (c) => {
        const seen = ids(c);
        if (seen.includes(A.id) && seen.includes(B.id)) return ALL;
        const home = p.home === "A" ? A.id : p.home === "B" ? B.id : undefined;
        return seen.length === 1 && seen[0] === home && c.totalCount === 1 ? OWN : `SEES ${JSON.stringify(seen)}`;
      }),
  },
  "program(id: A)": {
    field: "Query.program",
    call: (p) =>
      ask(p, "program", `query ($id: ID!) { program(id: $id) { id } }`, { id: A.id }, (v) =>
        v?.id === A.id ? OK : `GOT ${JSON.stringify(v)}`,
      ),
  },
  "node(id: A)": {
    field: "Query.node",
    call: (p) =>
      ask(p, "node", `query ($id: ID!) { node(id: $id) { id } }`, { id: A.id }, (v) =>
        v === null ? NULL : v.id === A.id ? OK : `GOT ${JSON.stringify(v)}`,
      ),
  },
  "nodes(ids: [A])": {
    field: "Query.nodes",
    call: (p) =>
      ask(p, "nodes", `query ($id: ID!) { nodes(ids: [$id]) { id } }`, { id: A.id }, (v) =>
        v.length === 1 && v[0] === null ? NULL : v.length === 1 && v[0].id === A.id ? OK : `GOT ${JSON.stringify(v)}`,
      ),
  },
  "partnerCategories(programId: A)": {
    field: "Query.partnerCategories",
    call: (p) =>
      ask(
        p,
        "partnerCategories",
        `query ($p: ID!) { partnerCategories(programId: $p, first: 100) { totalCount nodes { id } } }`,
        { p: A.id },
        (c) =>
          c.totalCount === 0 && c.nodes.length === 0
            ? EMPTY
            : ids(c).includes(categoryA)
              ? OK
              : `GOT ${JSON.stringify(c)}`,
      ),
  },
  "partners(programId: A)": {
    field: "Query.partners",
    call: (p) =>
      ask(
        p,
        "partners",
        `query ($p: ID!) { partners(programId: $p, first: 100) { totalCount nodes { id } } }`,
        { p: A.id },
        (c) => {
          const seen = ids(c);
          if (c.totalCount !== seen.length) return `COUNT ${c.totalCount} FOR ${seen.length} NODES`;
          if ([A1.id, A2.id, A3.id].every((id) => seen.includes(id))) return ALL;
          if (seen.length === 1 && seen[0] === p.ownPartnerId) return SELF;
          return seen.length === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
        },
      ),
  },
  "partner(id: A1)": {
    field: "Query.partner",
    call: (p) =>
      ask(p, "partner", `query ($id: ID!) { partner(id: $id) { id } }`, { id: A1.id }, (v) =>
        v?.id === A1.id ? OK : `GOT ${JSON.stringify(v)}`,
      ),
  },
  "partnerByExternalId(A, A1's)": {
    field: "Query.partnerByExternalId",
    call: (p) =>
      ask(
        p,
        "partnerByExternalId",
        `query ($p: ID!, $e: String!) { partnerByExternalId(programId: $p, externalId: $e) { id } }`,
        { p: A.id, e: A1.externalId },
        (v) => (v?.id === A1.id ? OK : `GOT ${JSON.stringify(v)}`),
      ),
  },
  "roleGrants(programId: A)": {
    field: "Query.roleGrants",
    call: (p) =>
      ask(p, "roleGrants", `query ($p: ID!) { roleGrants(programId: $p, first: 5) { totalCount } }`, { p: A.id }),
  },
  "auditLog(programId: A)": {
    field: "Query.auditLog",
    call: (p) =>
      ask(p, "auditLog", `query ($p: ID!) { auditLog(programId: $p, first: 5) { totalCount } }`, { p: A.id }),
  },
  "configureProgram(A)": programWrite("configureProgram", "ConfigureProgramInput", () => ({
    programId: A.id,
    name: "Program A",
  })),
  "createPartner(in A)": programWrite("createPartner", "CreatePartnerInput", (p) => ({
    programId: A.id,
    name: unique(`Created by ${p.name}`),
  })),
  "updatePartner(A1)": partnerWrite("updatePartner", "UpdatePartnerInput", (id) => ({
    partner: { id },
    description: "touched",
  })),
  "setPartnerStatus(A1, DISABLED)": partnerWrite("setPartnerStatus", "SetPartnerStatusInput", (id) => ({
    partner: { id },
    status: "DISABLED",
  })),
  "deletePartner(A1)": partnerWrite("deletePartner", "PartnerInput", (id) => ({ partner: { id } })),
  "rotatePartnerApiKey(A1)": partnerWrite("rotatePartnerApiKey", "PartnerInput", (id) => ({ partner: { id } })),
  "revokePartnerApiKey(A1)": partnerWrite("revokePartnerApiKey", "PartnerInput", (id) => ({ partner: { id } })),
  "createPartnerCategory(in A)": programWrite("createPartnerCategory", "CreatePartnerCategoryInput", (p) => ({
    programId: A.id,
    name: unique(`Category by ${p.name}`),
  })),
  // Every category and role-grant cell gets its own fresh object of A: nothing any other cell uses.
  "renamePartnerCategory(of A)": {
    field: "Mutation.renamePartnerCategory",
    call: async (p) => {
      const id = await createCategory(app, A.id, unique(`To rename for ${p.name}`));
      return ask(p, "renamePartnerCategory", MUTATION("renamePartnerCategory", "RenamePartnerCategoryInput"), {
        input: { id, name: unique(`Renamed by ${p.name}`) },
      });
    },
  },
  "deletePartnerCategory(of A)": {
    field: "Mutation.deletePartnerCategory",
    call: async (p) => {
      const id = await createCategory(app, A.id, unique(`To delete for ${p.name}`));
      return ask(p, "deletePartnerCategory", MUTATION("deletePartnerCategory", "DeletePartnerCategoryInput"), {
        input: { id },
      });
    },
  },
  "grantRole(STAFF in A)": programWrite("grantRole", "GrantRoleInput", (p) => ({
    email: `${unique(`granted-by-${p.name}`)}@a.example`.toLowerCase(),
    role: "STAFF",
    programId: A.id,
  })),
  "revokeRole(a grant in A)": {
    field: "Mutation.revokeRole",
    call: async (p) => {
      const id = await grantRole(app, {
        email: `${unique(`bystander-for-${p.name}`)}@a.example`.toLowerCase(),
        role: "STAFF",
        programId: A.id,
      });
      return ask(p, "revokeRole", MUTATION("revokeRole", "RevokeRoleInput"), { input: { id } });
    },
  },
  "grantRole(ADMIN)": programWrite("grantRole", "GrantRoleInput", (p) => ({
    email: `${unique(`admin-by-${p.name}`)}@example.com`.toLowerCase(),
    role: "ADMIN",
  })),
  createProgram: programWrite("createProgram", "CreateProgramInput", (p) => ({ name: unique(`Program by ${p.name}`) })),
  logout: {
    field: "Mutation.logout",
    // A person logs out a second session of theirs, so the fixture session keeps working for other cells.
    call: async (p) =>
      ask(
        p,
        "logout",
        `mutation { logout { loggedOut } }`,
        {},
        undefined,
        p.email ? await login(app, mailbox, p.email) : p.key,
      ),
  },
  requestLoginCode: {
    field: "Mutation.requestLoginCode",
    call: (p) =>
      ask(
        p,
        "requestLoginCode",
        MUTATION("requestLoginCode", "RequestLoginCodeInput", "... on RequestLoginCodePayload { expiresAt }"),
        {
          input: { email: `${unique(`code-for-${p.name}`)}@example.com`.toLowerCase() },
        },
      ),
  },
  verifyLoginCode: {
    field: "Mutation.verifyLoginCode",
    call: async (p) => {
      const email = `${unique(`verify-as-${p.name}`)}@a.example`.toLowerCase();
      await grantRole(app, { email, role: "STAFF", programId: A.id });
      const code = await mailedCode(email);
      return ask(
        p,
        "verifyLoginCode",
        MUTATION("verifyLoginCode", "VerifyLoginCodeInput", "... on LoginPayload { token }"),
        { input: { email, code } },
      );
    },
  },
  "partnerChanged(programId: A)": { field: "Subscription.partnerChanged", call: (p) => subscribe(p, A.id) },
  "conversionCreated(filter: A)": {
    field: "Subscription.conversionCreated",
    call: (p) => subscribe(p, A.id, "conversionCreated"),
  },
  "clickRecorded(filter: A)": { field: "Subscription.clickRecorded", call: (p) => subscribe(p, A.id, "clickRecorded") },
  "commissionChanged(filter: A)": {
    field: "Subscription.commissionChanged",
    call: (p) => subscribe(p, A.id, "commissionChanged"),
  },
  "pointsAwarded(filter: A)": { field: "Subscription.pointsAwarded", call: (p) => subscribe(p, A.id, "pointsAwarded") },
  "liveStats(filter: A)": { field: "Subscription.liveStats", call: (p) => subscribe(p, A.id, "liveStats") },
  "pointsMultipliers(programId: A)": {
    field: "Query.pointsMultipliers",
    call: (p) =>
      ask(
        p,
        "pointsMultipliers",
        `query ($p: ID!) { pointsMultipliers(programId: $p) { kind code multiplier } }`,
        { p: A.id },
        showing((v) => v.some((m: any) => m.kind === "TENDER" && m.code === 1)),
      ),
  },
  "skuExclusions(programId: A)": {
    field: "Query.skuExclusions",
    call: (p) =>
      ask(
        p,
        "skuExclusions",
        `query ($p: ID!) { skuExclusions(programId: $p) }`,
        { p: A.id },
        showing((v) => v.includes("EXCLUDED")),
      ),
  },
  "products(programId: A)": {
    field: "Query.products",
    call: (p) =>
      ask(
        p,
        "products",
        `query ($p: ID!) { products(programId: $p, first: 100) { totalCount nodes { sku } } }`,
        { p: A.id },
        showing((c) => c.nodes.some((n: any) => n.sku === "CATALOGUED")),
      ),
  },
  "programStatement(A)": {
    field: "Query.programStatement",
    call: (p) =>
      ask(
        p,
        "programStatement",
        `query ($p: ID!, $f: String!, $t: String!) { programStatement(programId: $p, from: $f, to: $t) { months { partner { id } netPoints } } }`,
        { p: A.id, ...MONTHS },
        showing((s) => s.months.some((m: any) => m.partner?.id === A1.id && m.netPoints > 0)),
      ),
  },
  "partnerStatement(A1)": {
    field: "Query.partnerStatement",
    call: (p) =>
      ask(
        p,
        "partnerStatement",
        `query ($id: ID!, $f: String!, $t: String!) { partnerStatement(partnerId: $id, from: $f, to: $t) { totalNetPoints } }`,
        { id: A1.id, ...MONTHS },
        showing((s) => s.totalNetPoints > 0),
      ),
  },
  "campaigns(programId: A)": {
    field: "Query.campaigns",
    call: (p) =>
      ask(
        p,
        "campaigns",
        `query ($p: ID!) { campaigns(programId: $p, first: 100) { totalCount nodes { id } } }`,
        { p: A.id },
        (c) =>
          c.totalCount === 0 && c.nodes.length === 0
            ? EMPTY
            : ids(c).includes(campaignA)
              ? OK
              : `GOT ${JSON.stringify(c)}`,
      ),
  },
  "potentialPoints(programId: A)": {
    field: "Query.potentialPoints",
    call: (p) =>
      ask(
        p,
        "potentialPoints",
        `query ($p: ID!, $b: PointsBasketInput!) { potentialPoints(programId: $p, basket: $b) { totalPointsAwarded } }`,
        { p: A.id, b: BASKET },
        showing((q) => q.totalPointsAwarded > 0),
      ),
  },
  "member(id: M1)": {
    field: "Query.member",
    call: (p) =>
      ask(
        p,
        "member",
        `query ($id: ID!) { member(id: $id) { id } }`,
        { id: M1.id },
        showing((v) => v?.id === M1.id),
      ),
  },
  "memberByExternalId(A, M1's)": {
    field: "Query.memberByExternalId",
    call: (p) =>
      ask(
        p,
        "memberByExternalId",
        `query ($p: ID!, $e: String!) { memberByExternalId(programId: $p, externalId: $e) { id } }`,
        { p: A.id, e: M1.externalId },
        showing((v) => v?.id === M1.id),
      ),
  },
  "members(programId: A)": {
    field: "Query.members",
    call: (p) =>
      ask(
        p,
        "members",
        `query ($p: ID!) { members(programId: $p, first: 100) { totalCount nodes { id } } }`,
        { p: A.id },
        (c) => {
          const seen = ids(c);
          if (c.totalCount !== seen.length) return `COUNT ${c.totalCount} FOR ${seen.length} NODES`;
          if (seen.length === 2 && seen.includes(M1.id) && seen.includes(M2.id)) return ALL;
          if (seen.length === 1 && seen[0] === M1.id) return SELF;
          return seen.length === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
        },
      ),
  },
  "setPointsMultipliers(A)": programWrite("setPointsMultipliers", "SetPointsMultipliersInput", MULTIPLIERS),
  "upsertProducts(A)": programWrite("upsertProducts", "UpsertProductsInput", (p) => ({
    programId: A.id,
    products: [{ sku: unique(`SKU by ${p.name}`), brand: "Acme" }],
  })),
  "setSkuExclusions(A)": programWrite("setSkuExclusions", "SetSkuExclusionsInput", (p) => ({
    programId: A.id,
    add: [unique(`Excluded by ${p.name}`)],
  })),
  "createCampaign(in A)": programWrite("createCampaign", "CreateCampaignInput", (p) => ({
    programId: A.id,
    ...campaignInput(unique(`Campaign by ${p.name}`)),
  })),
  // Every campaign, adjustment, purchase and return cell acts on its own fresh object of A (M1 and M2 stay as they are).
  "updateCampaign(of A)": {
    field: "Mutation.updateCampaign",
    call: async (p) => {
      const id = await newCampaign(`To update for ${p.name}`);
      return ask(p, "updateCampaign", MUTATION("updateCampaign", "UpdateCampaignInput"), {
        input: { id, title: unique(`Retitled by ${p.name}`) },
      });
    },
  },
  "createMember(in A)": programWrite("createMember", "CreateMemberInput", (p) => ({
    programId: A.id,
    externalId: unique(`member-by-${p.name}`),
  })),
  "adjustPoints(member of A)": {
    field: "Mutation.adjustPoints",
    call: async (p) => {
      const member = await newMember(`to-adjust-for-${p.name}`);
      return ask(p, "adjustPoints", MUTATION("adjustPoints", "AdjustPointsInput"), {
        input: {
          programId: A.id,
          memberId: member.id,
          points: 5,
          note: "goodwill",
          idempotencyKey: unique(`adjust-by-${p.name}`),
        },
      });
    },
  },
  "recordPurchase(member of A)": {
    field: "Mutation.recordPurchase",
    call: async (p) => {
      const member = await newMember(`buyer-for-${p.name}`);
      return ask(p, "recordPurchase", MUTATION("recordPurchase", "RecordPurchaseInput"), {
        input: { programId: A.id, receiptId: unique(`receipt-by-${p.name}`), memberId: member.id, basket: BASKET },
      });
    },
  },
  "recordReturn(purchase in A)": {
    field: "Mutation.recordReturn",
    call: async (p) => {
      const receiptId = await newPurchase(`to-return-for-${p.name}`, p.name === "staffA" ? null : A1.id);
      return ask(p, "recordReturn", MUTATION("recordReturn", "RecordReturnInput"), {
        input: {
          programId: A.id,
          returnId: unique(`return-by-${p.name}`),
          receiptId,
          items: [{ sku: "SKU-1", quantity: 1 }],
        },
      });
    },
  },
  "projects(programId: A)": {
    field: "Query.projects",
    call: (p) =>
      ask(
        p,
        "projects",
        `query ($p: ID!) { projects(programId: $p, first: 100) { totalCount nodes { id } } }`,
        { p: A.id },
        (c) => {
          const seen = ids(c);
          if (c.totalCount !== seen.length) return `COUNT ${c.totalCount} FOR ${seen.length} NODES`;
          if (seen.includes(P) && seen.includes(Q)) return ALL;
          if (seen.length === 1 && seen[0] === P && p.ownPartnerId === A1.id) return SELF;
          return seen.length === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
        },
      ),
  },
  "project(id: P)": {
    field: "Query.project",
    call: (p) =>
      ask(
        p,
        "project",
        `query ($id: ID!) { project(id: $id) { id } }`,
        { id: P },
        showing((v) => v?.id === P),
      ),
  },
  "referralLinks(programId: A)": referralList("referralLinks", "partner { id }", (n) => n.partner?.id),
  "referralLink(id: L1)": {
    field: "Query.referralLink",
    call: (p) =>
      ask(
        p,
        "referralLink",
        `query ($id: ID!) { referralLink(id: $id) { id } }`,
        { id: L1.id },
        showing((v) => v?.id === L1.id),
      ),
  },
  "clicks(programId: A)": referralList("clicks", "link { partner { id } }", (n) => n.link?.partner?.id),
  "conversions(programId: A)": referralList("conversions", "partner { id }", (n) => n.partner?.id),
  "commissions(programId: A)": referralList("commissions", "partner { id }", (n) => n.partner?.id),
  "rewardRules(projectId: P)": {
    field: "Query.rewardRules",
    call: (p) =>
      ask(
        p,
        "rewardRules",
        `query ($p: ID!) { rewardRules(projectId: $p, first: 100) { totalCount nodes { id } } }`,
        { p: P },
        (c) => {
          const seen = ids(c);
          if (c.totalCount !== seen.length) return `COUNT ${c.totalCount} FOR ${seen.length} NODES`;
          if ([RULES.projectWide, RULES.ofA1, RULES.ofA4].every((id) => seen.includes(id))) return ALL;
          const own = p.ownPartnerId === A1.id ? RULES.ofA1 : undefined;
          if (own && seen.length === 2 && seen.includes(RULES.projectWide) && seen.includes(own)) return SELF;
          return seen.length === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
        },
      ),
  },
  "commissionLockStatus(A)": {
    field: "Query.commissionLockStatus",
    call: (p) =>
      ask(
        p,
        "commissionLockStatus",
        `query ($p: ID!, $m: String!) { commissionLockStatus(programId: $p, period: $m) { period locked } }`,
        { p: A.id, m: OPEN_PERIOD },
        showing((s) => s.period === OPEN_PERIOD && s.locked === false),
      ),
  },
  "referralStats(programId: A)": {
    field: "Query.referralStats",
    call: (p) =>
      ask(p, "referralStats", STATS, { i: { programId: A.id, ...aroundNow(), interval: "DAY" } }, statsOf(p)),
  },
  "referralStats(A, partnerId: A1)": {
    field: "Query.referralStats",
    call: (p) =>
      ask(
        p,
        "referralStats",
        STATS,
        { i: { programId: A.id, partnerId: A1.id, ...aroundNow(), interval: "DAY" } },
        showing((s) => s.totals.rawClicks === 1 && s.totals.conversions === 1),
      ),
  },
  "topPartners(projectId: P)": {
    field: "Query.topPartners",
    call: (p) =>
      ask(
        p,
        "topPartners",
        `query ($i: TopPartnersInput!) { topPartners(input: $i) { partner { id } } }`,
        { i: { projectId: P, ...aroundNow() } },
        (rows) => {
          const seen = rows.map((r: any) => r.partner?.id);
          return seen.includes(A1.id) && seen.includes(A4.id) ? OK : `GOT ${JSON.stringify(rows)}`;
        },
      ),
  },
  "createProject(in A)": programWrite("createProject", "CreateProjectInput", (p) => ({
    programId: A.id,
    name: unique(`Project by ${p.name}`),
    slug: unique("created").toLowerCase(),
  })),
  "updateProject(of A)": freshWrite(
    "updateProject",
    "UpdateProjectInput",
    (p) => newProject(`To update for ${p.name}`),
    (projectId, p) => ({ projectId, name: unique(`Renamed by ${p.name}`) }),
  ),
  "addPartnerToProject(of A)": freshWrite(
    "addPartnerToProject",
    "ProjectMembershipInput",
    async (p) => ({
      projectId: await newProject(`To join for ${p.name}`),
      partnerId: (await createPartner(app, A.id, { name: unique(`Joiner for ${p.name}`) })).id,
    }),
    (membership) => membership,
  ),
  "removePartnerFromProject(A1, of A)": freshWrite(
    "removePartnerFromProject",
    "RemoveProjectMembershipInput",
    (p) => newProject(`To leave for ${p.name}`),
    (projectId) => ({ projectId, partnerId: A1.id }),
  ),
  "createReferralLink(for A1)": programWrite("createReferralLink", "CreateReferralLinkInput", () => ({
    partnerId: A1.id,
    destinationUrl: "https://shop.example/landing",
  })),
  "trackConversion(in P)": programWrite("trackConversion", "TrackConversionInput", (p) => ({
    projectId: P,
    type: "SALE",
    externalId: unique(`tracked-by-${p.name}`),
    code: L1.code,
    amount: "10",
  })),
  "refundConversion(A1's)": freshWrite(
    "refundConversion",
    "RefundConversionInput",
    (p) => newConversion(`to-refund-for-${p.name}`, L1.code),
    (c) => ({ conversionId: c.id, amount: "5" }),
  ),
  "createRewardRule(in project of A)": freshWrite(
    "createRewardRule",
    "CreateRewardRuleInput",
    (p) => newProject(`Rules for ${p.name}`),
    (projectId) => ({ projectId, event: "LEAD", type: "FLAT", flatAmount: "1" }),
  ),
  "updateRewardRule(project-wide)": freshWrite(
    "updateRewardRule",
    "UpdateRewardRuleInput",
    async (p) =>
      newRule({
        projectId: await newProject(`Rule to update for ${p.name}`),
        event: "LEAD",
        type: "FLAT",
        flatAmount: "1",
      }),
    (ruleId) => ({ ruleId, flatAmount: "2" }),
  ),
  "deleteRewardRule(project-wide)": freshWrite(
    "deleteRewardRule",
    "DeleteRewardRuleInput",
    async (p) =>
      newRule({
        projectId: await newProject(`Rule to delete for ${p.name}`),
        event: "LEAD",
        type: "FLAT",
        flatAmount: "1",
      }),
    (ruleId) => ({ ruleId }),
  ),
  "setCommissionStatus(A1's, APPROVED)": freshWrite(
    "setCommissionStatus",
    "SetCommissionStatusInput",
    (p) => newConversion(`to-approve-for-${p.name}`, L1.code),
    (c) => ({ commissionId: c.commissionId, status: "APPROVED" }),
  ),
  "lockCommissionPeriod(A)": programWrite("lockCommissionPeriod", "CommissionPeriodInput", () => ({
    programId: A.id,
    period: freshPeriod(),
  })),
  "unlockCommissionPeriod(A)": freshWrite(
    "unlockCommissionPeriod",
    "CommissionPeriodInput",
    async () => {
      const period = freshPeriod();
      expect((await lockPeriod(app, A.id, period)).status.locked).toBe(true);
      return period;
    },
    (period) => ({ programId: A.id, period }),
  ),
  "syncCommissions(A)": programWrite("syncCommissions", "CommissionPeriodInput", () => ({
    programId: A.id,
    period: freshPeriod(),
  })),
  "importMembers(A)": importWrite(
    "importMembers",
    "ImportMembersInput",
    async (p) => `externalId,name\n${unique(`imported-by-${p.name}`)},Imported`,
  ),
  "importTransactions(A)": importWrite("importTransactions", "ImportTransactionsInput", async (p) => {
    const member = p.managesA ? await newMember(`import-target-${p.name}`) : M2;
    return `externalId,memberExternalId,points,occurredAt\n${unique(`tx-by-${p.name}`)},${member.externalId},5,2025-01-01`;
  }),
  "importProducts(A)": importWrite(
    "importProducts",
    "ImportProductsInput",
    async (p) => `sku,brand\n${unique(`SKU-by-${p.name}`)},Acme`,
  ),
  "loyaltyStats(programId: A)": {
    field: "Query.loyaltyStats",
    call: async (p) => {
      const totals = async (scope: Record<string, string>) =>
        JSON.stringify(
          (await app.gql(LOYALTY_STATS, { i: { ...scope, ...aroundNow(), interval: "DAY" } })).data.loyaltyStats.totals,
        );
      const [all, a1, a4] = [
        await totals({ programId: A.id }),
        await totals({ partnerId: A1.id }),
        await totals({ partnerId: A4.id }),
      ];
      const none = JSON.stringify({
        cardViews: 0,
        newFollowers: 0,
        pointsIssued: 0,
        stampsCollected: 0,
        activeMembers: 0,
        redemptions: 0,
      });
      return ask(p, "loyaltyStats", LOYALTY_STATS, { i: { programId: A.id, ...aroundNow(), interval: "DAY" } }, (s) => {
        const seen = JSON.stringify(s.totals);
        if (a1 === none || a4 === none || a1 === a4) return `FIXTURE ${a1} ${a4}`;
        return seen === all
          ? ALL
          : seen === a1 && p.ownPartnerId === A1.id
            ? SELF
            : seen === none
              ? EMPTY
              : `GOT ${seen}`;
      });
    },
  },
  "loyaltyStats(A, clubId: A1's club)": {
    field: "Query.loyaltyStats",
    call: (p) =>
      ask(
        p,
        "loyaltyStats",
        LOYALTY_STATS,
        { i: { programId: A.id, clubId: LOYALTY.clubA1, ...aroundNow(), interval: "DAY" } },
        (s) => (s.totals.cardViews === null ? OK : `GOT ${JSON.stringify(s.totals)}`),
      ),
  },
  "importStaff(into A1's club)": importWrite(
    "importStaff",
    "ImportStaffInput",
    async (p) => `email,club\n${unique(`imported-staff-${p.name}`).toLowerCase()}@a.example,${LOYALTY.clubA1}`,
  ),
  "clubs(programId: A)": {
    field: "Query.clubs",
    call: (p) =>
      loyaltyList(p, "clubs", `query ($p: ID!) { clubs(programId: $p, first: 100) { totalCount nodes { id } } }`, {
        a1: LOYALTY.clubA1,
        a4: LOYALTY.clubA4,
      }),
  },
  "cards(filter: A)": {
    field: "Query.cards",
    call: (p) =>
      loyaltyList(
        p,
        "cards",
        `query ($p: ID!) { cards(filter: { programId: $p }, first: 100) { totalCount nodes { id } } }`,
        { a1: LOYALTY.cardA1, a4: LOYALTY.cardA4 },
      ),
  },
  "publicCards(programId: A)": {
    field: "Query.publicCards",
    call: (p) =>
      loyaltyList(
        p,
        "publicCards",
        `query ($p: ID!) { publicCards(programId: $p, first: 100) { totalCount nodes { id } } }`,
        { a1: LOYALTY.cardA1, a4: LOYALTY.cardA4 },
      ),
  },
  "createClub(for A1)": programWrite("createClub", "CreateClubInput", (p) => ({
    partner: { id: A1.id },
    name: unique(`Club by ${p.name}`),
  })),
  "updateClub(A1's)": freshWrite(
    "updateClub",
    "UpdateClubInput",
    (p) => newClub(`Club to update for ${p.name}`),
    (id, p) => ({ id, name: unique(`Renamed by ${p.name}`) }),
  ),
  "addClubStaff(club of A1)": freshWrite(
    "addClubStaff",
    "ClubStaffInput",
    (p) => newClub(`Club to staff for ${p.name}`),
    (clubId, p) => ({ clubId, email: `${unique(`hired-by-${p.name}`)}@a.example`.toLowerCase(), role: "STAFF" }),
  ),
  "updateClubStaff(club of A1)": freshWrite(
    "updateClubStaff",
    "ClubStaffInput",
    async (p) => {
      const email = `${unique(`promoted-for-${p.name}`)}@a.example`.toLowerCase();
      return { email, clubId: await newClub(`Club to promote in for ${p.name}`, email) };
    },
    (target) => ({ ...target, role: "CLUB_MANAGER" }),
  ),
  "removeClubStaff(club of A1)": freshWrite(
    "removeClubStaff",
    "RemoveClubStaffInput",
    async (p) => {
      const email = `${unique(`removed-for-${p.name}`)}@a.example`.toLowerCase();
      return { email, clubId: await newClub(`Club to leave for ${p.name}`, email) };
    },
    (target) => target,
  ),
  "createLoyaltyCard(club of A1)": programWrite("createLoyaltyCard", "CreateLoyaltyCardInput", (p) => ({
    clubIds: [LOYALTY.clubA1],
    design: { name: unique(`Card by ${p.name}`) },
    visibility: "QR_ONLY",
  })),
  "createStampCard(club of A1)": programWrite("createStampCard", "CreateStampCardInput", (p) => ({
    clubIds: [LOYALTY.clubA1],
    design: { name: unique(`Stamps by ${p.name}`) },
    stampsRequired: 5,
    visibility: "QR_ONLY",
  })),
  "updateCard(A1's)": freshWrite(
    "updateCard",
    "UpdateCardInput",
    async () => (await createLoyaltyCard(app, [LOYALTY.clubA1], { visibility: "QR_ONLY" })).id,
    (cardId, p) => ({ cardId, design: { name: unique(`Renamed by ${p.name}`) } }),
  ),
  "setCardClubs(A1's)": freshWrite(
    "setCardClubs",
    "SetCardClubsInput",
    async (p) => ({
      cardId: (await createLoyaltyCard(app, [LOYALTY.clubA1], { visibility: "QR_ONLY" })).id,
      clubId: await newClub(`Club to carry for ${p.name}`),
    }),
    ({ cardId, clubId }) => ({ cardId, clubIds: [clubId] }),
  ),
  "followCard(A1's, for a member of A)": freshWrite(
    "followCard",
    "FollowCardInput",
    (p) => newMember(`follower-for-${p.name}`),
    (m) => ({ cardId: LOYALTY.cardA1, member: { id: m.id } }),
  ),
  "unfollowCard(A1's, for a member of A)": freshWrite(
    "unfollowCard",
    "UnfollowCardInput",
    (p) => newFollower(`leaver-for-${p.name}`),
    (id) => ({ cardId: LOYALTY.cardA1, member: { id } }),
  ),
  "recordCardView(A1's)": programWrite("recordCardView", "RecordCardViewInput", () => ({ cardId: LOYALTY.cardA1 })),
  "memberQr(for a member of A)": freshWrite(
    "memberQr",
    "MemberQrInput",
    (p) => newMember(`qr-for-${p.name}`),
    (m) => ({ member: { id: m.id } }),
  ),
  "awardPoints(A1's card)": freshWrite(
    "awardPoints",
    "AwardPointsInput",
    (p) => newMemberQr(`awarded-by-${p.name}`),
    (qr, p) => ({ cardId: LOYALTY.cardA1, qr, points: 5, idempotencyKey: unique(`award-by-${p.name}`) }),
  ),
  "addStamps(A1's card)": freshWrite(
    "addStamps",
    "AddStampsInput",
    (p) => newMemberQr(`stamped-by-${p.name}`),
    (qr, p) => ({ cardId: LOYALTY.stampsA1, qr, stamps: 1, idempotencyKey: unique(`stamps-by-${p.name}`) }),
  ),
  ...redemptionOperations(),
} satisfies Record<OperationName, Operation>;

/** The rewards, coupons and games rows, each run after the redemption fixtures exist. */
function redemptionOperations() {
  const ops = {
    "rewards(cardId: A1's card)": {
      field: "Query.rewards",
      call: (p) =>
        ask(
          p,
          "rewards",
          `query ($c: ID!) { rewards(cardId: $c, first: 100) { totalCount nodes { id } } }`,
          { c: LOYALTY.cardA1 },
          (c) =>
            c.totalCount === 0 ? EMPTY : ids(c).includes(REDEEM.rewardA1) ? OK : `SEES ${JSON.stringify(ids(c))}`,
        ),
    },
    "coupons(filter: A)": {
      field: "Query.coupons",
      call: (p) =>
        loyaltyList(
          p,
          "coupons",
          `query ($p: ID!) { coupons(filter: { programId: $p }, first: 100) { totalCount nodes { id } } }`,
          { a1: REDEEM.couponA1, a4: REDEEM.couponA4 },
        ),
    },
    "partnerGames(A1)": {
      field: "Query.partnerGames",
      call: (p) =>
        ask(
          p,
          "partnerGames",
          `query ($p: ID!) { partnerGames(partnerId: $p, first: 100) { totalCount nodes { id } } }`,
          { p: A1.id },
          showing((c) => ids(c).includes(REDEEM.gameA1)),
        ),
    },
    "createReward(on A1's card)": programWrite("createReward", "CreateRewardInput", (p) => ({
      cardId: LOYALTY.cardA1,
      title: unique(`Reward by ${p.name}`),
      pointsCost: 10,
    })),
    "updateReward(A1's)": freshWrite(
      "updateReward",
      "UpdateRewardInput",
      async (p) =>
        (
          await adminMutation("createReward", "CreateRewardInput", "CreateRewardPayload", "reward { id }", {
            cardId: LOYALTY.cardA1,
            title: unique(`To update for ${p.name}`),
            pointsCost: 10,
          })
        ).reward.id as string,
      (rewardId, p) => ({ rewardId, title: unique(`Updated by ${p.name}`) }),
    ),
    "redeemReward(A1's, with a QR)": freshWrite(
      "redeemReward",
      "RedeemRewardInput",
      () => qrOf(REDEEM.member),
      (qr, p) => ({ rewardId: REDEEM.rewardA1, qr, idempotencyKey: unique(`redeem-by-${p.name}`) }),
    ),
    "redeemCoupon(A1's)": freshWrite(
      "redeemCoupon",
      "RedeemCouponInput",
      (p) => newCoupon(`to-redeem-for-${p.name}`),
      (coupon) => ({ code: coupon.code }),
    ),
    "cancelCoupon(A1's)": freshWrite(
      "cancelCoupon",
      "CancelCouponInput",
      (p) => newCoupon(`to-cancel-for-${p.name}`),
      (coupon) => ({ couponId: coupon.id }),
    ),
    "createGame(on A1's card)": programWrite("createGame", "CreateGameInput", (p) => ({
      cardId: LOYALTY.cardA1,
      title: unique(`Game by ${p.name}`),
      playLimit: 1,
      playPeriod: "WEEK",
      prizes: [{ type: "POINTS", label: "1 point", weight: 1, points: 1 }],
    })),
    "updateGame(A1's)": freshWrite(
      "updateGame",
      "UpdateGameInput",
      async (p) =>
        (
          await adminMutation("createGame", "CreateGameInput", "CreateGamePayload", "game { id }", {
            cardId: LOYALTY.cardA1,
            title: unique(`To update for ${p.name}`),
            playLimit: 1,
            playPeriod: "DAY",
            prizes: [{ type: "NOTHING", label: "Nothing", weight: 1 }],
          })
        ).game.id as string,
      (gameId, p) => ({ gameId, title: unique(`Updated by ${p.name}`) }),
    ),
    "playGame(A1's, for a member of A)": programWrite("playGame", "PlayGameInput", (p) => ({
      gameId: REDEEM.gameA1,
      idempotencyKey: unique(`play-by-${p.name}`),
      member: { id: REDEEM.member },
    })),
  } satisfies Record<string, Operation>;
  return Object.fromEntries(Object.entries(ops).map(([name, op]) => [name, withRedemptions(op)])) as Record<
    keyof typeof ops,
    Operation
  >;
}

// The tests --------------------------------------------------------------------------------------------------

const rows = Object.entries(MATRIX) as [OperationName, Cells][];
const SIZE = `${rows.length} operations × ${PRINCIPALS.length} principals = ${rows.length * PRINCIPALS.length} cells`;

describe(`authorization matrix (${SIZE})`, () => {
  it("classifies every root field of the running schema, and only those", () => {
    const rootFields = (["Query", "Mutation", "Subscription"] as const).flatMap((root) => {
      const type =
        root === "Query"
          ? schema.getQueryType()
          : root === "Mutation"
            ? schema.getMutationType()
            : schema.getSubscriptionType();
      return Object.keys(type?.getFields() ?? {})
        .filter((name) => !name.startsWith("__")) // introspection
        .map((name) => `${root}.${name}`);
    });
    const classified = new Set<string>(Object.values(OPERATIONS).map((o: Operation) => o.field));
    expect(
      rootFields.filter((f) => !classified.has(f)),
      "root fields with no row in MATRIX: classify them",
    ).toEqual([]);
    expect(
      [...classified].filter((f) => !rootFields.includes(f)),
      "rows for fields the schema does not have",
    ).toEqual([]);
    expect(Object.keys(OPERATIONS).sort()).toEqual(Object.keys(MATRIX).sort());
    console.log(`authorization matrix: ${SIZE}`);
  });

  for (const [operation, cells] of rows) {
    describe(operation, () => {
      PRINCIPALS.forEach((name, column) => {
        const expected = cells[column]!;
        it(`as ${name} → ${expected}`, async () => {
          const op: Operation = OPERATIONS[operation];
          expect(await op.call(principals[name])).toBe(expected);
        });
      });
    });
  }

  it("left the fixtures intact (refusals changed nothing)", async () => {
    const res = await app.gql(`query ($id: ID!) { partner(id: $id) { name description status } }`, { id: A1.id });
    expect(res.data.partner).toEqual({ name: "A1", description: null, status: "ENABLED" });
    const m1 = await app.gql(`query ($id: ID!) { member(id: $id) { balance } }`, { id: M1.id });
    expect(m1.data.member).toEqual({ balance: m1Balance });
    const campaign = await app.gql(`query ($id: ID!) { node(id: $id) { ... on Campaign { title } } }`, {
      id: campaignA,
    });
    expect(campaign.data.node.title).toMatch(/^Fixture campaign-/);
    const referral = await app.gql(
      `query ($p: ID!, $a1: ID!, $c: ID!) { project(id: $p) { name status } partner(id: $a1) { defaultProject { id } } node(id: $c) { ... on Commission { status amount { amount } } } }`,
      { p: P, a1: A1.id, c: C1.commissionId },
    );
    expect(referral.data).toEqual({
      project: { name: "Fixture project", status: "ACTIVE" },
      partner: { defaultProject: { id: P } },
      node: { status: "PENDING", amount: { amount: "5" } },
    });
    for (const p of [
      principals.partnerA1Key,
      principals.partnerA2Key,
      principals.partnerUserA1,
      principals.managerA,
      principals.staffA,
    ]) {
      expect((await app.gql(`{ viewer { kind } }`, {}, p.key)).errors, p.name).toBeUndefined();
    }
  });
});
