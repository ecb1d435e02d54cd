// Private Redis and PostgreSQL servers for tests that stop, hang (SIGSTOP) and restart them: each runs on a free
// port of its own, never the shared development services, and is killed by its own process id.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const exited = (child: ChildProcess) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise<void>((resolve) => child.once("exit", () => resolve()));

async function waitFor(ready: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not start`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A server process the test controls: stop and start it, or hang it with SIGSTOP and resume it with SIGCONT. */
export interface ControlledService {
  url: string;
  start(): Promise<void>;
  /** Shuts it down and waits for the exit. */
  stop(): Promise<void>;
  /** SIGSTOP: the port still accepts connections, nothing answers. */
  pause(): void;
  resume(): void;
  /** Stops it for good and removes its files. */
  dispose(): Promise<void>;
}

function controlled(options: {
  url: string;
  launch: () => ChildProcess;
  ready: () => Promise<boolean>;
  /** Signal for a clean shutdown. */
  stopSignal: NodeJS.Signals;
  cleanup?: () => void;
}): ControlledService {
  let child: ChildProcess | undefined;
  // PostgreSQL's backends each start a session of their own: hanging the server means stopping every descendant.
  const everyProcess = (name: NodeJS.Signals) => {
    for (const pid of child?.pid ? descendants(child.pid) : []) {
      try {
        process.kill(pid, name);
      } catch {
        // A backend may exit between listing and signalling it (ESRCH): nothing left to signal.
      }
    }
  };
  const service: ControlledService = {
    url: options.url,
    async start() {
      child = options.launch();
      child.on("error", () => {});
      await waitFor(options.ready, options.url);
    },
    async stop() {
      if (!child) return;
      const running = child;
      everyProcess("SIGCONT");
      everyProcess(options.stopSignal);
      await exited(running);
      child = undefined;
    },
    pause: () => everyProcess("SIGSTOP"),
    resume: () => everyProcess("SIGCONT"),
    async dispose() {
      await service.stop();
      options.cleanup?.();
    },
  };
  return service;
}

/** The process and everything it started, children first found through their parent ids. */
function descendants(root: number): number[] {
  const table = spawnSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).stdout.trim().split("\n");
  const pairs = table.map((line) => line.trim().split(/\s+/).map(Number) as [number, number]);
  const found = [root];
  for (let i = 0; i < found.length; i++)
    for (const [pid, ppid] of pairs) if (ppid === found[i] && !found.includes(pid)) found.push(pid);
  return found;
}

/** Whether something answers a TCP connection on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

export const hasRedisServer = spawnSync("redis-server", ["--version"]).status === 0;

/** redis-server without persistence on a free port. */
export async function startRedis(): Promise<ControlledService> {
  const port = await freePort();
  const service = controlled({
    url: `redis://127.0.0.1:${port}`,
    launch: () =>
      spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      }),
    ready: () => listening(port),
    stopSignal: "SIGTERM",
  });
  await service.start();
  return service;
}

const PG_BIN = (() => {
  const found = spawnSync("sh", ["-c", "ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1"], { encoding: "utf8" });
  return found.stdout.trim();
})();
export const hasPostgresServer = PG_BIN !== "" && spawnSync("id", ["postgres"]).status === 0;

/** A throwaway PostgreSQL cluster (initdb as the postgres user, trust auth) on a free port; database `postgres`. */
export async function startPostgres(): Promise<ControlledService> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "pg-resilience-"));
  chmodSync(dir, 0o755);
  const ids = spawnSync("sh", ["-c", "id -u postgres; id -g postgres"], { encoding: "utf8" }).stdout.split("\n");
  chownSync(dir, Number(ids[0]), Number(ids[1]));
  const data = join(dir, "data");
  const init = spawnSync(
    "runuser",
    ["-u", "postgres", "--", `${PG_BIN}/initdb`, "-D", data, "-U", "postgres", "--auth=trust", "--no-sync"],
    { encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const service = controlled({
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    launch: () =>
      spawn(
        "runuser",
        [
          "-u",
          "postgres",
          "--",
          `${PG_BIN}/postgres`,
          "-D",
          data,
          "-p",
          String(port),
          "-k",
          dir,
          "-c",
          "listen_addresses=127.0.0.1",
          "-c",
          "fsync=off",
        ],
        { stdio: "ignore" },
      ),
    ready: () =>
      Promise.resolve(
        spawnSync(`${PG_BIN}/pg_isready`, ["-h", "127.0.0.1", "-p", String(port), "-t", "1"]).status === 0,
      ),
    // Fast shutdown: disconnect clients, no waiting for them.
    stopSignal: "SIGINT",
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  });
  await service.start();
  return service;
}
