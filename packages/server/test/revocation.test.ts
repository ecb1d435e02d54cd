// Revocation reaches every instance and every live connection: a revoked key, a logged-out session, a disabled
// partner, a removed role and an expired session stop working over HTTP, close WebSockets with 4403 and end SSE
// streams with an error, within a second. With TEST_REDIS_URL the change is made on instance A and checked on
// instance B (two servers, one database); without it one server plays both. A query-count guard shows that a
// warm authenticated request reads no credential.

import { createClient } from "graphql-ws";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type App, startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import type { Database } from "../src/db/database.js";
import type { Mail } from "../src/domain/mail/outbox.js";
import { graphql } from "./gql/index.js";
import {
  ADMIN_KEY,
  CREATE_PARTNER,
  CREATE_PROGRAM,
  createTestDatabase,
  grantRole,
  login,
  ofType,
  postGql,
  type TestApp,
} from "./helpers.js";

/** Within this a revocation on one instance is in force on the other (the brief's bound, not a timing test). */
const DEADLINE_MS = 1000;

const VIEWER = graphql(/* typed-test-document */ `query RevocationViewer { viewer { kind roles { program { id } } } }`);
const REVOKE_KEY = graphql(/* typed-test-document */ `
  mutation RevocationRevokeKey($id: ID!) { revokePartnerApiKey(input: { partner: { id: $id } }) { __typename } }
`);
const DISABLE = graphql(/* typed-test-document */ `
  mutation RevocationDisable($id: ID!) { setPartnerStatus(input: { partner: { id: $id }, status: DISABLED }) { __typename } }
`);
const LOGOUT = graphql(/* typed-test-document */ `mutation RevocationLogout { logout { loggedOut } }`);
const REVOKE_ROLE = graphql(/* typed-test-document */ `
  mutation RevocationRevokeRole($id: ID!) { revokeRole(input: { id: $id }) { __typename } }
`);
const PARTNER_CHANGED = `subscription ($p: ID!) { partnerChanged(programId: $p) { type } }`;

const log = pino({ level: "silent" });
const mailbox: Mail[] = [];
let database: Database;
let statements = 0;
let a: TestApp;
let b: TestApp;
let programId: string;

async function start(env: Record<string, string> = {}): Promise<TestApp> {
  const redisUrl = process.env.TEST_REDIS_URL;
  const config = loadConfig({
    PORT: "0",
    HOST: "127.0.0.1",
    ADMIN_API_KEY: ADMIN_KEY,
    NODE_ENV: "test",
    ...(redisUrl && { REDIS_URL: redisUrl }),
    ...env,
  });
  const app: App = await startApp(config, { database, log, mailer: { send: async (m) => void mailbox.push(m) } });
  const graphqlUrl = `${app.url}/graphql`;
  return Object.assign(app, {
    graphqlUrl,
    gql: (document: never, variables?: never, key: string | null = ADMIN_KEY) =>
      postGql(graphqlUrl, document, variables, key),
  }) as unknown as TestApp;
}

beforeAll(async () => {
  database = await createTestDatabase({ onQuery: () => void statements++ });
  a = await start();
  b = process.env.TEST_REDIS_URL ? await start() : a;
  const created = await a.gql(CREATE_PROGRAM, {
    input: { name: "Revocation", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" },
  });
  programId = ofType(created.data.createProgram, "CreateProgramPayload").program.id;
});
afterAll(async () => {
  await a?.close();
  if (b !== a) await b?.close();
  await database?.close();
});

async function newPartner(name: string): Promise<{ id: string; apiKey: string }> {
  const res = await a.gql(CREATE_PARTNER, { input: { programId, name } });
  const payload = ofType(res.data.createPartner, "CreatePartnerPayload");
  return { id: payload.partner.id, apiKey: payload.apiKey };
}

/** A live partnerChanged subscription on instance B over graphql-ws; resolves with the socket's close code. */
function wsOn(app: TestApp, credential: string): { closed: Promise<number>; dispose: () => Promise<void> } {
  let closedWith!: (code: number) => void;
  const closed = new Promise<number>((resolve) => {
    closedWith = resolve;
  });
  const client = createClient({
    url: `${app.url.replace("http", "ws")}/graphql`,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${credential}` },
    on: { closed: (event) => closedWith((event as { code: number }).code) },
  });
  client.subscribe({ query: PARTNER_CHANGED, variables: { p: programId } }, { next() {}, error() {}, complete() {} });
  return { closed, dispose: () => client.dispose() as Promise<void> };
}

/** A live partnerChanged subscription on B over SSE; resolves with everything the stream sent until it ended. */
async function sseOn(app: TestApp, credential: string): Promise<{ ended: Promise<string>; abort: () => void }> {
  const abort = new AbortController();
  const res = await fetch(app.graphqlUrl, {
    method: "POST",
    signal: abort.signal,
    headers: { "content-type": "application/json", accept: "text/event-stream", authorization: `Bearer ${credential}` },
    body: JSON.stringify({ query: PARTNER_CHANGED, variables: { p: programId } }),
  });
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  const ended = (async () => {
    const reader = res.body!.getReader();
    let text = "";
    for (let read = await reader.read(); !read.done; read = await reader.read())
      text += new TextDecoder().decode(read.value);
    return text;
  })().catch(() => "aborted");
  return { ended, abort: () => abort.abort() };
}

async function listening(app: TestApp, count: number): Promise<void> {
  while (app.events.listenerCount() < count) await new Promise((r) => setTimeout(r, 10));
}

/** Resolves with the promise's value, or fails the test when the deadline passes first. */
function within<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`${what}: not within ${DEADLINE_MS} ms`)), DEADLINE_MS),
    ),
  ]);
}

/** Polls B until `refused` says the credential no longer works there. */
async function refusedOnB(credential: string, refused: (res: Awaited<ReturnType<typeof viewerOnB>>) => boolean) {
  for (;;) {
    if (refused(await viewerOnB(credential))) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
const viewerOnB = (credential: string) => b.gql(VIEWER, {}, credential);

/** Opens a WS and an SSE subscription on B as `credential`, runs `revoke` on A, expects both cut off and HTTP refused. */
async function expectCutOff(
  credential: string,
  revoke: () => Promise<unknown>,
  refused: (res: Awaited<ReturnType<typeof viewerOnB>>) => boolean,
  code: string,
) {
  expect(refused(await viewerOnB(credential))).toBe(false);
  const before = b.events.listenerCount();
  const ws = wsOn(b, credential);
  const sse = await sseOn(b, credential);
  await listening(b, before + 2);
  try {
    await revoke();
    await within(refusedOnB(credential, refused), "HTTP refused on B");
    expect(await within(ws.closed, "WebSocket closed")).toBe(4403);
    const text = await within(sse.ended, "SSE ended");
    expect(text).toContain(`"code":"${code}"`);
  } finally {
    sse.abort();
    await ws.dispose();
  }
}

const unauthenticated = (res: { errors?: { extensions?: { code?: unknown } }[] }) =>
  res.errors?.[0]?.extensions?.code === "UNAUTHENTICATED";

describe("revocation reaches every instance and live connection", () => {
  it("a revoked partner key", async () => {
    const partner = await newPartner("Revoked key");
    await expectCutOff(partner.apiKey, () => a.gql(REVOKE_KEY, { id: partner.id }), unauthenticated, "UNAUTHENTICATED");
  });

  it("a disabled partner's key", async () => {
    const partner = await newPartner("Disabled");
    await expectCutOff(
      partner.apiKey,
      () => a.gql(DISABLE, { id: partner.id }),
      (res) => res.errors?.[0]?.extensions?.code === "INSUFFICIENT_PARTNER_PERMISSIONS",
      "INSUFFICIENT_PARTNER_PERMISSIONS",
    );
  });

  it("a logged-out session", async () => {
    await grantRole(a, { email: "leaving@example.com", role: "PROGRAM_MANAGER", programId });
    const token = await login(a, mailbox, "leaving@example.com");
    await expectCutOff(token, () => a.gql(LOGOUT, {}, token), unauthenticated, "UNAUTHENTICATED");
  });

  it("a session whose role is removed", async () => {
    const grantId = await grantRole(a, { email: "demoted@example.com", role: "PROGRAM_MANAGER", programId });
    const token = await login(a, mailbox, "demoted@example.com");
    await expectCutOff(
      token,
      () => a.gql(REVOKE_ROLE, { id: grantId }),
      (res) => res.data?.viewer.roles.length === 0,
      "FORBIDDEN",
    );
  });

  it("a warm authenticated request reads no credential", async () => {
    const partner = await newPartner("Warm");
    await viewerOnB(partner.apiKey);
    const counted = statements;
    const res = await b.gql(
      graphql(/* typed-test-document */ `query RevocationTypename { __typename }`),
      {},
      partner.apiKey,
    );
    expect(res.data.__typename).toBe("Query");
    expect(statements - counted).toBe(0);
  });
});

describe("a session expiring mid-connection", () => {
  it("closes WebSockets with 4403 and ends SSE with an error", async () => {
    const short = await start({ SESSION_TTL_SECONDS: "2" });
    try {
      await grantRole(short, { email: "brief@example.com", role: "PROGRAM_MANAGER", programId });
      const token = await login(short, mailbox, "brief@example.com");
      const before = short.events.listenerCount();
      const ws = wsOn(short, token);
      const sse = await sseOn(short, token);
      await listening(short, before + 2);
      // No deadline here: the session ends when it ends; what matters is that both connections end with it.
      expect(await ws.closed).toBe(4403);
      expect(await sse.ended).toContain('"code":"UNAUTHENTICATED"');
      expect(unauthenticated(await short.gql(VIEWER, {}, token))).toBe(true);
      await ws.dispose();
    } finally {
      await short.close();
    }
  });
});
