// Hostile HTTP clients: GraphQL bodies over the limit are refused (413 PAYLOAD_TOO_LARGE) before they are read
// and before the credential is looked at; the anonymous budget (and with it login throttling) is keyed on the
// trusted proxy's client address; a flood of refusals writes no stack trace to the server's output.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { graphql } from "./gql/index.js";
import { ADMIN_KEY, REQUEST_LOGIN_CODE, startTestApp, TEST_SECRETS_KEY, type TestApp } from "./helpers.js";

const TYPENAME = graphql(`query LimitsTypename { __typename }`);
const MiB = 1024 * 1024;

/** A GraphQL POST whose body is about `bytes` long (padding in an unused variable). */
const bodyOf = (bytes: number) =>
  JSON.stringify({ query: print(TYPENAME), variables: { pad: "x".repeat(Math.max(0, bytes - 60)) } });

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ TRUSTED_IP_HEADER: "X-Forwarded-For" });
});
afterAll(async () => {
  await app?.close();
});

/** Sends headers announcing `declared` bytes but only a few of them; resolves with the status line and body. */
function announce(declared: number, base = app.url): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.write(
        `POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\n` +
          `authorization: Bearer not-a-key\r\ncontent-length: ${declared}\r\n\r\n{"query":`,
      );
    });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk;
      if (answer.includes("\r\n\r\n") && answer.includes("}")) {
        socket.destroy();
        resolve(answer);
      }
    });
    socket.on("error", reject);
  });
}

/** Streams `bytes` of body without a Content-Length (chunked), with a bad credential. */
function streamed(bytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(app.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer not-a-key" },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is sent.
    req.on("error", (error) => (req.writableEnded ? undefined : reject(error)));
    const chunk = "x".repeat(64 * 1024);
    req.write(`{"query":"{ __typename }","variables":{"pad":"`);
    for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk);
    req.end(`"}}`);
  });
}

describe("GraphQL request bodies", () => {
  it("refuse a declared length over 1 MiB with 413 PAYLOAD_TOO_LARGE without waiting for the body", async () => {
    const answer = await announce(24 * MiB);
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer.toLowerCase()).toContain("connection: close");
    const body = JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)) as {
      errors: { extensions: { code: string } }[];
    };
    expect(body.errors[0]?.extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("cut off an undeclared (chunked) body at the limit, before the credential is checked", async () => {
    const res = await streamed(3 * MiB);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0].extensions.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("accept a body under the limit", async () => {
    const res = await fetch(app.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${ADMIN_KEY}` },
      body: bodyOf(MiB - 1024),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { __typename: "Query" } });
  });
});

describe("the trusted client address", () => {
  const requestCode = async (address: string, email: string) => {
    const res = await fetch(app.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": `${address}, 10.0.0.1` },
      body: JSON.stringify({ query: print(REQUEST_LOGIN_CODE), variables: { e: email } }),
    });
    const body = (await res.json()) as { errors?: { extensions: { code: string } }[] };
    return body.errors?.[0]?.extensions.code ?? "OK";
  };

  it("keys the anonymous budget: 61 visitors' logins lock out no one else", async () => {
    const codes = [];
    for (let i = 1; i <= 61; i++) codes.push(await requestCode(`198.51.100.${i}`, `visitor${i}@example.com`));
    expect(codes.every((c) => c === "OK")).toBe(true);
    expect(await requestCode("198.51.100.200", "another@example.com")).toBe("OK");
  });

  it("while one visitor's 61st request in a minute is refused", async () => {
    const codes = [];
    for (let i = 1; i <= 61; i++) codes.push(await requestCode("192.0.2.7", `same${i}@example.com`));
    expect(codes.slice(0, 60).every((c) => c === "OK")).toBe(true);
    expect(codes[60]).toBe("QUOTA_EXCEEDED");
  });
});

describe("a flood of refusals", () => {
  const serverDir = fileURLToPath(new URL("..", import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), "pg-limits-"));
  let child: ChildProcess;
  let output = "";
  let base = "";

  beforeAll(async () => {
    // A real process, so everything it writes (pino on stdout, anything else on stderr) is seen.
    child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATA_DIR: dataDir,
        DATABASE_URL: "",
        REDIS_URL: "",
        ADMIN_API_KEY: ADMIN_KEY,
        SECRETS_KEY: TEST_SECRETS_KEY,
        PORT: "0",
        HOST: "127.0.0.1",
        NODE_ENV: "production",
        LOG_LEVEL: "info",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const listening = new Promise<string>((resolve, reject) => {
      const seen = (chunk: Buffer) => {
        output += chunk;
        const url = /"url":"(http:\/\/[^"]+)"/.exec(output)?.[1];
        if (url) resolve(url);
      };
      child.stdout?.on("data", seen);
      child.stderr?.on("data", seen);
      child.once("exit", (code) => reject(new Error(`server exited with ${code}: ${output}`)));
    });
    base = await listening;
  }, 60_000);
  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("writes no stack trace for spent budgets, bad credentials, oversized bodies and frames", async () => {
    const post = (key: string | null, body: string) =>
      fetch(`${base}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body,
      }).then((r) => r.status);
    const statuses = new Set<number>();
    for (let i = 0; i < 70; i++) statuses.add(await post(null, bodyOf(100)));
    for (let i = 0; i < 10; i++) statuses.add(await post("pga_wrong-key-0123456789abcdef", bodyOf(100)));
    for (let i = 0; i < 5; i++) statuses.add(Number((await announce(24 * MiB, base)).slice(9, 12)));
    expect([...statuses].sort()).toEqual([200, 401, 413, 429]);

    // Over one WebSocket, as admin (500 per minute): 600 operations, the last 100 refused one by one.
    const socket = new WebSocket(`${base.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    const refusals = new Promise<number>((resolve) => {
      let refused = 0;
      let answered = 0;
      socket.on("message", (data) => {
        const message = JSON.parse(String(data));
        if (message.type === "connection_ack") {
          for (let id = 1; id <= 600; id++)
            socket.send(JSON.stringify({ id: String(id), type: "subscribe", payload: { query: "{ __typename }" } }));
        }
        if (message.type === "error") refused++;
        if (message.type === "error" || message.type === "complete") answered++;
        if (answered === 600) resolve(refused);
      });
    });
    await new Promise((resolve) => socket.once("open", resolve));
    socket.send(JSON.stringify({ type: "connection_init", payload: { authorization: `Bearer ${ADMIN_KEY}` } }));
    expect(await refusals).toBe(100);
    socket.close();

    const big = new WebSocket(`${base.replace("http", "ws")}/graphql`, "graphql-transport-ws");
    await new Promise((resolve) => big.once("open", resolve));
    const closedWith = new Promise((resolve) => big.once("close", resolve));
    big.send("x".repeat(2 * MiB));
    expect(await closedWith).toBe(1009);

    expect((await fetch(`${base}/health`)).status).toBe(200);
    // A stack frame, raw or inside a JSON log line ("\n    at fn (file:1:2)").
    expect(output.replaceAll("\\n", "\n")).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
