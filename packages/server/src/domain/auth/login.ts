// Passwordless login: a 6-digit code by email (valid 10 minutes, single use, at most 5 attempts, at most
// 5 requests per email per hour), exchanged for a signed, expiring, revocable session token. Accounts and
// members (a program's customers, known by email) may log in; a member's account is created at first login.
import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { User } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import {
  AuthError,
  ErrorCode,
  InvalidLoginCodeError,
  MailNotConfiguredError,
  QuotaExceededError,
} from "../kernel/errors.js";
import type { Sealer } from "../kernel/seal.js";
import { parseInput } from "../kernel/values.js";
import { enqueueMail } from "../mail/outbox.js";
import { audit } from "../programs/audit.js";
import { signSessionToken } from "./sessions.js";

export const LOGIN_CODE_TTL_MS = 10 * 60 * 1000;
export const LOGIN_CODE_MAX_ATTEMPTS = 5;
export const LOGIN_CODE_REQUESTS_PER_HOUR = 5;

export interface LoginSecrets {
  /** Signs session tokens and login-code hashes. */
  session: Buffer;
  /** Seals the code in the outbox (SECRETS_KEY). */
  sealer: Sealer;
  /** False in production without SMTP_URL: a code would have no way out but the log, so none is issued. */
  canMail: boolean;
  /** How long a session lasts (SESSION_TTL_SECONDS); travels with the signing key to where sessions are made. */
  sessionTtlMs: number;
}

export const email = z.string().trim().toLowerCase().pipe(z.email("must be an email address"));

/** Always answers the same way whether or not the email has an account, so accounts cannot be discovered. */
export async function requestLoginCode(
  call: Call,
  secrets: LoginSecrets,
  input: { email: string },
): Promise<{ expiresAt: Date }> {
  const { email: address } = parseInput(z.object({ email }), input);
  if (!secrets.canMail) throw new MailNotConfiguredError();
  const now = Date.now();
  const recent = await call.prisma.loginCode.findMany({
    where: { email: address, createdAt: { gt: new Date(now - 3_600_000) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (recent.length >= LOGIN_CODE_REQUESTS_PER_HOUR) {
    const retryAfter = Math.ceil((recent[0]!.createdAt.getTime() + 3_600_000 - now) / 1000);
    throw new QuotaExceededError("Too many login codes requested for this email; try again later", retryAfter);
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now + LOGIN_CODE_TTL_MS);
  await call.prisma.$transaction(async (tx) => {
    await tx.loginCode.create({ data: { email: address, codeHash: codeHash(secrets, address, code), expiresAt } });
    if (await canLogIn(tx, address)) {
      await enqueueMail(tx, secrets.sealer, {
        to: address,
        subject: "Your Partnergraph login code: {secret}",
        text: "Your login code is {secret}. It is valid for 10 minutes and can be used once.\nIf you did not ask for it, ignore this email.",
        secret: code,
      });
    }
  });
  return { expiresAt };
}

export async function verifyLoginCode(
  call: Call,
  secrets: LoginSecrets,
  input: { email: string; code: string },
): Promise<{ token: string; expiresAt: Date; user: User }> {
  const { email: address, code } = parseInput(z.object({ email, code: z.string().trim() }), input);
  const candidate = await call.prisma.loginCode.findFirst({
    where: { email: address, consumedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
  });
  if (!candidate) throw new InvalidLoginCodeError();
  // Count the attempt before judging it, atomically, so parallel guesses cannot exceed the limit.
  const counted = await call.prisma.loginCode.updateMany({
    where: { id: candidate.id, consumedAt: null, attempts: { lt: LOGIN_CODE_MAX_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) throw new InvalidLoginCodeError("Too many attempts; request a new code");
  if (!/^\d{6}$/.test(code) || !sameHash(candidate.codeHash, codeHash(secrets, address, code)))
    throw new InvalidLoginCodeError();

  return call.prisma.$transaction(async (tx) => {
    const consumed = await tx.loginCode.updateMany({
      where: { id: candidate.id, consumedAt: null },
      data: { consumedAt: new Date() },
    });
    if (consumed.count !== 1 || !(await canLogIn(tx, address))) throw new InvalidLoginCodeError();
    // A member's first login creates their account: the code proved they own the email.
    const user = await tx.user.upsert({ where: { email: address }, create: { email: address }, update: {} });
    const expiresAt = new Date(Date.now() + secrets.sessionTtlMs);
    const session = await tx.session.create({ data: { userId: user.id, expiresAt } });
    const updated = await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    const asUser = {
      principal: { kind: "user" as const, id: user.id, sessionId: session.id, email: user.email, grants: [] },
      requestId: call.requestId,
    };
    await audit(tx, asUser, { action: "user.login", targetType: "Session", targetId: session.id, programId: null });
    return { token: signSessionToken(secrets.session, { sessionId: session.id, expiresAt }), expiresAt, user: updated };
  });
}

/** Revokes the calling session everywhere. */
export async function logout(call: Call): Promise<void> {
  const p = call.principal;
  if (p.kind !== "user")
    throw new AuthError(ErrorCode.FORBIDDEN, "Only a login session can log out; revoke or rotate keys instead");
  await call.prisma.$transaction(async (tx) => {
    await tx.session.updateMany({ where: { id: p.sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
    await audit(tx, call, { action: "user.logout", targetType: "Session", targetId: p.sessionId, programId: null });
  });
  call.events.publishCredentials({ sessionIds: [p.sessionId] });
}

/** Who may log in: people with an account, and members of any program (a program's customers, by email). */
async function canLogIn(tx: Tx, address: string): Promise<boolean> {
  if (await tx.user.findUnique({ where: { email: address }, select: { id: true } })) return true;
  return (await tx.member.findFirst({ where: { email: address }, select: { id: true } })) !== null;
}

function codeHash(secrets: LoginSecrets, address: string, code: string): string {
  return createHmac("sha256", secrets.session).update(`login-code:${address}:${code}`).digest("hex");
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
