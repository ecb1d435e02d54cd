// Authorization matrix rows: programs, partners, categories, roles and sessions; reads, then writes (on fresh
// targets for those allowed to write).
// Each row: its expected cells (one per principal, in the order of PRINCIPALS in kit.ts), and how it is called.
import { expect } from "vitest";
import { createCategory, createPartner, grantRole, login, mailedLoginCode } from "../helpers.js";
import { A, A1, A2, A3, B, categoryA } from "./fixtures.js";
import {
  ALL,
  app,
  area,
  ask,
  EMPTY,
  F,
  IPP,
  ids,
  MUTATION,
  mailbox,
  NF,
  NULL,
  OK,
  type Operation,
  OWN,
  PNF,
  type Principal,
  programWrite,
  SELF,
  U,
  unique,
} from "./kit.js";

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

/** A partner write on A1 (or a fresh partner of A for those who may manage A). */
const partnerWrite = (
  field: string,
  inputType: string,
  input: (partnerId: string) => Record<string, unknown>,
): Operation => ({
  field: `Mutation.${field}`,
  call: async (p) => ask(p, field, MUTATION(field, inputType), { input: input(await partnerTarget(p)) }),
});

// prettier-ignore
export const partners = area(
  {
    //                                           anonymous admin keyA  keyB   managerA managerB partnerA1Key partnerA2Key partnerUserA1 staffA disabledA3Key partnerUserA2 staffA2 clubManagerA2 memberA
    viewer: [U, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP, OK, OK, OK, OK],
    programs: [U, ALL, OWN, OWN, OWN, OWN, OWN, OWN, OWN, OWN, IPP, OWN, OWN, OWN, EMPTY],
    "program(id: A)": [U, OK, OK, NF, OK, NF, OK, OK, OK, OK, IPP, OK, OK, OK, NF],
    "node(id: A)": [U, OK, OK, NULL, OK, NULL, OK, OK, OK, OK, IPP, OK, OK, OK, NULL],
    "nodes(ids: [A])": [U, OK, OK, NULL, OK, NULL, OK, OK, OK, OK, IPP, OK, OK, OK, NULL],
    "partnerCategories(programId: A)": [U, OK, OK, EMPTY, OK, EMPTY, OK, OK, OK, OK, IPP, OK, OK, OK, EMPTY],
    "partners(programId: A)": [U, ALL, ALL, EMPTY, ALL, EMPTY, SELF, SELF, SELF, EMPTY, IPP, SELF, EMPTY, EMPTY, EMPTY],
    "partner(id: A1)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP, PNF, PNF, PNF, PNF],
    "partnerByExternalId(A, A1's)": [U, OK, OK, PNF, OK, PNF, OK, PNF, OK, PNF, IPP, PNF, PNF, PNF, PNF],
    "roleGrants(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "auditLog(programId: A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "configureProgram(A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "createPartner(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "updatePartner(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP, PNF, PNF, PNF, PNF],
    "setPartnerStatus(A1, DISABLED)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP, PNF, PNF, PNF, PNF],
    "deletePartner(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP, PNF, PNF, PNF, PNF],
    "rotatePartnerApiKey(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP, PNF, PNF, PNF, PNF],
    "revokePartnerApiKey(A1)": [U, OK, OK, PNF, OK, PNF, IPP, PNF, IPP, PNF, IPP, PNF, PNF, PNF, PNF],
    "createPartnerCategory(in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "renamePartnerCategory(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "deletePartnerCategory(of A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "grantRole(STAFF in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "revokeRole(a grant in A)": [U, OK, OK, NF, OK, NF, IPP, IPP, IPP, F, IPP, IPP, F, F, NF],
    "grantRole(ADMIN)": [U, OK, F, F, F, F, F, F, F, F, IPP, F, F, F, F],
    createProgram: [U, OK, F, F, F, F, F, F, F, F, IPP, F, F, F, F],
    logout: [U, F, F, F, OK, OK, F, F, OK, OK, IPP, OK, OK, OK, OK],
    requestLoginCode: [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP, OK, OK, OK, OK],
    verifyLoginCode: [OK, OK, OK, OK, OK, OK, OK, OK, OK, OK, IPP, OK, OK, OK, OK],
  },
  {
    viewer: { field: "Query.viewer", call: (p) => ask(p, "viewer", `{ viewer { kind } }`) },
    programs: {
      field: "Query.programs",
      call: (p) =>
        ask(p, "programs", `{ programs(first: 100) { totalCount nodes { id } } }`, {}, (c) => {
          const seen = ids(c);
          if (seen.includes(A.id) && seen.includes(B.id)) return ALL;
          const home = p.home === "A" ? A.id : p.home === "B" ? B.id : undefined;
          if (seen.length === 1 && seen[0] === home && c.totalCount === 1) return OWN;
          // A member's own session has no role in its program.
          return seen.length === 0 && c.totalCount === 0 ? EMPTY : `SEES ${JSON.stringify(seen)}`;
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
    createProgram: programWrite("createProgram", "CreateProgramInput", (p) => ({
      name: unique(`Program by ${p.name}`),
    })),
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
  },
);
