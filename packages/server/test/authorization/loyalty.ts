// Authorization matrix rows: loyalty analytics, clubs, cards, follows, counter actions, rewards, coupons, games.
// Each row: its expected cells (one per principal, in the order of PRINCIPALS in kit.ts), and how it is called.
import { createLoyaltyCard } from "../loyalty-helpers.js";
import {
  A,
  A1,
  A2,
  A4,
  aroundNow,
  LOYALTY,
  newClub,
  newCoupon,
  newFollower,
  newMember,
  newMemberQr,
  qrOf,
  REDEEM,
  redemptionFixtures,
} from "./fixtures.js";
import {
  ALL,
  adminMutation,
  app,
  area,
  ask,
  EMPTY,
  F,
  freshWrite,
  IPP,
  ids,
  NF,
  OK,
  type Operation,
  PNF,
  type Principal,
  programWrite,
  SAD,
  SELF,
  showing,
  U,
  unique,
} from "./kit.js";

const LOYALTY_STATS = /* GraphQL */ `query ($i: LoyaltyStatsInput!) { loyaltyStats(input: $i) { totals { cardViews newFollowers pointsIssued stampsCollected activeMembers redemptions } } }`;

/** A loyalty list of A: ALL (A1's and A4's rows), SELF (A1's, not A4's, for A1 itself), EMPTY. */
/** The business a principal belongs to inside A: its partner, or for A2's staff and club manager A2. */
const businessOf = (p: Principal) =>
  p.ownPartnerId ?? (p.name === "staffA2" || p.name === "clubManagerA2" ? A2.id : undefined);

/** ALL (A1's and A4's rows), SELF (only its own business's: A1's `a1`, A2's `a2`), EMPTY, or what it saw. */
const loyaltyList = (p: Principal, field: string, query: string, expected: { a1: string; a4: string; a2?: string }) =>
  ask(p, field, query, { p: A.id }, (c: { totalCount: number; nodes: { id: string }[] }) => {
    const seen = ids(c);
    if (c.totalCount !== seen.length) return `COUNT ${c.totalCount} FOR ${seen.length} NODES`;
    if (seen.includes(expected.a1) && seen.includes(expected.a4)) return ALL;
    const own = businessOf(p) === A1.id ? expected.a1 : businessOf(p) === A2.id ? expected.a2 : undefined;
    if (own && seen.includes(own) && !seen.includes(expected.a4)) return SELF;
    return seen.length === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
  });

/** An operation that needs the redemption fixtures. */
const withRedemptions = (op: Operation): Operation => ({
  field: op.field,
  call: async (p) => {
    await redemptionFixtures();
    return op.call(p);
  },
});

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
    // Resuming checks ownership before anything else (the behaviour is in loyalty-rewards and loyalty-games).
    "resumeReward(A1's)": freshWrite(
      "resumeReward",
      "ResumeRewardInput",
      async (p) =>
        (
          await adminMutation("createReward", "CreateRewardInput", "CreateRewardPayload", "reward { id }", {
            cardId: LOYALTY.cardA1,
            title: unique(`To resume for ${p.name}`),
            pointsCost: 10,
          })
        ).reward.id as string,
      (rewardId) => ({ rewardId }),
    ),
    "resumeGame(A1's)": freshWrite(
      "resumeGame",
      "ResumeGameInput",
      async (p) =>
        (
          await adminMutation("createGame", "CreateGameInput", "CreateGamePayload", "game { id }", {
            cardId: LOYALTY.cardA1,
            title: unique(`To resume for ${p.name}`),
            playLimit: 1,
            playPeriod: "DAY",
            prizes: [{ type: "NOTHING", label: "Nothing", weight: 1 }],
          })
        ).game.id as string,
      (gameId) => ({ gameId }),
    ),
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

// prettier-ignore
export const loyalty = area(
  {
    //                                           anonymous admin keyA  keyB   managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key partnerUserA2 staffA2 clubManagerA2 memberA
    // Loyalty analytics: a partner gets its own cards' figures (A2 has none); staffA works in no club.
    "loyaltyStats(programId: A)": [U, ALL, ALL, NF, ALL, NF, SELF, EMPTY, SELF, SAD, IPP, EMPTY, EMPTY, EMPTY, NF],
    "loyaltyStats(A, clubId: A1's club)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    // Loyalty: A1 and A4 each have a club and a PUBLIC loyalty card in it (staffA works in no club). Owners manage
    // them (the program's managers and the partner); another partner lacks permission, program staff are refused.
    "clubs(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, SELF, SELF, EMPTY, IPP, SELF, SELF, SELF, EMPTY],
    "cards(filter: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP, EMPTY, EMPTY, EMPTY, EMPTY],
    "publicCards(programId: A)": [U, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, ALL, IPP, ALL, ALL, ALL, ALL],
    "createClub(for A1)": [U, OK, OK, PNF, OK, PNF, OK, IPP, OK, F, IPP, IPP, F, F, PNF],
    // Every club, staff and card write acts on a fresh club or card of A1.
    "updateClub(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "addClubStaff(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    "updateClubStaff(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    "removeClubStaff(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    "createLoyaltyCard(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "createStampCard(club of A1)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "updateCard(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "setCardClubs(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    // Acting for a fresh member of A on A1's cards: the program's managers and the card's partner (members act for
    // themselves, tested in loyalty-members.test.ts). Anyone who may see the (PUBLIC) card records a view of it.
    "followCard(A1's, for a member of A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP, NF, NF, NF, NF],
    "unfollowCard(A1's, for a member of A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP, NF, NF, NF, NF],
    "recordCardView(A1's)": [U, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP, OK, OK, OK, OK],
    "memberQr(for a member of A)": [U, OK, OK, NF, OK, NF, NF, NF, NF, NF, IPP, NF, NF, NF, NF],
    // Counter actions with a fresh member's QR: owners may act in any of the card's clubs; staffA works in none.
    "awardPoints(A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    "addStamps(A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    // Rewards, coupons and games on A1's and A4's loyalty cards (see REDEEM): owners manage them; staffA works in no club.
    "rewards(cardId: A1's card)": [U, OK, OK, EMPTY, OK, EMPTY, OK, EMPTY, OK, EMPTY, IPP, EMPTY, EMPTY, EMPTY, EMPTY],
    "coupons(filter: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP, EMPTY, EMPTY, EMPTY, EMPTY],
    "partnerGames(A1)": [U, OK, OK, PNF, OK, PNF, OK, IPP, OK, F, IPP, IPP, F, F, PNF],
    "createReward(on A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "updateReward(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "resumeReward(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "resumeGame(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    // At the counter with a fresh QR of the coupon holder, who has points to spare; each coupon cell gets a fresh coupon.
    "redeemReward(A1's, with a QR)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    "redeemCoupon(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, SAD, IPP, IPP, SAD, SAD, NF],
    "cancelCoupon(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "createGame(on A1's card)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    "updateGame(A1's)": [U, OK, OK, NF, OK, NF, OK, IPP, OK, F, IPP, IPP, F, F, NF],
    // Playing for the coupon holder (who follows A1's card): the program's managers and the card's partner.
    "playGame(A1's, for a member of A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP, NF, NF, NF, NF],
  },
  {
    "loyaltyStats(programId: A)": {
      field: "Query.loyaltyStats",
      call: async (p) => {
        const totals = async (scope: Record<string, string>) =>
          JSON.stringify(
            (await app.gql(LOYALTY_STATS, { i: { ...scope, ...aroundNow(), interval: "DAY" } })).data.loyaltyStats
              .totals,
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
        return ask(
          p,
          "loyaltyStats",
          LOYALTY_STATS,
          { i: { programId: A.id, ...aroundNow(), interval: "DAY" } },
          (s) => {
            const seen = JSON.stringify(s.totals);
            if (a1 === none || a4 === none || a1 === a4) return `FIXTURE ${a1} ${a4}`;
            return seen === all
              ? ALL
              : seen === a1 && p.ownPartnerId === A1.id
                ? SELF
                : seen === none || Object.values(s.totals).every((v) => !v)
                  ? EMPTY
                  : `GOT ${seen}`;
          },
        );
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
    "clubs(programId: A)": {
      field: "Query.clubs",
      call: (p) =>
        loyaltyList(p, "clubs", `query ($p: ID!) { clubs(programId: $p, first: 100) { totalCount nodes { id } } }`, {
          a1: LOYALTY.clubA1,
          a4: LOYALTY.clubA4,
          a2: LOYALTY.clubA2,
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
  },
);
