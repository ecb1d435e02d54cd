// Composition root: database + events + auth + HTTP, started and stopped as one.
import pino, { type Logger } from "pino";
import type { Config } from "./config.js";
import { bootstrapAdminKey, createAuthenticator } from "./domain/auth/authenticate.js";
import { openDatabase, type Database } from "./db/database.js";
import { createEventBus, type EventBus } from "./events/bus.js";
import { createHttpServer, type HttpServer } from "./http/server.js";

export interface App {
  /** Base URL, e.g. http://localhost:4000. */
  url: string;
  http: HttpServer;
  database: Database;
  events: EventBus;
  log: Logger;
  /** The admin key minted on first start (no ADMIN_API_KEY and none stored yet); null otherwise. */
  bootstrapAdminKey: string | null;
  close(): Promise<void>;
}

export interface StartOptions {
  log?: Logger;
  /** Use an already open database (tests); otherwise config.database is opened and closed with the app. */
  database?: Database;
}

export async function startApp(config: Config, options: StartOptions = {}): Promise<App> {
  const log = options.log ?? pino({ level: config.logLevel, base: { service: "partnergraph" } });
  const sqlLog = config.logLevel === "trace" ? { onQuery: (e: { query: string; duration: number }) => log.trace({ sql: e.query, ms: e.duration }, "sql") } : {};
  const database = options.database ?? (await openDatabase(config.database, sqlLog));
  for (const name of database.migrations.applied) log.info({ migration: name }, "migration applied");
  for (const warning of database.migrations.warnings) log.warn(warning);

  const prisma = database.prisma;
  const events = createEventBus();
  const adminKey = await bootstrapAdminKey(prisma, config.adminApiKey);
  const http = createHttpServer({
    deps: { prisma, events },
    authenticator: createAuthenticator(prisma, config.adminApiKey),
    log,
    graphiql: config.graphiql,
    checkDatabase: async () => void (await prisma.$queryRaw`SELECT 1`),
  });
  const url = await http.listen(config.port, config.host);
  log.info({ url, graphql: `${url}/graphql`, database: database.target.kind }, "partnergraph listening");

  let closing: Promise<void> | undefined;
  return {
    url,
    http,
    database,
    events,
    log,
    bootstrapAdminKey: adminKey,
    close: () =>
      (closing ??= (async () => {
        await http.close();
        if (!options.database) await database.close();
      })()),
  };
}
