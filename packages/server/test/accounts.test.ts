// Passwordless login and sessions through the public API: codes are single-use, expire, resist guessing and
// flooding; sessions are signed, expire, and end with logout; roles apply from the next request.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { Mail } from "../src/domain/mail/outbox.js";
import { createPartner, createProgram, grantRole, login, startTestApp, type TestApp } from "./helpers.js";

let app: TestApp;
const mailbox: Mail[] = [];
beforeAll(async () => {
  app = await startTestApp({}, { mailbox });
});
afterAll(async () => {
  await app?.close();
});
afterEach(() => {
  vi.useRealTimers();
});

const REQUEST = `mutation ($e: String!) { requestLoginCode(input: { email: $e }) { __typename ... on RequestLoginCodePayload { expiresAt } ... on Error { code } } }`;
const VERIFY = `mutation ($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { __typename ... on LoginPayload { token user { email } } ... on Error { code message } } }`;
const VIEWER = `{ viewer { kind user { email } roles { role program { id } } } }`;

async function requestCode(email: string): Promise<string | undefined> {
  const before = mailbox.length;
  const res = await app.gql(REQUEST, { e: email }, null);
  expect(res.data.requestLoginCode.__typename).toBe("RequestLoginCodePayload");
  await app.flushMail();
  // The poller may be delivering the mail right now: wait until nothing for the address is left unsent.
  const deadline = Date.now() + 5_000;
  while (
    Date.now() < deadline &&
    (await app.database.prisma.outboxEmail.count({ where: { to: email.toLowerCase(), sentAt: null } })) > 0
  ) {
    await new Promise((r) => setTimeout(r, 20));
    await app.flushMail();
  }
  return mailbox
    .slice(before)
    .find((m) => m.to === email.toLowerCase())
    ?.text.match(/\b(\d{6})\b/)?.[1];
}

const verify = async (email: string, code: string) =>
  (await app.gql(VERIFY, { e: email, c: code }, null)).data.verifyLoginCode;

describe("login codes", () => {
  it("are mailed only to known people, with the same answer for unknown emails", async () => {
    const program = await createProgram(app);
    await grantRole(app, { email: "known@example.com", role: "PROGRAM_MANAGER", programId: program.id });
    expect(await requestCode("Known@Example.com")).toMatch(/^\d{6}$/);
    expect(await requestCode("nobody@example.com")).toBeUndefined();
    const invalid = await app.gql(REQUEST, { e: "not-an-email" }, null);
    expect(invalid.data.requestLoginCode).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
  });

  it("work once", async () => {
    await grantRole(app, { email: "once@example.com", role: "ADMIN" });
    const code = (await requestCode("once@example.com"))!;
    expect(await verify("once@example.com", code)).toMatchObject({
      __typename: "LoginPayload",
      user: { email: "once@example.com" },
    });
    expect(await verify("once@example.com", code)).toMatchObject({
      __typename: "InvalidLoginCodeError",
      code: "INVALID_LOGIN_CODE",
    });
  });

  it("stop working after 5 wrong attempts, even with the right code", async () => {
    await grantRole(app, { email: "guesser@example.com", role: "ADMIN" });
    const code = (await requestCode("guesser@example.com"))!;
    const wrong = code === "123456" ? "654321" : "123456";
    for (let i = 0; i < 5; i++) expect((await verify("guesser@example.com", wrong)).code).toBe("INVALID_LOGIN_CODE");
    expect(await verify("guesser@example.com", code)).toMatchObject({
      code: "INVALID_LOGIN_CODE",
      message: expect.stringMatching(/too many attempts/i),
    });
  });

  it("expire after 10 minutes", async () => {
    await grantRole(app, { email: "slow@example.com", role: "ADMIN" });
    const code = (await requestCode("slow@example.com"))!;
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 10 * 60_000 + 1_000 });
    expect((await verify("slow@example.com", code)).code).toBe("INVALID_LOGIN_CODE");
  });

  it("are limited to 5 requests per email per hour", async () => {
    for (let i = 0; i < 5; i++) await requestCode("flood@example.com");
    const res = await app.gql(REQUEST, { e: "flood@example.com" }, null);
    expect(res.status).toBe(429);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: "QUOTA_EXCEEDED", retryAfter: expect.any(Number) });
    expect(res.errors![0]!.extensions!.retryAfter as number).toBeGreaterThan(3500);
  });
});

describe("sessions", () => {
  it("carry the person's roles across programs, and role changes apply at once", async () => {
    const a = await createProgram(app);
    const b = await createProgram(app);
    await grantRole(app, { email: "multi@example.com", role: "PROGRAM_MANAGER", programId: a.id });
    const grantB = await grantRole(app, { email: "multi@example.com", role: "PROGRAM_MANAGER", programId: b.id });
    const token = await login(app, mailbox, "multi@example.com");
    const viewer = (await app.gql(VIEWER, {}, token)).data.viewer;
    expect(viewer.kind).toBe("USER");
    expect(viewer.roles.map((r: { program: { id: string } }) => r.program.id).sort()).toEqual([a.id, b.id].sort());

    const revoke = await app.gql(`mutation ($id: ID!) { revokeRole(input: { id: $id }) { __typename } }`, {
      id: grantB,
    });
    expect(revoke.data.revokeRole.__typename).toBe("RevokeRolePayload");
    const after = await app.gql(`query ($id: ID!) { program(id: $id) { id } }`, { id: b.id }, token);
    expect(after.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("end with logout, for that session only", async () => {
    await grantRole(app, { email: "twice@example.com", role: "ADMIN" });
    const phone = await login(app, mailbox, "twice@example.com");
    const laptop = await login(app, mailbox, "twice@example.com");
    expect((await app.gql(`mutation { logout { loggedOut } }`, {}, phone)).data.logout.loggedOut).toBe(true);
    expect((await app.gql(VIEWER, {}, phone)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await app.gql(VIEWER, {}, laptop)).data.viewer.kind).toBe("USER");
  });

  it("expire after 7 days, and refuse tampered tokens", async () => {
    await grantRole(app, { email: "later@example.com", role: "ADMIN" });
    const token = await login(app, mailbox, "later@example.com");
    const tampered = token.replace(/\.(\d+)\./, (_m, exp: string) => `.${Number(exp) + 86_400}.`);
    expect((await app.gql(VIEWER, {}, tampered)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 7 * 86_400_000 + 1_000 });
    expect((await app.gql(VIEWER, {}, token)).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("cannot log out an API key", async () => {
    const program = await createProgram(app);
    const res = await app.gql(`mutation { logout { loggedOut } }`, {}, program.secretKey);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("of a partner user lapse while the partner is disabled", async () => {
    const program = await createProgram(app);
    const partner = await createPartner(app, program.id);
    await grantRole(app, {
      email: "staffer@hotel.example",
      role: "PARTNER_USER",
      programId: program.id,
      partnerId: partner.id,
    });
    const token = await login(app, mailbox, "staffer@hotel.example");
    const mine = `query ($id: ID!) { partner(id: $id) { name } }`;
    expect((await app.gql(mine, { id: partner.id }, token)).data.partner).toBeTruthy();
    await app.gql(
      `mutation ($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }`,
      { id: partner.id },
    );
    expect((await app.gql(mine, { id: partner.id }, token)).errors?.[0]?.extensions?.code).toBe("PARTNER_NOT_FOUND");
    expect((await app.gql(VIEWER, {}, token)).data.viewer.roles).toEqual([]);
  });
});
