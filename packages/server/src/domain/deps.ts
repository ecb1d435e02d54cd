import type { PrismaClient } from "../generated/prisma/client.js";
import type { EventBus } from "../events/bus.js";

/** What domain functions need from the outside world. */
export interface Deps {
  prisma: PrismaClient;
  events: EventBus;
}
