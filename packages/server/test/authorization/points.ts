// Authorization matrix rows: points configuration and billing reads, members, quotes and campaigns, then the
// points writes.
// Each row: its expected cells (one per principal, in the order of PRINCIPALS in kit.ts), and how it is called.
import {
  A,
  A1,
  BASKET,
  campaignA,
  campaignInput,
  M1,
  M2,
  MA,
  MONTHS,
  MULTIPLIERS,
  newCampaign,
  newMember,
  newPurchase,
} from "./fixtures.js";
import {
  ALL,
  area,
  ask,
  EMPTY,
  F,
  IPP,
  ids,
  MUTATION,
  NF,
  OK,
  PNF,
  programWrite,
  SELF,
  showing,
  U,
  unique,
} from "./kit.js";

// prettier-ignore
export const points = area(
  {
    //                                           anonymous admin keyA  keyB   managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key partnerUserA2 staffA2 clubManagerA2 memberA
    // Points: configuration and billing reads (the program's managers), then members, quotes and campaigns.
    "pointsMultipliers(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "skuExclusions(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "products(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "programStatement(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "partnerStatement(A1)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP, PNF, PNF, PNF, PNF],
    "campaigns(programId: A)": [U, OK, OK, EMPTY, OK, EMPTY, OK, OK, OK, OK, IPP, OK, OK, OK, EMPTY],
    "potentialPoints(programId: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    "member(id: M1)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP, NF, NF, NF, NF],
    "memberByExternalId(A, M1's)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP, NF, NF, NF, NF],
    "members(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP, EMPTY, EMPTY, EMPTY, SELF],
    "setPointsMultipliers(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "upsertProducts(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "setSkuExclusions(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "createCampaign(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "updateCampaign(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "createMember(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "adjustPoints(member of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    // Partners award through themselves; staff award for the program (no partner).
    "recordPurchase(member of A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    // Each cell returns a fresh purchase made through A1 (for A2's key: not theirs); staff one the program made with no partner.
    "recordReturn(purchase in A)": [U, OK, OK, NF, OK, NF, OK, NF, OK, OK, IPP, NF, OK, OK, NF],
  },
  {
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
            if (seen.includes(M1.id) && seen.includes(M2.id) && seen.includes(MA.id)) return ALL;
            // Its own share: the member A1 awarded points to, or a member's own session itself.
            if (seen.length === 1 && seen[0] === (p.name === "memberA" ? MA.id : M1.id)) return SELF;
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
  },
);
