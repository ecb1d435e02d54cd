// Redis is optional at run time: with REDIS_URL set, a Redis that stops or hangs under load crashes nothing and
// fails no request (rate limits fall back to in-process budgets, publishing gives up, /health says "degraded"),
// and subscriptions hear events again once Redis is back. A private redis-server is stopped, hung and restarted.
import type { ResultOf } from "@graphql-typed-document-node/core";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { print } from "graphql";
import { createClient } from "graphql-ws";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";
import { addToProject, click, createLink, createProject } from "./referral-helpers.js";
import { type ControlledService, hasRedisServer, startRedis } from "./services.js";

const PARTNERS = graphql(`
  query ResilienceRedisPartners($programId: ID!) {
    partners(programId: $programId, first: 5) { totalCount }
  }
`);

const PARTNER_CHANGED = graphql(`
  subscription ResilienceRedisPartnerChanged($programId: ID!) {
    partnerChanged(programId: $programId) { type partner { name } }
  }
`);

type Health = { status: string; database: string; redis?: string };
const health = async (app: TestApp) => {
  const res = await fetch(`${app.url}/health`);
  return { status: res.status, body: (await res.json()) as Health };
};

describe.skipIf(!hasRedisServer)("with REDIS_URL, when Redis stops or hangs", () => {
  let redis: ControlledService;
  let app: TestApp;
  let probe: Redis;
  let programId: string;
  let linkCode: string;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => void unhandled.push(reason);

  beforeAll(async () => {
    process.on("unhandledRejection", onUnhandled);
    redis = await startRedis();
    probe = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: null, retryStrategy: () => 100 });
    probe.on("error", () => {});
    app = await startTestApp({ REDIS_URL: redis.url, REDIS_COMMAND_TIMEOUT_MS: "300" });
    programId = (await createProgram(app)).id;
    const partner = await createPartner(app, programId, { name: "Linked" });
    const project = await createProject(app, programId);
    await addToProject(app, project.id, partner.id, true);
    linkCode = (await createLink(app, partner.id)).code;
  }, 60_000);

  afterAll(async () => {
    probe?.disconnect();
    await app?.close();
    await redis?.dispose();
    process.off("unhandledRejection", onUnhandled);
  });

  /** Clicks, queries and mutations (each publishing an event) in parallel; every one must succeed. */
  async function traffic(label: string, rounds = 10) {
    const names: string[] = [];
    const requests = Array.from({ length: rounds }, async (_, i) => {
      const name = `${label} ${i}`;
      names.push(name);
      const [query, created, followed] = await Promise.all([
        app.gql(PARTNERS, { programId }),
        createPartner(app, programId, { name }),
        click(app, linkCode, { headers: { "x-forwarded-for": `10.0.0.${i}` } }),
      ]);
      return { query, created, followed };
    });
    for (const { query, created, followed } of await Promise.all(requests)) {
      expect(query.status).toBe(200);
      expect(query.errors).toBeUndefined();
      expect(created.partner.name).toMatch(label);
      expect(followed.status).toBe(302);
    }
    return names;
  }

  /** Waits until Redis has the subscriber's SUBSCRIBE for the program's topic (again, after a restart). */
  async function subscribedInRedis() {
    const topic = `program:${decodeGlobalID(programId).id}`;
    if (probe.status === "wait") await probe.connect();
    while (Number(((await probe.pubsub("NUMSUB", topic)) as [string, number])[1]) < 1)
      await new Promise((r) => setTimeout(r, 50));
  }

  it("serves every request, reports degraded health, and resumes subscriptions when Redis returns", async () => {
    const client = createClient({
      url: `${app.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
      retryAttempts: 0,
    });
    const heard: string[] = [];
    const events = client.iterate<ResultOf<typeof PARTNER_CHANGED>>({
      query: print(PARTNER_CHANGED),
      variables: { programId },
    });
    const listening = (async () => {
      for await (const event of events) heard.push(event.data?.partnerChanged.partner?.name ?? "?");
    })();
    const hears = async (name: string) => {
      while (!heard.includes(name)) await new Promise((r) => setTimeout(r, 20));
    };
    try {
      await subscribedInRedis();
      await createPartner(app, programId, { name: "Before" });
      await hears("Before");
      expect(await health(app)).toMatchObject({ status: 200, body: { status: "ok", redis: "ok" } });

      await redis.stop();
      await traffic("Redis stopped");
      expect(await health(app)).toMatchObject({
        status: 200,
        body: { status: "degraded", database: "ok", redis: "unavailable" },
      });

      await redis.start();
      await subscribedInRedis();
      while ((await health(app)).body.redis !== "ok") await new Promise((r) => setTimeout(r, 50));
      await createPartner(app, programId, { name: "After restart" });
      await hears("After restart");

      // Hung rather than gone: the connection stays up and nothing answers.
      redis.pause();
      await traffic("Redis hung", 5);
      expect(await health(app)).toMatchObject({ status: 200, body: { status: "degraded", redis: "unavailable" } });
      redis.resume();
      while ((await health(app)).body.redis !== "ok") await new Promise((r) => setTimeout(r, 50));
      await createPartner(app, programId, { name: "After resume" });
      await hears("After resume");

      expect(unhandled).toEqual([]);
    } finally {
      await events.return?.();
      await client.dispose();
      await listening.catch(() => {});
    }
  }, 60_000);
});
