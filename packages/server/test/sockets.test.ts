// WebSocket hygiene against hostile or dead clients, over real sockets: oversized frames, the connection_init
// deadline, keep-alive, the idle limit, the per-address cap (keyed on the trusted proxy's address), and budget
// refusals that fail one operation while the socket and its other subscriptions carry on.

import { print } from "graphql";
import { type Client, createClient } from "graphql-ws";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { IDLE_CLOSE, TOO_MANY_SOCKETS_CLOSE } from "../src/http/sockets.js";
import { graphql } from "./gql/index.js";
import { createPartner, createProgram, startTestApp, type TestApp } from "./helpers.js";

const PARTNER_CHANGED = graphql(`
  subscription SocketsPartnerChanged($programId: ID!) { partnerChanged(programId: $programId) { partner { name } } }
`);
const VIEWER = graphql(`query SocketsViewer { viewer { kind } }`);

let app: TestApp;
let wsUrl: string;
const clients: Client[] = [];
const sockets: WebSocket[] = [];
let addresses = 0;

beforeAll(async () => {
  app = await startTestApp({
    TRUSTED_IP_HEADER: "X-Forwarded-For",
    WS_MAX_SOCKETS_PER_ADDRESS: "3",
    // Long enough for a loaded machine to deliver a 2 MiB frame before the deadline (the 1009 test).
    WS_INIT_TIMEOUT_MS: "2000",
    WS_IDLE_TIMEOUT_MS: "300",
    WS_KEEPALIVE_MS: "200",
  });
  wsUrl = app.graphqlUrl.replace("http", "ws");
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  for (const s of sockets) s.terminate();
  await app?.close();
});

/** A client address of its own for each test (the server trusts X-Forwarded-For), so caps do not interfere. */
const newAddress = () => `203.0.113.${++addresses}`;

/** A raw graphql-ws socket from `address`; resolves once open. */
async function rawSocket(address: string, options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const socket = new WebSocket(wsUrl, "graphql-transport-ws", {
    ...options,
    headers: { "x-forwarded-for": address },
  });
  sockets.push(socket);
  await new Promise((resolve, reject) => {
    socket.once("open", resolve);
    socket.once("error", reject);
  });
  return socket;
}

const closed = (socket: WebSocket) =>
  new Promise<{ code: number; reason: string }>((resolve) =>
    socket.once("close", (code, reason) => resolve({ code, reason: String(reason) })),
  );

/** Sends connection_init (with a key) and waits for connection_ack. */
async function init(socket: WebSocket, key?: string): Promise<void> {
  const acked = new Promise<void>((resolve) =>
    socket.on("message", (data) => JSON.parse(String(data)).type === "connection_ack" && resolve()),
  );
  socket.send(JSON.stringify({ type: "connection_init", payload: key ? { authorization: `Bearer ${key}` } : {} }));
  await acked;
}

function client(address: string, key: string): Client {
  const c = createClient({
    url: wsUrl,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols: string[]) {
        super(url, protocols, { headers: { "x-forwarded-for": address } });
      }
    },
    connectionParams: { authorization: `Bearer ${key}` },
    retryAttempts: 0,
  });
  clients.push(c);
  return c;
}

describe("WebSocket limits", () => {
  it("close a socket sending a frame over 1 MiB with 1009, without reading it", async () => {
    const socket = await rawSocket(newAddress());
    const done = closed(socket);
    socket.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(2 * 1024 * 1024) } }));
    expect((await done).code).toBe(1009);
  });

  it("accept a frame under the limit", async () => {
    const socket = await rawSocket(newAddress());
    await init(socket); // an anonymous connection_init of 0.9 MiB is acknowledged
    const big = await rawSocket(newAddress());
    const acked = new Promise<string>((resolve) =>
      big.once("message", (data) => resolve(JSON.parse(String(data)).type)),
    );
    big.send(JSON.stringify({ type: "connection_init", payload: { pad: "x".repeat(900 * 1024) } }));
    expect(await acked).toBe("connection_ack");
  });

  it("close a socket that sends no connection_init in time with 4408", async () => {
    const socket = await rawSocket(newAddress());
    expect((await closed(socket)).code).toBe(4408);
  });

  it("close an acknowledged socket with no operation running once it is idle; one with a subscription stays", async () => {
    const program = await createProgram(app);
    const busy = client(newAddress(), program.secretKey);
    const events: string[] = [];
    const started = new Promise<void>((resolve) => {
      busy.on("connected", () => resolve());
    });
    busy.subscribe(
      { query: print(PARTNER_CHANGED), variables: { programId: program.id } },
      { next: (v) => void events.push(JSON.stringify(v)), error: () => {}, complete: () => {} },
    );
    await started;
    const idle = await rawSocket(newAddress());
    await init(idle);
    expect(await closed(idle)).toEqual({ code: IDLE_CLOSE.code, reason: IDLE_CLOSE.reason });
    // Twice as long again: the idle socket's limit has passed for the subscribed one as well.
    const later = await rawSocket(newAddress());
    await init(later);
    await closed(later);
    await createPartner(app, program.id, { name: "Still Listening" });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toContain("Still Listening");
  });

  it("terminate a peer that does not answer pings", async () => {
    const program = await createProgram(app);
    const socket = await rawSocket(newAddress(), { autoPong: false });
    await init(socket, program.secretKey);
    // A running subscription, so only the keep-alive can end the socket.
    socket.send(
      JSON.stringify({
        id: "1",
        type: "subscribe",
        payload: { query: print(PARTNER_CHANGED), variables: { programId: program.id } },
      }),
    );
    expect((await closed(socket)).code).toBe(1006); // terminated: no close frame
  });

  it("cap concurrent sockets per client address (the trusted proxy's), with 1008", async () => {
    const address = newAddress();
    const three = [await rawSocket(address), await rawSocket(address), await rawSocket(address)];
    const fourth = await rawSocket(address);
    expect(await closed(fourth)).toEqual({ code: TOO_MANY_SOCKETS_CLOSE.code, reason: TOO_MANY_SOCKETS_CLOSE.reason });
    // Another visitor behind the same proxy is not affected.
    const other = await rawSocket(newAddress());
    await init(other);
    // Closing one frees its place.
    const gone = closed(three[0]!);
    three[0]!.close();
    await gone;
    const again = await rawSocket(address);
    await init(again);
  });
});

describe("rate limits over WebSocket", () => {
  it("refuse the 301st operation with QUOTA_EXCEEDED; the socket and its subscription carry on", async () => {
    const program = await createProgram(app);
    const c = client(newAddress(), program.secretKey);
    const events: string[] = [];
    let closedWith: number | undefined;
    c.on("closed", (event) => {
      closedWith = (event as { code: number }).code;
    });
    c.subscribe(
      { query: print(PARTNER_CHANGED), variables: { programId: program.id } },
      { next: (v) => void events.push(JSON.stringify(v)), error: () => {}, complete: () => {} },
    );
    const once = () =>
      new Promise<{ data?: unknown; errors?: { extensions?: Record<string, unknown> }[] }>((resolve) => {
        let result = {};
        c.subscribe(
          { query: print(VIEWER) },
          {
            next: (v) => {
              result = v;
            },
            error: (errors) => resolve({ errors: errors as never }),
            complete: () => resolve(result),
          },
        );
      });
    // The subscription was operation 1 of the api-credential tier's 300 per minute.
    for (let i = 2; i <= 300; i++) expect((await once()).errors).toBeUndefined();
    const refused = await once();
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "QUOTA_EXCEEDED", retryAfter: expect.any(Number) });
    await createPartner(app, program.id, { name: "After The Refusal" });
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toContain("After The Refusal");
    expect(closedWith).toBeUndefined();
  });
});
