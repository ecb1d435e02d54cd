// Test fixtures: an isolated database per test file and a real HTTP server on a free port.
import { randomBytes } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { type App, type StartOptions, startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { type Database, type OpenOptions, openDatabase } from "../src/db/database.js";
import type { Mail } from "../src/domain/mail/outbox.js";

export const ADMIN_KEY = "pga_test-admin-key-0123456789abcdef";

/** PGlite in memory by default; a fresh PostgreSQL database (dropped afterwards) when TEST_DATABASE_URL is set. */
export async function createTestDatabase(options: OpenOptions = {}): Promise<Database> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return openDatabase({ kind: "pglite", dataDir: "memory://" }, options);

  const name = `pg_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: "postgres", url: url.toString() }, options);
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

export interface TestApp extends App {
  graphqlUrl: string;
  /** POST a GraphQL operation over real HTTP. */
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    key?: string | null,
  ): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export interface TestAppOptions extends OpenOptions, Pick<StartOptions, "rateLimiter"> {
  /** Receives every email the app sends. */
  mailbox?: Mail[];
}

export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", ADMIN_API_KEY: ADMIN_KEY, NODE_ENV: "test", ...env });
  const mailbox = options.mailbox;
  const app = await startApp(config, {
    database,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }),
    ...(mailbox && { mailer: { send: async (mail: Mail) => void mailbox.push(mail) } }),
    ...(options.rateLimiter && { rateLimiter: options.rateLimiter }),
  });
  const graphqlUrl = `${app.url}/graphql`;
  const closeApp = app.close;
  return Object.assign(app, {
    graphqlUrl,
    async close() {
      await closeApp();
      await database.close();
    },
    async gql<T>(query: string, variables?: Record<string, unknown>, key: string | null = ADMIN_KEY) {
      const res = await fetch(graphqlUrl, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResponse<T>, "status">;
      return { status: res.status, ...body };
    },
  });
}

export const CREATE_PROGRAM = /* GraphQL */ `
  mutation ($input: CreateProgramInput!) {
    createProgram(input: $input) {
      __typename
      ... on CreateProgramPayload { secretKey program { id name currency pointsPerCurrencyUnit timezone } }
      ... on Error { code message }
      ... on ValidationError { issues { path message } }
    }
  }
`;

export const CREATE_PARTNER = /* GraphQL */ `
  mutation ($input: CreatePartnerInput!) {
    createPartner(input: $input) {
      __typename
      ... on CreatePartnerPayload {
        apiKey
        partner { id name description externalId category { id name } status pointConversionRate effectivePointConversionRate costPerPoint { amount currency } }
      }
      ... on Error { code message }
      ... on ValidationError { issues { path message } }
      ... on ConflictError { path }
    }
  }
`;

/** Creates a program as admin and returns its global id and secret key. */
export async function createProgram(app: TestApp, input: Partial<Record<string, unknown>> = {}) {
  const res = await app.gql(CREATE_PROGRAM, {
    input: { name: "Coffee Club", currency: "EUR", pointsPerCurrencyUnit: "2", timezone: "Europe/Vilnius", ...input },
  });
  const result = res.data.createProgram;
  if (result?.__typename !== "CreateProgramPayload") throw new Error(`createProgram failed: ${JSON.stringify(res)}`);
  return { id: result.program.id as string, secretKey: result.secretKey as string, program: result.program };
}

export async function createPartner(
  app: TestApp,
  programId: string,
  input: Partial<Record<string, unknown>> = {},
  key: string = ADMIN_KEY,
) {
  const res = await app.gql(CREATE_PARTNER, { input: { programId, name: "Hotel Neris", ...input } }, key);
  const result = res.data?.createPartner;
  if (result?.__typename !== "CreatePartnerPayload") throw new Error(`createPartner failed: ${JSON.stringify(res)}`);
  return { id: result.partner.id as string, apiKey: result.apiKey as string, partner: result.partner };
}

export async function createCategory(
  app: TestApp,
  programId: string,
  name: string,
  key: string = ADMIN_KEY,
): Promise<string> {
  const res = await app.gql(
    `mutation ($input: CreatePartnerCategoryInput!) { createPartnerCategory(input: $input) { __typename ... on CreatePartnerCategoryPayload { category { id } } ... on Error { code message } } }`,
    { input: { programId, name } },
    key,
  );
  const result = res.data?.createPartnerCategory;
  if (result?.__typename !== "CreatePartnerCategoryPayload")
    throw new Error(`createPartnerCategory failed: ${JSON.stringify(res)}`);
  return result.category.id as string;
}

/**
 * The login code mailed to `email` after the first `since` mails. The mail may still be in flight from another
 * delivery run (the poller, or a parallel login's flush), so this flushes and waits for it (up to 5 seconds).
 */
export async function mailedLoginCode(app: TestApp, mailbox: Mail[], email: string, since: number): Promise<string> {
  const mailed = () => /\b(\d{6})\b/.exec(mailbox.slice(since).find((m) => m.to === email)?.text ?? "")?.[1];
  const deadline = Date.now() + 5_000;
  await app.flushMail();
  while (!mailed() && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
    await app.flushMail();
  }
  const code = mailed();
  if (!code) throw new Error(`no login code was mailed to ${email}`);
  return code;
}

/** Logs a person in through the public API: requests a code, reads it from the mailbox, verifies it. */
export async function login(app: TestApp, mailbox: Mail[], email: string): Promise<string> {
  const seen = mailbox.length;
  await app.gql(`mutation ($e: String!) { requestLoginCode(input: { email: $e }) { __typename } }`, { e: email }, null);
  const code = await mailedLoginCode(app, mailbox, email, seen);
  const res = await app.gql(
    `mutation ($e: String!, $c: String!) { verifyLoginCode(input: { email: $e, code: $c }) { __typename ... on LoginPayload { token } ... on Error { code } } }`,
    { e: email, c: code },
    null,
  );
  if (res.data?.verifyLoginCode?.__typename !== "LoginPayload") throw new Error(`login failed: ${JSON.stringify(res)}`);
  return res.data.verifyLoginCode.token as string;
}

/** Gives an email a role through the public API (as admin unless another key is given). */
export async function grantRole(
  app: TestApp,
  input: { email: string; role: string; programId?: string; partnerId?: string },
  key: string = ADMIN_KEY,
) {
  const res = await app.gql(
    `mutation ($input: GrantRoleInput!) { grantRole(input: $input) { __typename ... on GrantRolePayload { roleGrant { id } } ... on Error { code message } } }`,
    { input },
    key,
  );
  if (res.data?.grantRole?.__typename !== "GrantRolePayload")
    throw new Error(`grantRole failed: ${JSON.stringify(res)}`);
  return res.data.grantRole.roleGrant.id as string;
}
