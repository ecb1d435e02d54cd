// GET /partner/*: the partner dashboard (packages/dashboard, built by `pnpm build` into its dist/). Hashed files
// under /partner/assets/ are cached for a year; every other path is the app's index.html, whose client-side
// router shows the page (or its "not found"). A Content-Security-Policy lets the page load and connect to this
// origin only: CSP Level 3's 'self' also matches the origin's own ws:/wss: URL, which subscriptions use.
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";

export const DASHBOARD_PATH = "/partner";
const ASSETS = "/assets/";

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".json": "application/json",
};

/** The dashboard package's build output; undefined when the package is not installed. */
function distDirectory(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve("@partnergraph/dashboard/package.json")), "dist");
  } catch {
    return undefined;
  }
}

interface File {
  body: Buffer;
  gzipped: Buffer;
  type: string;
}

/** Whether `path` is the dashboard's (`/partner` or below it). */
export function isDashboardPath(path: string): boolean {
  return path === DASHBOARD_PATH || path.startsWith(`${DASHBOARD_PATH}/`);
}

let installed: Dashboard | undefined;
/** Serves the installed dashboard package's build. */
export function serveDashboard(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
  installed ??= createDashboard();
  return installed.serve(req, res, path);
}

export interface Dashboard {
  serve(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
}

/** Serves the built dashboard from `root` (by default the installed package's dist/). */
export function createDashboard(root: string | undefined = distDirectory()): Dashboard {
  // A build's files never change under the same name while the server runs (a rebuild means a restart), so each is
  // read and compressed once.
  const files = new Map<string, Promise<File | undefined>>();
  const load = (relative: string) => {
    let file = files.get(relative);
    if (!file) {
      file = root ? readOnce(root, relative) : Promise.resolve(undefined);
      files.set(relative, file);
      // Misses are not kept: unknown names must not grow the map, and a build made later is found.
      void file.then((found) => found || files.delete(relative));
    }
    return file;
  };

  return {
    async serve(req, res, path) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" }).end("Method not allowed\n");
        return;
      }
      if (path === DASHBOARD_PATH) {
        res.writeHead(301, { location: `${DASHBOARD_PATH}/` }).end();
        return;
      }
      const inside = path.slice(DASHBOARD_PATH.length);
      const asset = inside.startsWith(ASSETS);
      const file = await load(asset ? inside : "/index.html");
      if (!file) {
        const message = asset ? "Not found\n" : "The dashboard is not built: run `pnpm build`.\n";
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(message);
        return;
      }
      const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
      const body = gzip ? file.gzipped : file.body;
      res.writeHead(200, {
        "content-type": file.type,
        "content-length": body.length,
        ...(gzip ? { "content-encoding": "gzip" } : {}),
        vary: "accept-encoding",
        // Hashed names change with their content; the page itself must be asked for again to find new ones.
        "cache-control": asset ? "public, max-age=31536000, immutable" : "no-cache",
        "content-security-policy": CONTENT_SECURITY_POLICY,
        "x-content-type-options": "nosniff",
        "referrer-policy": "same-origin",
      });
      res.end(req.method === "HEAD" ? undefined : body);
    },
  };
}

async function readOnce(root: string, relative: string): Promise<File | undefined> {
  const path = normalize(join(root, relative));
  // Only files inside dist/ (no `..` out of it), and only of the kinds a build holds.
  const type = TYPES[extname(path)];
  if (!path.startsWith(root + sep) || !type) return undefined;
  try {
    const body = await readFile(path);
    return { body, gzipped: gzipSync(body), type };
  } catch {
    return undefined;
  }
}
