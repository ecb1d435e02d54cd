// GET|HEAD /r/<code>: records the click (group commit) and answers 302 to the link's destination with the
// click's id as pg_click, only once the click is committed. Unknown or malformed codes get a small 404 page.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import { type ClickRecorder, normalizeCode } from "../domain/referrals/clicks.js";
import type { ClientAddress } from "./client-address.js";

export const REDIRECT_PREFIX = "/r/";

export interface RedirectOptions {
  recorder: ClickRecorder;
  log: Logger;
  /** A header set by a trusted proxy with the visitor's country (e.g. cf-ipcountry); unset: none is read. */
  trustedCountryHeader?: string | undefined;
  /** The visitor's address (TRUSTED_IP_HEADER's when configured); stored only as a salted hash. */
  clientAddress: ClientAddress;
}

const NOT_FOUND_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Link not found</title></head>' +
  '<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>Link not found</h1>' +
  "<p>This link does not exist. Check that it was copied completely.</p></body></html>";

const UNAVAILABLE_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Try again</title></head>' +
  '<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem"><h1>Please try again</h1>' +
  "<p>This link cannot be followed right now. Reload the page in a moment.</p></body></html>";

/** The destination with pg_click appended, keeping its own query and fragment byte for byte. */
export function withClickId(destination: string, clickId: string): string {
  const hashAt = destination.indexOf("#");
  const base = hashAt === -1 ? destination : destination.slice(0, hashAt);
  const fragment = hashAt === -1 ? "" : destination.slice(hashAt);
  const separator = !base.includes("?") ? "?" : base.endsWith("?") || base.endsWith("&") ? "" : "&";
  return `${base}${separator}pg_click=${clickId}${fragment}`;
}

function page(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res
    .writeHead(status, {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "x-robots-tag": "noindex",
      ...headers,
    })
    .end(body);
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text?.trim() ? text.trim() : null;
}

export function createRedirectHandler(options: RedirectOptions) {
  const countryHeader = options.trustedCountryHeader?.toLowerCase();

  return async function redirect(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    if (req.method !== "GET" && req.method !== "HEAD") return page(res, 405, NOT_FOUND_PAGE, { allow: "GET, HEAD" });
    const code = normalizeCode(path.slice(REDIRECT_PREFIX.length).replace(/\/$/, ""));
    if (!code) return page(res, 404, NOT_FOUND_PAGE);
    const country = countryHeader ? header(req, countryHeader)?.toUpperCase() : null;
    try {
      const result = await options.recorder.record({
        code,
        method: req.method,
        ip: options.clientAddress(req),
        userAgent: header(req, "user-agent"),
        referrer: header(req, "referer"),
        purpose: header(req, "sec-purpose") ?? header(req, "purpose") ?? header(req, "x-purpose"),
        country: country && /^[A-Z]{2}$/.test(country) ? country : null,
        at: new Date(),
      });
      if (!result.found) return page(res, 404, NOT_FOUND_PAGE);
      res
        .writeHead(302, {
          location: withClickId(result.destinationUrl, result.clickId),
          "cache-control": "no-store",
          "referrer-policy": "no-referrer-when-downgrade",
        })
        .end();
    } catch (err) {
      // The click could not be committed: say so rather than send a visitor on unrecorded.
      options.log.error({ err, code }, "click not recorded");
      page(res, 503, UNAVAILABLE_PAGE, { "retry-after": "1" });
    }
  };
}
