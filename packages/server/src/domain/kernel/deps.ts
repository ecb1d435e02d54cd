import type { EventBus } from "../../events/bus.js";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Principal } from "./principal.js";

/** What domain functions need from the outside world. */
export interface Deps {
  prisma: PrismaClient;
  /** For exports and imports: statements may run longer than a request's (a separate pool on PostgreSQL). */
  bulkPrisma: PrismaClient;
  events: EventBus;
}

/** One call into the domain: the dependencies, who is calling, and the request it belongs to (for audit). */
export interface Call extends Deps {
  principal: Principal;
  requestId?: string | undefined;
}

/** A Prisma transaction client. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
