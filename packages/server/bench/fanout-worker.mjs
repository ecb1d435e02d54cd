// Subscriber side of bench/fanout.bench.ts, on its own thread so that receiving does not share the servers' loop.
// Opens the sockets and subscriptions; answers "count" with receipts so far and "collect" with every receipt as
// [subscriber, externalId, epoch ms]; "dispose" closes the sockets.

import { performance } from "node:perf_hooks";
import { parentPort, workerData } from "node:worker_threads";
import { createClient } from "graphql-ws";
import WebSocket from "ws";

const { urls, subscribers, programId, adminKey, query } = workerData;
const now = () => performance.timeOrigin + performance.now();
const clients = urls.map((url) =>
  createClient({
    url,
    webSocketImpl: WebSocket,
    lazy: false,
    retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${adminKey}` },
  }),
);
const receipts = [];
const errors = [];
let count = 0;
for (let i = 0; i < subscribers; i++) {
  clients[i % clients.length].subscribe(
    { query, variables: { f: { programId } } },
    {
      next: (r) => {
        const id = r.data?.conversionCreated?.conversion?.externalId;
        if (id) {
          receipts.push([i, id, now()]);
          count++;
        } else errors.push(JSON.stringify(r));
      },
      error: (e) => errors.push(e instanceof Error ? e.message : JSON.stringify(e)),
      complete: () => {},
    },
  );
}
parentPort.on("message", async (m) => {
  if (m === "count") parentPort.postMessage({ count, errors: errors.slice(0, 3), errorCount: errors.length });
  else if (m === "collect") parentPort.postMessage({ receipts, errors: errors.slice(0, 3), errorCount: errors.length });
  else if (m === "dispose") {
    await Promise.all(clients.map((c) => c.dispose()));
    parentPort.postMessage("disposed");
  }
});
