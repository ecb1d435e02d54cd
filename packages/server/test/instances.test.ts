// Several instances behind one PostgreSQL and one Redis: a subscriber on one instance hears what another commits.

import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { createClient } from "graphql-ws";
import { Redis } from "ioredis";
import pino from "pino";
import { describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startApp } from "../src/app.js";
import { loadConfig } from "../src/config.js";
import { ADMIN_KEY, CREATE_PARTNER, CREATE_PROGRAM, createTestDatabase, ofType, postGql } from "./helpers.js";

/** Posts a typed document as admin to an instance's /graphql; its data. */
async function post<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  return (await postGql(`${url}/graphql`, document, variables, ADMIN_KEY)).data;
}

describe.skipIf(!process.env.TEST_REDIS_URL)("two instances sharing Redis", () => {
  it("deliver events committed on one instance to subscribers on the other", async () => {
    const database = await createTestDatabase();
    const config = loadConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      ADMIN_API_KEY: ADMIN_KEY,
      REDIS_URL: process.env.TEST_REDIS_URL!,
    });
    const log = pino({ level: "silent" });
    const a = await startApp(config, { database, log });
    const b = await startApp(config, { database, log });
    const probe = new Redis(process.env.TEST_REDIS_URL!);
    const client = createClient({
      url: `${a.url.replace("http", "ws")}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${ADMIN_KEY}` },
    });
    try {
      const program = ofType(
        (
          await post(b.url, CREATE_PROGRAM, {
            input: { name: "Shared", currency: "EUR", pointsPerCurrencyUnit: "1", timezone: "UTC" },
          })
        ).createProgram,
        "CreateProgramPayload",
      ).program;
      const events = client.iterate<{ partnerChanged: { type: string; partner: { name: string } } }>({
        query: `subscription ($p: ID!) { partnerChanged(programId: $p) { type partner { name } } }`,
        variables: { p: program.id },
      });
      const first = events.next();
      while (a.events.listenerCount() < 1) await new Promise((r) => setTimeout(r, 10));
      // The listener exists; wait until Redis has its SUBSCRIBE too (yoga's topic for program events).
      while (
        Number(((await probe.pubsub("NUMSUB", `program:${decodeGlobalID(program.id).id}`)) as [string, number])[1]) < 1
      )
        await new Promise((r) => setTimeout(r, 10));
      await post(b.url, CREATE_PARTNER, { input: { programId: program.id, name: "Made on B" } });
      const { value } = await first;
      expect(value?.data?.partnerChanged).toEqual({ type: "PARTNER_CREATED", partner: { name: "Made on B" } });
      await events.return?.();
    } finally {
      await client.dispose();
      probe.disconnect();
      await a.close();
      await b.close();
      await database.close();
    }
  });
});
