// The front door of every API route (GraphQL over HTTP and WebSocket, POST /receipt/points, GET /export/*):
// the request's id, who is calling, whether their budget allows one more request (announced in RateLimit-*
// headers), and the Call the domain runs with. One door, so no route can skip a step or order them differently.
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Authenticator } from "../domain/auth/authenticate.js";
import type { Call, Deps } from "../domain/kernel/deps.js";
import type { ClientAddress } from "./client-address.js";
import type { RateLimiter } from "./rate-limit.js";

/** What admitting a request takes: the domain's dependencies, the credential check and the budgets. */
export interface Gate {
  deps: Deps;
  authenticator: Authenticator;
  rateLimiter: RateLimiter;
  /** Keys an anonymous caller's budget (the trusted proxy's address when configured). */
  clientAddress: ClientAddress;
}

/** What a REST route gets with each request: the door, the server's log and the request's id. */
export interface RouteOptions extends Gate {
  log: Logger;
  requestId: string;
}

export interface Visitor {
  /** The credential as an Authorization value ("Bearer <key>"); a route with its own header translates it. */
  authorization: string | null | undefined;
  /** The HTTP request (or a WebSocket's upgrade request): its address is the anonymous budget's key. */
  req?: IncomingMessage | undefined;
  /** Where the RateLimit-* headers go; a WebSocket operation has no response to put them on. */
  res?: ServerResponse | undefined;
  /** The id assigned by requestIdOf; a WebSocket operation gets a fresh one. */
  requestId?: string | undefined;
}

/** An admitted request: the Call, with the id its log lines and audit rows carry. */
export type Admitted = Call & { requestId: string };

/**
 * Authenticates the visitor and spends one request of its budget (throwing the catalogue's UNAUTHENTICATED
 * for a bad credential and QUOTA_EXCEEDED for a spent budget). Anonymous callers are admitted: each route
 * decides what they may do, and their budget is per client address.
 */
export async function admit(gate: Gate, visitor: Visitor): Promise<Admitted> {
  const requestId = visitor.requestId ?? randomUUID();
  const principal = await gate.authenticator.authenticate(visitor.authorization);
  const budget = await gate.rateLimiter.consume(principal, gate.clientAddress(visitor.req));
  const { res } = visitor;
  if (res && !res.headersSent) {
    res.setHeader("RateLimit-Limit", budget.limit);
    res.setHeader("RateLimit-Remaining", budget.remaining);
    res.setHeader("RateLimit-Reset", budget.resetSeconds);
  }
  return { ...gate.deps, principal, requestId };
}

/**
 * The id of an HTTP request: the caller's x-request-id when it is a plain token (so one trace spans the
 * caller's systems and ours), else a new UUID. Anything else is replaced: it ends up in logs and headers.
 */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers["x-request-id"];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}
