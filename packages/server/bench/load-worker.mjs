// The load generator for redirect.bench.ts, on its own thread so it does not share the server's event loop:
// `total` GETs with at most `concurrency` in flight over keep-alive sockets, many distinct visitors.
import { Agent, request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { url, total, concurrency, userAgent, maxSeconds } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
const latencies = [];
let redirects = 0;
let issued = 0;
const deadline = Date.now() + maxSeconds * 1000;
const started = process.hrtime.bigint();

const one = () =>
  new Promise((resolve, reject) => {
    const t0 = process.hrtime.bigint();
    // Many visitors, as in real traffic behind a proxy: the server reads this address (TRUSTED_IP_HEADER).
    const visitor = `198.51.100.${(issued * 7919) % 251}`;
    const req = request(url, { agent, headers: { "user-agent": userAgent, "x-forwarded-for": visitor } }, (res) => {
      res.resume();
      res.on("end", () => {
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        if (res.statusCode === 302) redirects++;
        resolve();
      });
    });
    req.on("error", reject);
    req.end();
  });

const worker = async () => {
  while (issued < total && Date.now() < deadline) {
    issued++;
    await one();
  }
};
await Promise.all(Array.from({ length: concurrency }, worker));
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
agent.destroy();
parentPort.postMessage({ requests: latencies.length, redirects, seconds, latencies: latencies.sort((a, b) => a - b) });
