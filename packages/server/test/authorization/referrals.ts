// Authorization matrix rows: referral projects, links, clicks, conversions, commissions, rules and statistics;
// writes act on fresh targets.
// Each row: its expected cells (one per principal, in the order of PRINCIPALS in kit.ts), and how it is called.
import { expect } from "vitest";
import { createPartner } from "../helpers.js";
import { lockPeriod } from "../referral-helpers.js";
import {
  A,
  A1,
  A4,
  aroundNow,
  freshPeriod,
  L1,
  newConversion,
  newProject,
  newRule,
  OPEN_PERIOD,
  P,
  Q,
  RULES,
} from "./fixtures.js";
import {
  ALL,
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
  SELF,
  showing,
  U,
  unique,
  VF,
} from "./kit.js";

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

// prettier-ignore
export const referrals = area(
  {
    //                                           anonymous admin keyA  keyB   managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key partnerUserA2 staffA2 clubManagerA2 memberA
    // Referrals: reads (partners see their own rows; another program sees nothing), then writes on fresh targets.
    "projects(programId: A)": [
      U,
      ALL,
      ALL,
      EMPTY,
      ALL,
      EMPTY,
      SELF,
      EMPTY,
      SELF,
      EMPTY,
      IPP,
      EMPTY,
      EMPTY,
      EMPTY,
      EMPTY,
    ],
    "project(id: P)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP, NF, NF, NF, NF],
    "referralLinks(programId: A)": [
      U,
      ALL,
      ALL,
      EMPTY,
      ALL,
      EMPTY,
      SELF,
      EMPTY,
      SELF,
      EMPTY,
      IPP,
      EMPTY,
      EMPTY,
      EMPTY,
      EMPTY,
    ],
    "referralLink(id: L1)": [U, OK, OK, NF, OK, NF, OK, NF, OK, NF, IPP, NF, NF, NF, NF],
    "clicks(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, EMPTY, SELF, EMPTY, IPP, EMPTY, EMPTY, EMPTY, EMPTY],
    "conversions(programId: A)": [
      U,
      ALL,
      ALL,
      EMPTY,
      ALL,
      EMPTY,
      SELF,
      EMPTY,
      SELF,
      EMPTY,
      IPP,
      EMPTY,
      EMPTY,
      EMPTY,
      EMPTY,
    ],
    "commissions(programId: A)": [
      U,
      ALL,
      ALL,
      EMPTY,
      ALL,
      EMPTY,
      SELF,
      EMPTY,
      SELF,
      EMPTY,
      IPP,
      EMPTY,
      EMPTY,
      EMPTY,
      EMPTY,
    ],
    "rewardRules(projectId: P)": [U, ALL, ALL, NF, ALL, NF, SELF, NF, SELF, NF, IPP, NF, NF, NF, NF],
    "commissionLockStatus(A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    "referralStats(programId: A)": [U, ALL, ALL, NF, ALL, NF, SELF, EMPTY, SELF, EMPTY, IPP, EMPTY, EMPTY, EMPTY, NF],
    "referralStats(A, partnerId: A1)": [U, OK, OK, NF, OK, NF, OK, VF, OK, VF, IPP, VF, VF, VF, NF],
    "topPartners(projectId: P)": [U, OK, OK, NF, OK, NF, IPP, NF, IPP, NF, IPP, NF, NF, NF, NF],
    "createProject(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    // Each project, rule, conversion and commission cell gets a fresh one of A; fresh projects have A1 (not A2) as a member.
    "updateProject(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "addPartnerToProject(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "removePartnerFromProject(A1, of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "createReferralLink(for A1)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP, PNF, PNF, PNF, PNF],
    "trackConversion(in P)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "refundConversion(A1's)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "createRewardRule(in project of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    // A project-wide rule of a project A1 belongs to: A1 reads it in rewardRules, so it is told it may not change it.
    "updateRewardRule(project-wide)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "deleteRewardRule(project-wide)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "setCommissionStatus(A1's, APPROVED)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    // Every period cell uses a fresh month far ahead, so no lock blocks another cell's commissions.
    "lockCommissionPeriod(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "unlockCommissionPeriod(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "syncCommissions(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
  },
  {
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
  },
);
