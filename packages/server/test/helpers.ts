// Test fixtures: an isolated database per test file and a real HTTP server on a free port.
import { randomBytes } from "node:crypto";
import pg from "pg";
import pino from "pino";
import { startApp, type App } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { openDatabase, type Database, type OpenOptions } from "../src/db/database.js";

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
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, key?: string | null): Promise<GqlResponse<T>>;
}

export interface GqlResponse<T> {
  status: number;
  data: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string; [k: string]: unknown } }[];
}

export async function startTestApp(env: Record<string, string> = {}, options: OpenOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const config = loadConfig({ PORT: "0", HOST: "127.0.0.1", ADMIN_API_KEY: ADMIN_KEY, NODE_ENV: "test", ...env });
  const app = await startApp(config, { database, log: pino({ level: process.env.TEST_LOG_LEVEL ?? "silent" }) });
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

export async function createPartner(app: TestApp, programId: string, input: Partial<Record<string, unknown>> = {}, key: string = ADMIN_KEY) {
  const res = await app.gql(CREATE_PARTNER, { input: { programId, name: "Hotel Neris", ...input } }, key);
  const result = res.data?.createPartner;
  if (result?.__typename !== "CreatePartnerPayload") throw new Error(`createPartner failed: ${JSON.stringify(res)}`);
  return { id: result.partner.id as string, apiKey: result.apiKey as string, partner: result.partner };
}

export async function createCategory(app: TestApp, programId: string, name: string, key: string = ADMIN_KEY): Promise<string> {
  const res = await app.gql(
    `mutation ($input: CreatePartnerCategoryInput!) { createPartnerCategory(input: $input) { __typename ... on CreatePartnerCategoryPayload { category { id } } ... on Error { code message } } }`,
    { input: { programId, name } },
    key,
  );
  const result = res.data?.createPartnerCategory;
  if (result?.__typename !== "CreatePartnerCategoryPayload") throw new Error(`createPartnerCategory failed: ${JSON.stringify(res)}`);
  return result.category.id as string;
}
