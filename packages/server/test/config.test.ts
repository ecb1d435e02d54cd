import { resolve } from "node:path";
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
    });
    expect(config.database).toEqual({
      kind: "postgres",
      url: "postgres://u@127.0.0.1:5432/db",
      timeouts: { connectMs: 2000, statementMs: 5000, bulkStatementMs: 300_000 },
    });
    expect(config.publicUrl).toBe("https://api.example.com");
    expect(config.graphiql).toBe(false);
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
