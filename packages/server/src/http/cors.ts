// Cross-origin access for browsers, as configuration (CORS_ORIGINS): which pages may call the API, and which
// response headers their scripts may read. One policy for every route (GraphQL, SSE, the REST routes); yoga's
// own CORS handling is switched off so it cannot answer differently.
import type { IncomingMessage, ServerResponse } from "node:http";
import cors from "cors";

/** `"*"`: any origin; a list: exactly those origins (`https://app.example.com`); empty: no cross-origin access. */
export type CorsOrigins = "*" | readonly string[];

/**
 * What browser code needs to read: the rate-limit budget (to back off before a 429), when to retry, and the
 * request id to quote in a support ticket. Browsers hide every other non-safelisted response header.
 */
export const EXPOSED_HEADERS = [
  "RateLimit",
  "RateLimit-Policy",
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
  "Retry-After",
  "x-request-id",
];

/** How long a browser may cache a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Answers preflights itself (204) and adds the CORS headers to every other request before `next` routes it.
 * Credentials (cookies) are never allowed: the API authenticates with the `Authorization` header, which a
 * page sends without them, so a stolen cookie can never ride a cross-origin request.
 */
export function createCors(origins: CorsOrigins) {
  const middleware = cors({
    origin: origins === "*" ? "*" : [...origins],
    credentials: false,
    methods: ["GET", "POST", "OPTIONS"],
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: PREFLIGHT_MAX_AGE_SECONDS,
  });
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => middleware(req, res, next);
}
