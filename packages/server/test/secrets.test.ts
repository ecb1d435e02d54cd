// A read of the database is not a login (issue 12 item 4): login codes leave no usable trace once mailed,
// server secrets are sealed under SECRETS_KEY (kept outside the database), and clear or old-key rows are
// re-sealed at start. Also: no login codes without a way to mail them in production, and who may introspect.
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { signSessionToken } from "../src/domain/auth/sessions.js";
import { createSealer, isSealed } from "../src/domain/kernel/seal.js";
import type { Mail } from "../src/domain/mail/outbox.js";
import { createLogMailer } from "../src/mailers.js";
import { graphql } from "./gql/index.js";
import {
  ADMIN_KEY,
  createTestDatabase,
  grantRole,
  login,
  postGql,
  REQUEST_LOGIN_CODE,
  startTestApp,
  type TestApp,
  testSealer,
} from "./helpers.js";

const VIEWER = graphql(`query SecretsViewer { viewer { kind user { email } } }`);
const INTROSPECT = graphql(`query SecretsIntrospect { __schema { queryType { name } } }`);
const TYPENAME = graphql(`query SecretsTypename { __typename }`);

/** Every text value of every column of every table, as a database reader would dump them. */
async function dumpDatabase(app: TestApp): Promise<string[]> {
  const prisma = app.database.prisma;
  const columns = await prisma.$queryRaw<{ table_name: string; column_name: string }[]>`
    SELECT table_name, column_name FROM information_schema.columns
    WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`;
  expect(columns.some((c) => c.table_name === "OutboxEmail")).toBe(true);
  const values: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await prisma.$queryRawUnsafe<{ v: string | null }[]>(
      `SELECT "${column_name}"::text AS v FROM "${table_name}"`,
    );
    for (const { v } of rows) if (v !== null) values.push(v);
  }
  return values;
}

/** Session ids in the database, and a token forged for each with `key`. */
async function forgedTokens(app: TestApp, key: Buffer): Promise<string[]> {
  const sessions = await app.database.prisma.session.findMany({ select: { id: true } });
  expect(sessions.length).toBeGreaterThan(0);
  const expiresAt = new Date(Date.now() + 3_600_000);
  return sessions.map((s) => signSessionToken(key, { sessionId: s.id, expiresAt }));
}

describe("a database reader", () => {
  let app: TestApp;
  const mailbox: Mail[] = [];
  let token: string;
  let code: string;

  beforeAll(async () => {
    app = await startTestApp({}, { mailbox });
    await grantRole(app, { email: "reader@example.com", role: "ADMIN" });
    token = await login(app, mailbox, "reader@example.com");
    // A second code, mailed and not used: still valid, so it must not be readable either.
    await app.gql(REQUEST_LOGIN_CODE, { e: "reader@example.com" }, null);
    const deadline = Date.now() + 5_000;
    while (mailbox.length < 2 && Date.now() < deadline) await app.flushMail();
    code = /\b(\d{6})\b/.exec(mailbox[1]?.text ?? "")?.[1] ?? "";
    expect(code).toMatch(/^\d{6}$/);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("finds no login code and no session token in any table once the mail is delivered", async () => {
    expect((await app.gql(VIEWER, {}, token)).data.viewer.kind).toBe("USER");
    const values = await dumpDatabase(app);
    const mail = await app.database.prisma.outboxEmail.findMany();
    expect(mail.every((m) => m.sentAt !== null && m.sealed === null)).toBe(true);
    for (const value of values) {
      expect(value).not.toContain(code);
      expect(value).not.toContain(token);
      expect(value).not.toContain(token.split(".").at(-1));
    }
  });

  it("cannot forge a session from the database's contents", async () => {
    const values = await dumpDatabase(app);
    const candidateKeys = values.flatMap((v) => [Buffer.from(v, "base64url"), Buffer.from(v)]);
    for (const key of candidateKeys) {
      for (const forged of await forgedTokens(app, key)) {
        const res = await app.gql(VIEWER, {}, forged);
        expect(res.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      }
    }
    // The holder of SECRETS_KEY can: the refusal above is the key's absence, not a broken forgery.
    const sealed = await app.database.prisma.serverSecret.findUniqueOrThrow({ where: { name: "session-signing" } });
    expect(isSealed(sealed.value)).toBe(true);
    const key = testSealer().open(sealed.value, "server-secret:session-signing")?.value;
    const [forged] = await forgedTokens(app, key as Buffer);
    expect((await app.gql(VIEWER, {}, forged)).data.viewer.kind).toBe("USER");
  });
});

describe("SECRETS_KEY", () => {
  const base = { PORT: "0", HOST: "127.0.0.1", ADMIN_API_KEY: ADMIN_KEY, NODE_ENV: "test" };
  const silent = pino({ level: "silent" });
  const oldKey = randomBytes(32);
  const newKey = randomBytes(32);

  it("seals clear rows at first start, keeps their value, and a copy of the database without the key gives no login", async () => {
    const database = await createTestDatabase();
    try {
      const signing = randomBytes(32);
      await database.prisma.serverSecret.create({
        data: { name: "session-signing", value: signing.toString("base64url") },
      });
      const env = { ...base, SECRETS_KEY: oldKey.toString("base64") };
      const app = await startApp(loadConfig(env), { database, log: silent });
      const row = await database.prisma.serverSecret.findUniqueOrThrow({ where: { name: "session-signing" } });
      expect(isSealed(row.value)).toBe(true);
      expect(createSealer({ current: oldKey }).open(row.value, "server-secret:session-signing")?.value).toEqual(
        signing,
      );
      await app.close();

      const stolen = startApp(loadConfig({ ...base, SECRETS_KEY: randomBytes(32).toString("base64") }), {
        database,
        log: silent,
      });
      await expect(stolen).rejects.toThrow(/does not open with SECRETS_KEY/);
    } finally {
      await database.close();
    }
  });

  it("rotates: the previous key opens during the grace period and the server re-seals with the new one", async () => {
    const database = await createTestDatabase();
    const mailbox: Mail[] = [];
    try {
      const first = await startApp(loadConfig({ ...base, SECRETS_KEY: oldKey.toString("base64") }), {
        database,
        log: silent,
        mailer: { send: async (m) => void mailbox.push(m) },
      });
      const asTestApp = Object.assign(first, {
        gql: (doc: never, vars?: never, key: string | null = ADMIN_KEY) =>
          postGql(`${first.url}/graphql`, doc, vars, key),
      }) as unknown as TestApp;
      await grantRole(asTestApp, { email: "rotate@example.com", role: "ADMIN" });
      const token = await login(asTestApp, mailbox, "rotate@example.com");
      await first.close();

      const rotated = await startApp(
        loadConfig({
          ...base,
          SECRETS_KEY: newKey.toString("base64"),
          SECRETS_KEY_PREVIOUS: oldKey.toString("base64"),
        }),
        { database, log: silent },
      );
      const res = await postGql(`${rotated.url}/graphql`, VIEWER, {}, token);
      expect(res.data.viewer.user?.email).toBe("rotate@example.com");
      await rotated.close();
      for (const row of await database.prisma.serverSecret.findMany()) {
        expect(createSealer({ current: newKey }).open(row.value, `server-secret:${row.name}`)).not.toBeNull();
      }
      // After the grace period the old key can go: the new one alone opens everything.
      const after = await startApp(loadConfig({ ...base, SECRETS_KEY: newKey.toString("base64") }), {
        database,
        log: silent,
      });
      expect((await postGql(`${after.url}/graphql`, VIEWER, {}, token)).data.viewer.kind).toBe("USER");
      await after.close();
    } finally {
      await database.close();
    }
  });
});

describe("login codes without SMTP_URL", () => {
  it("are refused in production with MAIL_NOT_CONFIGURED, and nothing is stored", async () => {
    const app = await startTestApp({ NODE_ENV: "production" });
    try {
      await grantRole(app, { email: "prod@example.com", role: "ADMIN" });
      const res = await app.gql(REQUEST_LOGIN_CODE, { e: "prod@example.com" }, null);
      expect(res.errors?.[0]?.extensions?.code).toBe("MAIL_NOT_CONFIGURED");
      expect(res.errors?.[0]?.message).toContain("SMTP_URL");
      expect(await app.database.prisma.loginCode.count()).toBe(0);
      expect(await app.database.prisma.outboxEmail.count()).toBe(0);
    } finally {
      await app.close();
    }
  });

  it("are logged in development at warn level, so LOG_LEVEL=warn still shows them", async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    await createLogMailer(pino({ level: "warn" }, sink)).send({
      to: "dev@example.com",
      subject: "Your Partnergraph login code: 123456",
      text: "Your login code is 123456.",
    });
    expect(lines.join("")).toContain("123456");
  });
});

describe("introspection", () => {
  const apps: TestApp[] = [];
  afterAll(async () => {
    for (const app of apps) await app.close();
  });
  const start = async (env: Record<string, string>) => {
    const app = await startTestApp(env);
    apps.push(app);
    return app;
  };

  it("is open to everyone in development", async () => {
    const app = await start({ NODE_ENV: "development" });
    expect((await app.gql(INTROSPECT, {}, null)).data.__schema.queryType.name).toBe("Query");
  });

  it("needs a credential in production by default; __typename stays open", async () => {
    const app = await start({ NODE_ENV: "production" });
    const anonymous = await app.gql(INTROSPECT, {}, null);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.data?.__schema).toBeUndefined();
    expect((await app.gql(INTROSPECT, {}, ADMIN_KEY)).data.__schema.queryType.name).toBe("Query");
    expect((await app.gql(TYPENAME, {}, null)).data.__typename).toBe("Query");
  });

  it("is refused to everyone with INTROSPECTION=off", async () => {
    const app = await start({ NODE_ENV: "production", INTROSPECTION: "off" });
    expect((await app.gql(INTROSPECT, {}, ADMIN_KEY)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
