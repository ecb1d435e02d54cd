// Fixtures for loyalty tests, all through the public API: a configured program with a partner, its clubs, staff
// and a club manager logged in, a loyalty card and a stamp card, and a member with their own session.
import { randomBytes } from "node:crypto";
import type { OpenOptions } from "../src/db/database.js";
import type { Mail } from "../src/domain/mail/outbox.js";
import { createRateLimiter } from "../src/http/rate-limit.js";
import { ADMIN_KEY, createPartner, createProgram, login, startTestApp, type TestApp } from "./helpers.js";

/** A test app whose rate limits do not get in the way of many logins and counter actions. */
export function startLoyaltyApp(mailbox: Mail[], options: OpenOptions = {}): Promise<TestApp> {
  const generous = { perHour: 100_000, perMinute: 100_000 };
  return startTestApp(
    {},
    {
      ...options,
      mailbox,
      rateLimiter: createRateLimiter(undefined, {
        admin: generous,
        apiCredential: generous,
        partnerSession: generous,
        anonymous: generous,
      }),
    },
  );
}

export interface Session {
  email: string;
  /** Bearer token of the person's login session. */
  token: string;
}

export interface LoyaltyMember extends Session {
  id: string;
  externalId: string;
}

export interface LoyaltyWorld {
  program: { id: string; secretKey: string };
  partner: { id: string; apiKey: string };
  /** Two clubs of the partner; both carry both cards. */
  clubs: [{ id: string; name: string }, { id: string; name: string }];
  /** STAFF of clubs[0] only. */
  staff: Session;
  /** CLUB_MANAGER of clubs[0] only. */
  manager: Session;
  loyaltyCard: { id: string; followToken: string };
  stampCard: { id: string; followToken: string };
  member: LoyaltyMember;
}

export interface WorldOptions {
  /** createProgram input (e.g. roundingMode, timezone). */
  program?: Record<string, unknown>;
  /** Extra CreateLoyaltyCardInput fields. */
  loyalty?: Record<string, unknown>;
  /** Extra CreateStampCardInput fields (stampsRequired defaults to 5). */
  stamp?: Record<string, unknown>;
}

/** A short random tag that keeps names and emails unique across worlds in one database. */
export const tag = () => randomBytes(4).toString("hex");

/** Calls a mutation taking `input`; returns its result (payload or typed error) and the raw response. */
export async function mutate(
  app: TestApp,
  field: string,
  inputType: string,
  selection: string,
  input: Record<string, unknown>,
  key: string | null = ADMIN_KEY,
) {
  const res = await app.gql(
    `mutation ($input: ${inputType}!) { ${field}(input: $input) { __typename ${selection} ... on Error { code message } ... on ValidationError { issues { path message } } } }`,
    { input },
    key,
  );
  return {
    res,
    result: res.data?.[field] as Record<string, any> | undefined,
    code: (res.errors?.[0]?.extensions?.code ?? res.data?.[field]?.code) as string | undefined,
  };
}

/** Like mutate, but fails unless the result is `payload`; returns it. */
export async function expectPayload(
  app: TestApp,
  field: string,
  inputType: string,
  payload: string,
  selection: string,
  input: Record<string, unknown>,
  key: string | null = ADMIN_KEY,
) {
  const { res, result } = await mutate(app, field, inputType, `... on ${payload} { ${selection} }`, input, key);
  if (result?.__typename !== payload) throw new Error(`${field} failed: ${JSON.stringify(res)}`);
  return result;
}

export async function createClub(
  app: TestApp,
  partnerId: string,
  name = `Club ${tag()}`,
  key: string = ADMIN_KEY,
): Promise<{ id: string; name: string }> {
  const r = await expectPayload(
    app,
    "createClub",
    "CreateClubInput",
    "CreateClubPayload",
    "club { id name }",
    { partner: { id: partnerId }, name },
    key,
  );
  return r.club;
}

export async function addClubStaff(
  app: TestApp,
  clubId: string,
  email: string,
  role: "STAFF" | "CLUB_MANAGER" = "STAFF",
  key: string = ADMIN_KEY,
): Promise<void> {
  await expectPayload(
    app,
    "addClubStaff",
    "ClubStaffInput",
    "AddClubStaffPayload",
    "staff { email role }",
    { clubId, email, role },
    key,
  );
}

export async function createLoyaltyCard(
  app: TestApp,
  clubIds: string[],
  input: Record<string, unknown> = {},
  key: string = ADMIN_KEY,
) {
  const r = await expectPayload(
    app,
    "createLoyaltyCard",
    "CreateLoyaltyCardInput",
    "CreateLoyaltyCardPayload",
    "card { id followToken }",
    { clubIds, design: { name: `Points ${tag()}` }, pointsPerCurrencyUnit: "1", ...input },
    key,
  );
  return r.card as { id: string; followToken: string };
}

export async function createStampCard(
  app: TestApp,
  clubIds: string[],
  input: Record<string, unknown> = {},
  key: string = ADMIN_KEY,
) {
  const r = await expectPayload(
    app,
    "createStampCard",
    "CreateStampCardInput",
    "CreateStampCardPayload",
    "card { id followToken }",
    { clubIds, design: { name: `Stamps ${tag()}` }, stampsRequired: 5, ...input },
    key,
  );
  return r.card as { id: string; followToken: string };
}

/** A member of the program with this email (created by the program's key). */
export async function createMember(
  app: TestApp,
  programId: string,
  email: string,
  externalId = `m-${tag()}`,
): Promise<{ id: string; externalId: string }> {
  const r = await expectPayload(app, "createMember", "CreateMemberInput", "CreateMemberPayload", "member { id }", {
    programId,
    externalId,
    email,
  });
  return { id: r.member.id as string, externalId };
}

/** A member who logged in with an emailed code (members log in like everyone else). */
export async function loggedInMember(
  app: TestApp,
  mailbox: Mail[],
  programId: string,
  email = `member-${tag()}@example.com`,
): Promise<LoyaltyMember> {
  const member = await createMember(app, programId, email);
  return { ...member, email, token: await login(app, mailbox, email) };
}

/** Everything a loyalty test needs, made through the public API. */
export async function loyaltyWorld(app: TestApp, mailbox: Mail[], options: WorldOptions = {}): Promise<LoyaltyWorld> {
  const t = tag();
  const program = await createProgram(app, { name: `Loyalty ${t}`, ...options.program });
  const partner = await createPartner(app, program.id, { name: `Coffee ${t}` });
  const clubs = [
    await createClub(app, partner.id, "Old Town"),
    await createClub(app, partner.id, "Riverside"),
  ] as LoyaltyWorld["clubs"];
  const staff = `staff-${t}@example.com`;
  const manager = `manager-${t}@example.com`;
  await addClubStaff(app, clubs[0].id, staff, "STAFF");
  await addClubStaff(app, clubs[0].id, manager, "CLUB_MANAGER");
  const clubIds = clubs.map((c) => c.id);
  return {
    program: { id: program.id, secretKey: program.secretKey },
    partner: { id: partner.id, apiKey: partner.apiKey },
    clubs,
    staff: { email: staff, token: await login(app, mailbox, staff) },
    manager: { email: manager, token: await login(app, mailbox, manager) },
    loyaltyCard: await createLoyaltyCard(app, clubIds, options.loyalty),
    stampCard: await createStampCard(app, clubIds, options.stamp),
    member: await loggedInMember(app, mailbox, program.id, `member-${t}@example.com`),
  };
}

/** A fresh QR payload from the member's own session. */
export async function memberQr(app: TestApp, member: Pick<LoyaltyMember, "token">, programId: string): Promise<string> {
  const r = await expectPayload(
    app,
    "memberQr",
    "MemberQrInput",
    "MemberQrPayload",
    "payload expiresAt",
    { programId },
    member.token,
  );
  return r.payload as string;
}

const ACTION_ERRORS = "... on ConflictError { path } ... on LoyaltyRuleError { retryAt }";
export const AWARD_SELECTION = `... on AwardPointsPayload { pointsAwarded balance replayed activity { id type points amount club { id } } member { id } card { id } } ${ACTION_ERRORS}`;
export const STAMPS_SELECTION = `... on AddStampsPayload { stampsRequested stampsAdded completedCard replayed progress { stampsRequired current fullCards completed } activity { id type points } } ${ACTION_ERRORS}`;

/** awardPoints with a fresh idempotency key unless one is given; returns the result (payload or typed error) and code. */
export function awardPoints(
  app: TestApp,
  key: string,
  input: { cardId: string; qr: string; idempotencyKey?: string; [k: string]: unknown },
) {
  return mutate(
    app,
    "awardPoints",
    "AwardPointsInput",
    AWARD_SELECTION,
    { idempotencyKey: `award-${tag()}`, ...input },
    key,
  );
}

export function addStamps(
  app: TestApp,
  key: string,
  input: { cardId: string; qr: string; idempotencyKey?: string; [k: string]: unknown },
) {
  return mutate(
    app,
    "addStamps",
    "AddStampsInput",
    STAMPS_SELECTION,
    { idempotencyKey: `stamps-${tag()}`, ...input },
    key,
  );
}
