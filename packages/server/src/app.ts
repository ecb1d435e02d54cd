// Composition root: database, events, auth, rate limits, mail and HTTP, started and stopped as one.
import pino, { type Logger } from "pino";
import type { Config } from "./config.js";
import { type Database, openDatabase } from "./db/database.js";
import { bootstrapAdminKey, createAuthenticator } from "./domain/auth/authenticate.js";
import { serverSecret } from "./domain/auth/secrets.js";
import { createSealer } from "./domain/kernel/seal.js";
import { uuidv7 } from "./domain/kernel/uuid.js";
import { registerLoyaltyHooks } from "./domain/loyalty/hooks.js";
import { deliverOutbox, type Mailer } from "./domain/mail/outbox.js";
import { type ClickRecorder, createClickRecorder } from "./domain/referrals/clicks.js";
import { createEventBus, type EventBus } from "./events/bus.js";
import { redisEventTarget } from "./events/redis-event-target.js";
import { clientAddressOf } from "./http/client-address.js";
import { createRateLimiter, type RateLimiter } from "./http/rate-limit.js";
import { createRedirectHandler } from "./http/redirect.js";
import { createHttpServer, type HttpServer } from "./http/server.js";
import { createLogMailer, createSmtpMailer } from "./mailers.js";
import { connectRedis } from "./redis.js";
import { resolveSecretsKeys } from "./secrets-key.js";

const MAIL_POLL_MS = 1000;

export interface App {
  /** Base URL, e.g. http://localhost:4000. */
  url: string;
  http: HttpServer;
  database: Database;
  events: EventBus;
  log: Logger;
  /** The admin key minted on first start (no ADMIN_API_KEY and none stored yet); null otherwise. */
  bootstrapAdminKey: string | null;
  /** The group-committed click writer behind /r/<code>. */
  clicks: ClickRecorder;
  /** Delivers due outbox mail now instead of at the next poll. */
  flushMail(): Promise<number>;
  close(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  /** Use an already open database (tests); otherwise config.database is opened and closed with the app. */
  database?: Database;
  /** Where outbox mail goes (tests capture it); default SMTP_URL, or the log. */
  mailer?: Mailer;
  rateLimiter?: RateLimiter;
}

export async function startApp(config: Config, options: StartOptions = {}): Promise<App> {
  const log = options.log ?? pino({ level: config.logLevel, base: { service: "partnergraph" } });
  const sqlLog =
    config.logLevel === "trace"
      ? { onQuery: (e: { query: string; duration: number }) => log.trace({ sql: e.query, ms: e.duration }, "sql") }
      : {};
  const database = options.database ?? (await openDatabase(config.database, sqlLog));
  for (const name of database.migrations.applied) log.info({ migration: name }, "migration applied");
  for (const warning of database.migrations.warnings) log.warn(warning);

  // Before anything can write: areas react to each other's changes inside the writer's transaction.
  registerLoyaltyHooks();
  const prisma = database.prisma;
  const redis = config.redisUrl
    ? connectRedis({ url: config.redisUrl, commandTimeoutMs: config.redisCommandTimeoutMs }, log)
    : undefined;
  await redis?.ready(config.redisCommandTimeoutMs * 4);
  // With Redis, events cross instances: a subscriber on one instance hears commits made on another.
  const events = createEventBus(redis && redisEventTarget(redis));
  const sealer = createSealer(await resolveSecretsKeys(config.secretsKey, log));
  // Production without SMTP would have only the log for login codes: refuse them instead (development logs them).
  const canMail = Boolean(options.mailer ?? config.smtpUrl) || !config.production;
  const secrets = {
    session: await serverSecret(prisma, sealer, "session-signing"),
    sealer,
    canMail,
    sessionTtlMs: config.sessionTtlMs,
  };
  const clicks = createClickRecorder({
    prisma,
    sql: database.sql,
    events,
    log,
    ipSalt: await serverSecret(prisma, sealer, "click-ip-salt"),
    newId: () => uuidv7(),
  });
  const adminKey = await bootstrapAdminKey(prisma, config.adminApiKey);
  const mailer =
    options.mailer ?? (config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.mailFrom) : createLogMailer(log));
  const flushMail = () => deliverOutbox(prisma, mailer, sealer);
  const mailTimer = setInterval(
    () => flushMail().catch((err: unknown) => log.error({ err }, "mail delivery failed")),
    MAIL_POLL_MS,
  );
  mailTimer.unref();

  const clientAddress = clientAddressOf(config.trustedIpHeader);
  const http = createHttpServer({
    deps: { prisma, bulkPrisma: database.bulkPrisma, events },
    authenticator: createAuthenticator(prisma, events, {
      adminApiKey: config.adminApiKey,
      sessionSecret: secrets.session,
    }),
    rateLimiter: options.rateLimiter ?? createRateLimiter(redis?.commands),
    secrets,
    log,
    graphiql: config.graphiql,
    publicUrl: config.publicUrl,
    production: config.production,
    introspection: config.introspection,
    clientAddress,
    limits: config.limits,
    corsOrigins: config.corsOrigins,
    health: {
      checkDatabase: async () => void (await prisma.$queryRaw`SELECT 1`),
      checkRedis: redis?.ping,
    },
    redirect: createRedirectHandler({
      recorder: clicks,
      log,
      trustedCountryHeader: config.trustedCountryHeader,
      clientAddress,
    }),
  });
  const url = await http.listen(config.port, config.host);
  log.info(
    { url, graphql: `${url}/graphql`, database: database.target.kind, redis: Boolean(redis) },
    "partnergraph listening",
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    http,
    database,
    events,
    log,
    bootstrapAdminKey: adminKey,
    clicks,
    flushMail,
    close: () =>
      (closing ??= (async () => {
        clearInterval(mailTimer);
        await http.close();
        await clicks.close(); // in-flight redirects have had their clicks written; drain anything queued
        redis?.close();
        if (!options.database) await database.close();
      })()),
  };
}
