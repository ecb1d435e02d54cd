// Environment → typed, validated configuration. The one place for defaults.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";
import type { DatabaseTarget } from "./db/database.js";
import type { CorsOrigins } from "./http/cors.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** Who may run introspection queries (`__schema`, `__type`). */
const INTROSPECTION_MODES = ["all", "authenticated", "off"] as const;
export type IntrospectionMode = (typeof INTROSPECTION_MODES)[number];

const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const optionalUrl = (protocols: string[]) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .url({ message: `must be a URL (${protocols.join(", ")})` })
      .refine((u) => URL.canParse(u) && protocols.includes(new URL(u).protocol), `must use ${protocols.join(" or ")}`)
      .optional(),
  );

const milliseconds = (fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: "must be a number of milliseconds" }).int().min(1).max(3_600_000).default(fallback),
  );

const positiveInt = (fallback: number) =>
  z.preprocess(emptyAsUndefined, z.coerce.number({ message: "must be a number" }).int().min(1).default(fallback));

/** What a hostile or broken client may hold of the server: body sizes, socket frames, socket counts and times. */
const LIMIT_VARIABLES = {
  MAX_BODY_BYTES: positiveInt(1024 * 1024),
  MAX_UPLOAD_BYTES: positiveInt(5 * 1024 * 1024 + 64 * 1024),
  WS_MAX_PAYLOAD_BYTES: positiveInt(1024 * 1024),
  WS_INIT_TIMEOUT_MS: milliseconds(3_000),
  WS_KEEPALIVE_MS: milliseconds(12_000),
  WS_IDLE_TIMEOUT_MS: milliseconds(60_000),
  WS_MAX_SOCKETS_PER_ADDRESS: positiveInt(50),
};

const EnvSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(["development", "production", "test"]).default("development")),
  PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce.number({ message: "must be a port number (0-65535)" }).int().min(0).max(65535).default(4000),
  ),
  HOST: z.preprocess(emptyAsUndefined, z.string().default("0.0.0.0")),
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default("./.data")),
  DATABASE_CONNECT_TIMEOUT_MS: milliseconds(2000),
  DATABASE_STATEMENT_TIMEOUT_MS: milliseconds(5000),
  DATABASE_BULK_STATEMENT_TIMEOUT_MS: milliseconds(300_000),
  REDIS_URL: optionalUrl(["redis:", "rediss:"]),
  REDIS_COMMAND_TIMEOUT_MS: milliseconds(500),
  ADMIN_API_KEY: z.preprocess(emptyAsUndefined, z.string().min(24, "must be at least 24 characters").optional()),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS).default("info")),
  PUBLIC_URL: optionalUrl(["http:", "https:"]),
  SMTP_URL: optionalUrl(["smtp:", "smtps:"]),
  SESSION_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(365 * 24 * 3600)
    .default(7 * 24 * 3600),
  MAIL_FROM: z.preprocess(emptyAsUndefined, z.string().default("Partnergraph <no-reply@localhost>")),
  TRUSTED_COUNTRY_HEADER: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "must be an HTTP header name")
      .optional(),
  ),
  CORS_ORIGINS: z.preprocess(
    (v) => (typeof v === "string" && v.trim() !== "" ? v.split(",").map((o) => o.trim()) : undefined),
    z
      .array(
        z.union([
          z.literal("*"),
          z
            .url({ message: "must be origins (https://app.example.com) or *, comma-separated" })
            .refine(
              (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol) && new URL(u).origin === u,
              "must be an origin: http(s)://host[:port], no path",
            ),
        ]),
      )
      .optional(),
  ),
  TRUSTED_IP_HEADER: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-]+$/, "must be an HTTP header name")
      .optional(),
  ),
  SECRETS_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  SECRETS_KEY_FILE: z.preprocess(emptyAsUndefined, z.string().optional()),
  SECRETS_KEY_PREVIOUS: z.preprocess(emptyAsUndefined, z.string().optional()),
  INTROSPECTION: z.preprocess(emptyAsUndefined, z.enum(INTROSPECTION_MODES).optional()),
  ...LIMIT_VARIABLES,
});

/** Where the key that seals server secrets comes from: given (SECRETS_KEY[_FILE]) or a file the server creates. */
export type SecretsKeySource =
  | { kind: "given"; current: Buffer; previous?: Buffer }
  | { kind: "generated"; file: string; previous?: Buffer };

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: DatabaseTarget;
  redisUrl: string | undefined;
  /** A Redis command not answered by then fails (and the rate limiter uses its in-process budget). */
  redisCommandTimeoutMs: number;
  adminApiKey: string | undefined;
  logLevel: (typeof LOG_LEVELS)[number];
  publicUrl: string;
  /** GraphiQL is served outside production. */
  graphiql: boolean;
  production: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** How long a login session lasts (SESSION_TTL_SECONDS, default 7 days); live connections close at its end. */
  sessionTtlMs: number;
  /** Header a trusted proxy sets with the visitor's ISO country code; clicks record no country without it. */
  trustedCountryHeader: string | undefined;
  /** Header a trusted proxy sets with the visitor's IP (first address used); the socket address without it. */
  trustedIpHeader: string | undefined;
  /** Origins whose pages may call the API: any in development, none in production, unless CORS_ORIGINS says. */
  corsOrigins: CorsOrigins;
  limits: Limits;
  secretsKey: SecretsKeySource;
  introspection: IntrospectionMode;
}

export interface Limits {
  /** GraphQL request bodies (JSON and the like), refused with 413 before they are read whole. */
  bodyBytes: number;
  /** GraphQL multipart requests (file uploads: imports), likewise. */
  uploadBytes: number;
  /** The largest WebSocket frame or message accepted (ws closes the socket with 1009 beyond it). */
  wsMaxPayloadBytes: number;
  /** How long a WebSocket may take to send connection_init (graphql-ws closes with 4408). */
  wsInitTimeoutMs: number;
  /** Ping interval; a peer that does not answer a ping within it is terminated. */
  wsKeepAliveMs: number;
  /** How long a WebSocket may stay open without any operation running (closed with 1000). */
  wsIdleTimeoutMs: number;
  /** Concurrent WebSockets per client address (more are closed with 1008). */
  wsMaxSocketsPerAddress: number;
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  const secretsKey = secretsKeyOf(e);
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? {
          kind: "postgres",
          url: e.DATABASE_URL,
          timeouts: {
            connectMs: e.DATABASE_CONNECT_TIMEOUT_MS,
            statementMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
            bulkStatementMs: e.DATABASE_BULK_STATEMENT_TIMEOUT_MS,
          },
        }
      : { kind: "pglite", dataDir: resolve(e.DATA_DIR, "pglite") },
    redisUrl: e.REDIS_URL,
    redisCommandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS,
    adminApiKey: e.ADMIN_API_KEY,
    logLevel: e.LOG_LEVEL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    graphiql: e.NODE_ENV !== "production",
    production: e.NODE_ENV === "production",
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    sessionTtlMs: e.SESSION_TTL_SECONDS * 1000,
    trustedCountryHeader: e.TRUSTED_COUNTRY_HEADER,
    trustedIpHeader: e.TRUSTED_IP_HEADER,
    limits: {
      bodyBytes: e.MAX_BODY_BYTES,
      uploadBytes: e.MAX_UPLOAD_BYTES,
      wsMaxPayloadBytes: e.WS_MAX_PAYLOAD_BYTES,
      wsInitTimeoutMs: e.WS_INIT_TIMEOUT_MS,
      wsKeepAliveMs: e.WS_KEEPALIVE_MS,
      wsIdleTimeoutMs: e.WS_IDLE_TIMEOUT_MS,
      wsMaxSocketsPerAddress: e.WS_MAX_SOCKETS_PER_ADDRESS,
    },
    secretsKey,
    introspection: e.INTROSPECTION ?? (e.NODE_ENV === "production" ? "authenticated" : "all"),
    corsOrigins: e.CORS_ORIGINS?.includes("*") ? "*" : (e.CORS_ORIGINS ?? (e.NODE_ENV === "production" ? [] : "*")),
  };
}

/** 32 bytes, written as 64 hex digits or in base64(url), e.g. `openssl rand -base64 32`. */
export function parseSecretsKey(text: string, name: string): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  if (key.length !== 32)
    throw new ConfigError(
      `Invalid configuration:\n  ${name}: must be 32 bytes (64 hex digits or base64, e.g. \`openssl rand -base64 32\`)`,
    );
  return key;
}

function secretsKeyOf(e: z.infer<typeof EnvSchema>): SecretsKeySource {
  const previous = e.SECRETS_KEY_PREVIOUS
    ? { previous: parseSecretsKey(e.SECRETS_KEY_PREVIOUS, "SECRETS_KEY_PREVIOUS") }
    : {};
  if (e.SECRETS_KEY) return { kind: "given", current: parseSecretsKey(e.SECRETS_KEY, "SECRETS_KEY"), ...previous };
  if (e.SECRETS_KEY_FILE) {
    let text: string;
    try {
      text = readFileSync(e.SECRETS_KEY_FILE, "utf8");
    } catch (error) {
      throw new ConfigError(
        `Invalid configuration:\n  SECRETS_KEY_FILE: cannot read ${e.SECRETS_KEY_FILE} (${(error as Error).message})`,
      );
    }
    return { kind: "given", current: parseSecretsKey(text, "SECRETS_KEY_FILE"), ...previous };
  }
  if (e.NODE_ENV === "production")
    throw new ConfigError(
      "Invalid configuration:\n  SECRETS_KEY: required in production (or SECRETS_KEY_FILE): it seals the server's secrets so that a copy of the database cannot sign sessions; generate one with `openssl rand -base64 32` and keep it outside the database",
    );
  return { kind: "generated", file: resolve(e.DATA_DIR, "secrets.key"), ...previous };
}
