// Bulk CSV imports through GraphQL: every bad row reported with its line and nothing applied, dry runs, limits,
// re-imports that apply nothing twice, and who may import.
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, createPartner, createProgram, grantRole, login, type TestApp } from "./helpers.js";
import { createClub, loyaltyWorld, startLoyaltyApp, tag } from "./loyalty-helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
beforeAll(async () => {
  app = await startLoyaltyApp(mailbox);
});
afterAll(async () => {
  await app?.close();
});

const REPORT = `__typename ... on ImportReport { rowsRead changes applied unchanged dryRun rejected { line column code message } } ... on Error { code message } ... on ValidationError { issues { path message } }`;
const importing = (field: string, inputType: string) =>
  `mutation ($input: ${inputType}!) { ${field}(input: $input) { ${REPORT} } }`;
const IMPORT_MEMBERS = importing("importMembers", "ImportMembersInput");
const IMPORT_TRANSACTIONS = importing("importTransactions", "ImportTransactionsInput");
const IMPORT_PRODUCTS = importing("importProducts", "ImportProductsInput");
const IMPORT_STAFF = importing("importStaff", "ImportStaffInput");

async function run(
  query: string,
  field: string,
  programId: string,
  csv: string,
  options: { dryRun?: boolean; key?: string | null } = {},
) {
  const res = await app.gql(
    query,
    { input: { programId, csv, ...(options.dryRun !== undefined && { dryRun: options.dryRun }) } },
    options.key === undefined ? ADMIN_KEY : options.key,
  );
  if (res.errors) return { errors: res.errors };
  return res.data[field];
}
const members = (programId: string, csv: string, options?: { dryRun?: boolean; key?: string | null }) =>
  run(IMPORT_MEMBERS, "importMembers", programId, csv, options);
const transactions = (programId: string, csv: string, options?: { dryRun?: boolean; key?: string | null }) =>
  run(IMPORT_TRANSACTIONS, "importTransactions", programId, csv, options);
const staffImport = (programId: string, csv: string, options?: { dryRun?: boolean; key?: string | null }) =>
  run(IMPORT_STAFF, "importStaff", programId, csv, options);
const products = (programId: string, csv: string, options?: { dryRun?: boolean; key?: string | null }) =>
  run(IMPORT_PRODUCTS, "importProducts", programId, csv, options);

const UPLOAD_MEMBERS = graphql(`
  mutation LoyaltyImportUpload($input: ImportMembersInput!) {
    importMembers(input: $input) {
      __typename
      ... on ImportReport { rowsRead applied }
      ... on ValidationError { code issues { path message } }
    }
  }
`);

/** importMembers with the CSV as a file (a GraphQL multipart request); the HTTP status and the parsed body. */
async function uploadMembers(programId: string, csv: string, alsoAsText = false) {
  const form = new FormData();
  const variables = { input: { programId, file: null, ...(alsoAsText && { csv }) } };
  form.set("operations", JSON.stringify({ query: print(UPLOAD_MEMBERS), variables }));
  form.set("map", JSON.stringify({ 0: ["variables.input.file"] }));
  form.set("0", new Blob([csv], { type: "text/csv" }), "members.csv");
  const res = await fetch(app.graphqlUrl, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_KEY}` },
    body: form,
  });
  const body = (await res.json()) as {
    data?: { importMembers: Record<string, unknown> };
    errors?: { extensions: { code: string } }[];
  };
  return { status: res.status, result: body.data?.importMembers, code: body.errors?.[0]?.extensions.code };
}

const MEMBER = `query ($p: ID!, $e: String!) { memberByExternalId(programId: $p, externalId: $e) { id email balance ledger(first: 50) { nodes { type source points note createdAt } } } }`;
const member = async (programId: string, externalId: string) =>
  (await app.gql(MEMBER, { p: programId, e: externalId })).data?.memberByExternalId;
const memberCount = async (programId: string) =>
  (await app.gql(`query ($p: ID!) { members(programId: $p, first: 1) { totalCount } }`, { p: programId })).data.members
    .totalCount as number;

/** A refusal's code: a GraphQL error's extensions.code, or a typed failure's code. */
const codeOf = (result: any): string => result.errors?.[0]?.extensions?.code ?? result.code ?? result.__typename;

const report = (
  r: Partial<{
    rowsRead: number;
    changes: number;
    applied: number;
    unchanged: number;
    dryRun: boolean;
    rejected: unknown[];
  }>,
) => ({
  __typename: "ImportReport",
  rowsRead: 0,
  changes: 0,
  applied: 0,
  unchanged: 0,
  dryRun: false,
  rejected: [],
  ...r,
});

describe("importMembers", () => {
  it("creates and updates members; a second import of the same file applies nothing", async () => {
    const program = await createProgram(app);
    const csv =
      'externalId,email,name\r\nC-1,Ann@Example.com,Ann\r\nC-2,,"Doe, John"\r\n"C-3","bob@example.com","Bob ""the builder"""\r\n';
    expect(await members(program.id, csv)).toEqual(report({ rowsRead: 3, changes: 3, applied: 3 }));
    expect(await member(program.id, "C-1")).toMatchObject({ email: "ann@example.com" });
    expect(await members(program.id, csv)).toEqual(report({ rowsRead: 3, unchanged: 3 }));

    // A column left out keeps the stored value; an empty cell clears it.
    expect(await members(program.id, "externalId,email\nC-1,\nC-2,new@example.com\nC-4,four@example.com\n")).toEqual(
      report({ rowsRead: 3, changes: 3, applied: 3 }),
    );
    expect((await member(program.id, "C-1")).email).toBeNull();
    expect((await member(program.id, "C-2")).email).toBe("new@example.com");
    expect(await memberCount(program.id)).toBe(4);
  });

  it("reports every bad row with its line and column, and applies nothing", async () => {
    const program = await createProgram(app);
    const csv = [
      "externalId,email,nickname,email", // line 1: an unknown and a duplicate column
      "OK-1,ok@example.com,x,", // 2: fine
      ",no-id@example.com,x,", // 3: externalId empty
      "OK-2,not-an-email,x,", // 4
      "OK-1,again@example.com,x,", // 5: duplicate of line 2
      "TOO,FEW", // 6
      "",
      `"${"L".repeat(201)}",,x,`, // 8: too long
      'OK-3,"unclosed,x,', // 9: the quote never closes
      "OK-4,,x,",
    ].join("\n");
    const result = await members(program.id, csv);
    expect(result).toEqual(
      report({
        rowsRead: 6,
        changes: 1, // OK-1 alone would be written
        rejected: [
          {
            line: 1,
            column: "nickname",
            code: "UNKNOWN_COLUMN",
            message: expect.stringContaining('"nickname" is not a column'),
          },
          { line: 1, column: "email", code: "DUPLICATE_COLUMN", message: '"email" is named twice' },
          { line: 3, column: "externalId", code: "REQUIRED", message: "externalId is required" },
          { line: 4, column: "email", code: "INVALID_VALUE", message: 'email "not-an-email" is not an email address' },
          { line: 5, column: "externalId", code: "DUPLICATE_ROW", message: 'repeats externalId "OK-1" of line 2' },
          { line: 6, column: null, code: "FIELD_COUNT", message: "has 2 fields; the header has 4" },
          {
            line: 8,
            column: "externalId",
            code: "INVALID_VALUE",
            message: "externalId must be at most 200 characters",
          },
          { line: 9, column: null, code: "CSV_SYNTAX", message: expect.stringContaining("never closed") },
        ],
      }),
    );
    expect(await memberCount(program.id)).toBe(0);
  });

  it("takes files over the 1 MiB JSON limit as uploads, and refuses a larger upload while it streams in", async () => {
    const program = await createProgram(app);
    const rows = Array.from({ length: 6000 }, (_, i) => `U${i},Member ${i} ${"n".repeat(180)}`);
    const csv = `externalId,name\n${rows.join("\n")}\n`;
    expect(csv.length).toBeGreaterThan(1024 * 1024);
    expect((await members(program.id, csv)).errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(await uploadMembers(program.id, csv)).toMatchObject({
      status: 200,
      result: { __typename: "ImportReport", rowsRead: 6000, applied: 6000 },
    });
    expect(await uploadMembers(program.id, "x".repeat(6 * 1024 * 1024))).toMatchObject({
      status: 413,
      code: "PAYLOAD_TOO_LARGE",
    });
    expect((await uploadMembers(program.id, "externalId\nB-1\n", true)).result).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "csv", message: expect.stringContaining("not both") }],
    });
  });

  it("validates without writing on a dry run", async () => {
    const program = await createProgram(app);
    expect(await members(program.id, "externalId\nD-1\nD-2\n", { dryRun: true })).toEqual(
      report({ rowsRead: 2, changes: 2, dryRun: true }),
    );
    expect(await memberCount(program.id)).toBe(0);
  });

  it("refuses files beyond the limits and files without a header", async () => {
    const program = await createProgram(app);
    const tooMany = `externalId\n${Array.from({ length: 50_001 }, (_, i) => `M${i}`).join("\n")}`;
    expect(await members(program.id, tooMany)).toMatchObject({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      issues: [{ path: "csv", message: expect.stringContaining("more than 50000 rows") }],
    });
    // Over 5 MiB but within the multipart request's limit: the import's own rule answers.
    const tooBig = `externalId,name\n${`X,${"n".repeat(1000)}\n`.repeat(5240)}`;
    expect((await uploadMembers(program.id, tooBig)).result).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "csv", message: expect.stringContaining("the limit is 5242880") }],
    });
    expect(await members(program.id, "")).toMatchObject({
      __typename: "ValidationError",
      issues: [{ path: "csv", message: expect.stringContaining("is empty") }],
    });
    expect(await members(program.id, "email\nx@example.com\n")).toEqual(
      report({
        rowsRead: 1,
        rejected: [
          {
            line: 1,
            column: "externalId",
            code: "MISSING_COLUMN",
            message: 'the required column "externalId" is missing',
          },
        ],
      }),
    );
  });
});

describe("importTransactions", () => {
  it("imports program points by sign with their dates, once per externalId", async () => {
    const program = await createProgram(app, { timezone: "Europe/Vilnius" });
    await members(program.id, "externalId\nT-1\nT-2\n");
    const csv = [
      "externalId,memberExternalId,points,occurredAt,note",
      "X-1,T-1,100,2025-03-01T10:00:00+02:00,Welcome",
      "X-2,T-1,-30,2025-03-02,Spent",
      "X-3,T-2,5,2025-03-03T00:00:00Z,",
    ].join("\n");
    expect(await transactions(program.id, csv)).toEqual(report({ rowsRead: 3, changes: 3, applied: 3 }));
    const t1 = await member(program.id, "T-1");
    expect(t1.balance).toBe(70);
    expect(t1.ledger.nodes).toEqual(
      expect.arrayContaining([
        { type: "EARN", source: "IMPORT", points: 100, note: "Welcome", createdAt: "2025-03-01T08:00:00.000Z" },
        // A date is the start of that day in the program's time zone (Vilnius, UTC+2 in March).
        { type: "REDEEM", source: "IMPORT", points: -30, note: "Spent", createdAt: "2025-03-01T22:00:00.000Z" },
      ]),
    );
    // The same file again: nothing twice. The same key with other values: a conflict, and nothing applied.
    expect(await transactions(program.id, csv)).toEqual(report({ rowsRead: 3, unchanged: 3 }));
    const changed = [
      "externalId,memberExternalId,points,occurredAt",
      "X-1,T-1,101,2025-03-01T10:00:00+02:00",
      "X-4,T-2,1,2025-03-04",
    ].join("\n");
    expect(await transactions(program.id, changed)).toEqual(
      report({
        rowsRead: 2,
        changes: 1,
        rejected: [
          {
            line: 2,
            column: "externalId",
            code: "CONFLICT",
            message: 'externalId "X-1" was imported before with other values',
          },
        ],
      }),
    );
    expect((await member(program.id, "T-2")).balance).toBe(5);
  });

  it("reports bad numbers, dates, unknown members and cards, duplicates and overdrawn balances; applies nothing", async () => {
    const program = await createProgram(app);
    await members(program.id, "externalId\nB-1\nB-2\n");
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const csv = [
      "externalId,memberExternalId,points,occurredAt,cardId,note",
      "R-1,B-1,10,2025-01-01,,fine",
      "R-2,B-1,ten,2025-01-01,,",
      "R-3,B-1,0,2025-01-01,,",
      "R-4,B-1,1.5,2025-01-01,,",
      "R-5,NOBODY,1,2025-01-01,,",
      "R-6,B-1,1,2025-02-30,,",
      `R-7,B-1,1,${future},,`,
      "R-8,B-1,1,yesterday,,",
      "R-1,B-2,1,2025-01-01,,",
      "R-9,B-1,1,2025-01-01,not-a-card,",
      "R-10,B-2,-5,2025-01-02,,overdraws",
      "R-11,B-1,,2025-01-01,,",
    ].join("\n");
    const result = await transactions(program.id, csv);
    expect(result.rejected.map((r: any) => [r.line, r.column, r.code])).toEqual([
      [3, "points", "INVALID_VALUE"],
      [4, "points", "INVALID_VALUE"],
      [5, "points", "INVALID_VALUE"],
      [6, "memberExternalId", "UNKNOWN_MEMBER"],
      [7, "occurredAt", "INVALID_VALUE"],
      [8, "occurredAt", "INVALID_VALUE"],
      [9, "occurredAt", "INVALID_VALUE"],
      [10, "externalId", "DUPLICATE_ROW"],
      [11, "cardId", "UNKNOWN_CARD"],
      [12, "points", "INSUFFICIENT_BALANCE"],
      [13, "points", "REQUIRED"],
    ]);
    expect(result).toMatchObject({ rowsRead: 12, changes: 1, applied: 0 });
    expect(result.rejected.find((r: any) => r.line === 12).message).toBe(
      `member "B-2"'s points balance is 0; with this file's rows it would be -5`,
    );
    expect((await member(program.id, "B-1")).balance).toBe(0);
  });
});

describe("concurrent imports", () => {
  it("apply the same file once when two run at the same time", async () => {
    const world = await loyaltyWorld(app, mailbox);
    await members(world.program.id, "externalId\nPAR-1\nPAR-2\n");
    const csv = [
      "externalId,memberExternalId,points,cardId,occurredAt",
      ...Array.from({ length: 40 }, (_, i) => `PX-${i},PAR-${1 + (i % 2)},${i + 1},${world.loyaltyCard.id},2025-04-01`),
    ].join("\n");
    const [a, b] = await Promise.all([transactions(world.program.id, csv), transactions(world.program.id, csv)]);
    expect([a.applied, b.applied].sort()).toEqual([0, 40]);
    expect([a.unchanged, b.unchanged].sort()).toEqual([0, 40]);
    const followers = await fetch(
      `${app.url}/export/members.csv?${new URLSearchParams({ programId: world.program.id, cardId: world.loyaltyCard.id })}`,
      { headers: { authorization: `Bearer ${ADMIN_KEY}` } },
    );
    const balances = (await followers.text())
      .trim()
      .split("\r\n")
      .slice(1)
      .map((l) => Number(l.split(",").at(-1)));
    expect(balances.reduce((x, y) => x + y, 0)).toBe((40 * 41) / 2);
  });
});

describe("importTransactions on cards", () => {
  it("writes card points and stamps with IMPORTED activities, follows the card, and never overdraws a card", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const { program, loyaltyCard, stampCard } = world;
    await members(program.id, "externalId\nCARD-1\nCARD-2\n");
    const csv = [
      "externalId,memberExternalId,points,cardId,occurredAt",
      `K-1,CARD-1,40,${loyaltyCard.id},2025-06-01T09:00:00Z`,
      `K-2,CARD-1,-15,${loyaltyCard.id},2025-06-02T09:00:00Z`,
      `K-3,CARD-1,3,${stampCard.id},2025-06-03T09:00:00Z`,
      "K-4,CARD-2,7,,2025-06-03T09:00:00Z",
    ].join("\n");
    expect(await transactions(program.id, csv)).toEqual(report({ rowsRead: 4, changes: 4, applied: 4 }));
    expect((await member(program.id, "CARD-1")).balance).toBe(0); // card entries are not program points
    expect((await member(program.id, "CARD-2")).balance).toBe(7);
    const followers = async (cardId: string) => {
      const res = await fetch(
        `${app.url}/export/members.csv?${new URLSearchParams({ programId: program.id, cardId })}`,
        { headers: { authorization: `Bearer ${ADMIN_KEY}` } },
      );
      return (await res.text()).trim().split("\r\n");
    };
    expect(
      (await followers(loyaltyCard.id)).map((l) => l.split(",").slice(1, 2).concat(l.split(",").slice(-2))),
    ).toEqual([
      ["externalId", "followedAt", "points"],
      ["CARD-1", "2025-06-01T09:00:00.000Z", "25"],
    ]);
    expect((await followers(stampCard.id))[1]!.endsWith(",3")).toBe(true);
    const history = await app.gql(`query ($p: ID!) { auditLog(programId: $p, first: 50) { nodes { action } } }`, {
      p: program.id,
    });
    expect(history.data.auditLog.nodes.map((n: any) => n.action)).toContain("import.transactions");

    // A card balance may never go below zero, whatever the program allows for its own points.
    const overdraw = await transactions(
      program.id,
      `externalId,memberExternalId,points,cardId,occurredAt\nK-5,CARD-1,-26,${loyaltyCard.id},2025-06-04`,
    );
    expect(overdraw.rejected).toEqual([
      {
        line: 2,
        column: "points",
        code: "INSUFFICIENT_BALANCE",
        message: `member "CARD-1"'s card balance is 25; with this file's rows it would be -1`,
      },
    ]);
    // A card of another program is unknown.
    const elsewhere = await loyaltyWorld(app, mailbox);
    const foreign = await transactions(
      program.id,
      `externalId,memberExternalId,points,cardId,occurredAt\nK-6,CARD-1,1,${elsewhere.loyaltyCard.id},2025-06-04`,
    );
    expect(foreign.rejected).toEqual([
      {
        line: 2,
        column: "cardId",
        code: "UNKNOWN_CARD",
        message: expect.stringContaining("is not a card of this program"),
      },
    ]);
  });
});

describe("importStaff", () => {
  const STAFF = `query ($c: ID!) { node(id: $c) { ... on Club { staff(first: 50) { nodes { email role } } } } }`;
  const staffOf = async (clubId: string) =>
    ((await app.gql(STAFF, { c: clubId })).data.node.staff.nodes as { email: string; role: string }[]).sort((a, b) =>
      a.email.localeCompare(b.email),
    );

  it("adds people to clubs by club name or id, changes roles, and applies a file once", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const [oldTown, riverside] = world.clubs;
    const t = tag();
    const csv = [
      `email,club,role`,
      `ana-${t}@example.com,Old Town,`,
      `Ben-${t}@Example.com,${riverside.id},club_manager`,
      `ana-${t}@example.com,Riverside,STAFF`,
    ].join("\n");
    expect(await staffImport(world.program.id, csv, { key: world.partner.apiKey })).toEqual(
      report({ rowsRead: 3, changes: 3, applied: 3 }),
    );
    expect(await staffImport(world.program.id, csv, { key: world.partner.apiKey })).toEqual(
      report({ rowsRead: 3, unchanged: 3 }),
    );
    // Each person added is audited, like addClubStaff, besides the import itself.
    const audited = await app.gql(`query ($p: ID!) { auditLog(programId: $p, first: 50) { nodes { action after } } }`, {
      p: world.program.id,
    });
    const actions = audited.data.auditLog.nodes.filter(
      (n: any) => n.action === "import.staff" || n.after?.source === "import",
    );
    expect(actions.map((n: any) => n.action).sort()).toEqual([
      "club.addStaff",
      "club.addStaff",
      "club.addStaff",
      "import.staff",
    ]);
    expect((await staffOf(riverside.id)).filter((s) => s.email.endsWith(`${t}@example.com`))).toEqual([
      { email: `ana-${t}@example.com`, role: "STAFF" },
      { email: `ben-${t}@example.com`, role: "CLUB_MANAGER" },
    ]);
    expect((await staffOf(oldTown.id)).map((s) => s.email)).toContain(`ana-${t}@example.com`);
    // The imported person logs in and works in both clubs.
    const ana = await login(app, mailbox, `ana-${t}@example.com`);
    const clubs = await app.gql(
      `query ($p: ID!) { clubs(programId: $p, first: 10) { totalCount } }`,
      { p: world.program.id },
      ana,
    );
    expect(clubs.data.clubs.totalCount).toBe(2);
    // A promotion is a change.
    expect(await staffImport(world.program.id, `email,club,role\nana-${t}@example.com,Old Town,CLUB_MANAGER`)).toEqual(
      report({ rowsRead: 1, changes: 1, applied: 1 }),
    );
  });

  it("reports unknown, foreign and ambiguous clubs, bad roles and emails, and duplicates; applies nothing", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const rival = await createPartner(app, world.program.id, { name: `Rival ${tag()}` });
    await createClub(app, rival.id, "Old Town"); // the same name as the world's first club, at another partner
    const rivalClub = await createClub(app, rival.id, "Harbour");
    const t = tag();
    const csv = [
      "email,club,role",
      `ok-${t}@example.com,Riverside,STAFF`,
      `not-an-email,Riverside,STAFF`,
      `x-${t}@example.com,Nowhere,STAFF`,
      `y-${t}@example.com,Riverside,OWNER`,
      `ok-${t}@example.com,Riverside,CLUB_MANAGER`,
      `z-${t}@example.com,,STAFF`,
      `w-${t}@example.com,${rivalClub.id},STAFF`,
    ].join("\n");
    // The partner sees only its own clubs: the rival's club is unknown to it, "Old Town" is not ambiguous.
    const asPartner = await staffImport(world.program.id, `${csv}\nv-${t}@example.com,Old Town,STAFF`, {
      key: world.partner.apiKey,
    });
    expect(asPartner.rejected.map((r: any) => [r.line, r.column, r.code])).toEqual([
      [3, "email", "INVALID_VALUE"],
      [4, "club", "UNKNOWN_CLUB"],
      [5, "role", "INVALID_VALUE"],
      [6, "email", "DUPLICATE_ROW"],
      [7, "club", "REQUIRED"],
      [8, "club", "UNKNOWN_CLUB"],
    ]);
    expect(asPartner).toMatchObject({ rowsRead: 8, changes: 2, applied: 0 });
    // The program's key sees every partner's clubs: "Old Town" is then ambiguous.
    const asProgram = await staffImport(world.program.id, `email,club\nv-${t}@example.com,Old Town`, {
      key: world.program.secretKey,
    });
    expect(asProgram.rejected).toEqual([
      {
        line: 2,
        column: "club",
        code: "AMBIGUOUS_CLUB",
        message: '2 partners have a club named "Old Town": give the club\'s id',
      },
    ]);
    expect((await staffOf(world.clubs[1].id)).map((s) => s.email)).not.toContain(`ok-${t}@example.com`);
  });

  it("lets a club manager import STAFF into its own clubs only; staff and strangers are refused", async () => {
    const world = await loyaltyWorld(app, mailbox);
    const t = tag();
    const asManager = await staffImport(
      world.program.id,
      [
        "email,club,role",
        `c-${t}@example.com,Old Town,STAFF`,
        `d-${t}@example.com,Old Town,CLUB_MANAGER`,
        `e-${t}@example.com,Riverside,STAFF`,
      ].join("\n"),
      { key: world.manager.token },
    );
    expect(asManager.rejected.map((r: any) => [r.line, r.column, r.code])).toEqual([
      [3, "role", "NOT_ALLOWED"],
      [4, "club", "UNKNOWN_CLUB"],
    ]);
    expect(
      (await staffImport(world.program.id, `email,club\nc-${t}@example.com,Old Town`, { key: world.manager.token }))
        .applied,
    ).toBe(1);
    expect(
      codeOf(
        await staffImport(world.program.id, `email,club\nf-${t}@example.com,Old Town`, { key: world.staff.token }),
      ),
    ).toBe("FORBIDDEN");
    const stranger = await loyaltyWorld(app, mailbox);
    expect(
      codeOf(
        await staffImport(world.program.id, `email,club\nf-${t}@example.com,Old Town`, {
          key: stranger.partner.apiKey,
        }),
      ),
    ).toBe("NOT_FOUND");
    expect(
      codeOf(
        await staffImport(world.program.id, `email,club\nf-${t}@example.com,Old Town`, { key: world.member.token }),
      ),
    ).toBe("NOT_FOUND");
  });
});

describe("importProducts", () => {
  it("adds and replaces catalogue products, and BRAND campaigns see them", async () => {
    const program = await createProgram(app);
    expect(await products(program.id, "sku,brand,category\nSKU-1,Acme,Coffee\nSKU-2,,Tea\n")).toEqual(
      report({ rowsRead: 2, changes: 2, applied: 2 }),
    );
    expect(await products(program.id, "sku,brand,category\nSKU-1,Acme,Coffee\nSKU-2,,Tea\n")).toEqual(
      report({ rowsRead: 2, unchanged: 2 }),
    );
    expect(await products(program.id, "SKU,Brand\nSKU-2,Zeta\nSKU-2,Other\n")).toEqual(
      report({
        rowsRead: 2,
        changes: 1,
        rejected: [{ line: 3, column: "sku", code: "DUPLICATE_ROW", message: 'repeats sku "SKU-2" of line 2' }],
      }),
    );
    expect(await products(program.id, "sku,brand\nSKU-2,Zeta\n")).toEqual(
      report({ rowsRead: 1, changes: 1, applied: 1 }),
    );
    const listed = await app.gql(
      `query ($p: ID!) { products(programId: $p, first: 10) { nodes { sku brand category } } }`,
      { p: program.id },
    );
    expect(listed.data.products.nodes).toEqual([
      { sku: "SKU-1", brand: "Acme", category: "Coffee" },
      { sku: "SKU-2", brand: "Zeta", category: "Tea" },
    ]);
    // The engine prices with the new catalogue: a BRAND campaign on Zeta doubles SKU-2.
    await app.gql(`mutation ($i: CreateCampaignInput!) { createCampaign(input: $i) { __typename } }`, {
      i: {
        programId: program.id,
        type: "BRAND",
        title: "Zeta week",
        multiplier: "2",
        startsAt: "2020-01-01T00:00:00Z",
        brands: ["Zeta"],
      },
    });
    const quote = await app.gql(
      `query ($p: ID!, $b: PointsBasketInput!) { potentialPoints(programId: $p, basket: $b) { totalPointsAwarded } }`,
      {
        p: program.id,
        b: { datePurchased: "2026-01-05T10:00:00Z", items: [{ sku: "SKU-2", price: "10", quantity: 1 }] },
      },
    );
    expect(quote.data.potentialPoints.totalPointsAwarded).toBe(40);
  });
});

describe("who may import", () => {
  it("lets the program's managers and key import; partners, staff and strangers are refused", async () => {
    const program = await createProgram(app);
    const other = await createProgram(app);
    const partner = await createPartner(app, program.id, { name: "Importer Partner" });
    await grantRole(app, { email: "import-staff@example.com", role: "STAFF", programId: program.id });
    const staff = await login(app, mailbox, "import-staff@example.com");
    const csv = "externalId\nW-1\n";
    expect((await members(program.id, csv, { key: program.secretKey })).applied).toBe(1);
    expect(codeOf(await members(program.id, csv, { key: partner.apiKey }))).toBe("INSUFFICIENT_PARTNER_PERMISSIONS");
    expect(codeOf(await transactions(program.id, csv, { key: staff }))).toBe("FORBIDDEN");
    expect(codeOf(await products(program.id, "sku\nS\n", { key: other.secretKey }))).toBe("NOT_FOUND");
    expect(codeOf(await products(program.id, "sku\nS\n", { key: null }))).toBe("UNAUTHENTICATED");
    expect(await memberCount(program.id)).toBe(1);
  });
});
