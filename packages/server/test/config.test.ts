import { randomBytes } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

describe("config", () => {
  it("defaults to PGlite under ./.data on port 4000", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      database: { kind: "pglite", dataDir: resolve(".data", "pglite") },
      redisUrl: undefined,
      adminApiKey: undefined,
      logLevel: "info",
      publicUrl: "http://localhost:4000",
      graphiql: true,
    });
  });

  it("uses PostgreSQL when DATABASE_URL is set, and treats empty variables as unset", () => {
    const config = loadConfig({
      DATABASE_URL: "postgres://u@127.0.0.1:5432/db",
      PORT: "",
      DATA_DIR: "/var/pg",
      PUBLIC_URL: "https://api.example.com/",
      NODE_ENV: "production",
      SECRETS_KEY: "a".repeat(64),
    });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgres://u@127.0.0.1:5432/db",
      timeouts: { connectMs: 2000, statementMs: 5000, bulkStatementMs: 300_000 },
    });
    expect(config.publicUrl).toBe("https://api.example.com");
    expect(config.graphiql).toBe(false);
  });

  it("refuses to start in production without SECRETS_KEY, saying why and how to make one", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/SECRETS_KEY: required in production.*openssl rand/s);
  });

  it("reads the secrets key from SECRETS_KEY or SECRETS_KEY_FILE; in development generates it into DATA_DIR", () => {
    const key = randomBytes(32);
    const file = join(mkdtempSync(join(tmpdir(), "pg-key-")), "key");
    writeFileSync(file, `${key.toString("base64")}\n`);
    expect(loadConfig({ SECRETS_KEY: key.toString("hex") }).secretsKey).toEqual({ kind: "given", current: key });
    expect(loadConfig({ SECRETS_KEY_FILE: file, NODE_ENV: "production" }).secretsKey).toEqual({
      kind: "given",
      current: key,
    });
    expect(loadConfig({ DATA_DIR: "/srv/pg" }).secretsKey).toEqual({
      kind: "generated",
      file: resolve("/srv/pg", "secrets.key"),
    });
    expect(() => loadConfig({ SECRETS_KEY: "too-short" })).toThrow(/SECRETS_KEY: must be 32 bytes/);
    expect(() => loadConfig({ SECRETS_KEY_FILE: "/nonexistent/key" })).toThrow(/SECRETS_KEY_FILE: cannot read/);
  });

  it("allows introspection to everyone in development and only to authenticated callers in production", () => {
    expect(loadConfig({}).introspection).toBe("all");
    expect(loadConfig({ NODE_ENV: "production", SECRETS_KEY: "a".repeat(64) }).introspection).toBe("authenticated");
    expect(loadConfig({ INTROSPECTION: "off" }).introspection).toBe("off");
    expect(() => loadConfig({ INTROSPECTION: "some" })).toThrow(/INTROSPECTION/);
  });

  it("lists every invalid variable in one clear message", () => {
    const attempt = () =>
      loadConfig({
        PORT: "eighty",
        DATABASE_URL: "mysql://x",
        REDIS_URL: "nope",
        ADMIN_API_KEY: "short",
        LOG_LEVEL: "loud",
      });
    expect(attempt).toThrow(ConfigError);
    let message = "";
    try {
      attempt();
    } catch (error) {
      message = (error as Error).message;
    }
    for (const name of ["PORT", "DATABASE_URL", "REDIS_URL", "ADMIN_API_KEY", "LOG_LEVEL"])
      expect(message).toContain(`  ${name}: `);
  });
});
