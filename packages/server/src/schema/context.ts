import type { Logger } from "pino";
import type { Principal } from "../domain/auth/principal.js";
import type { Deps } from "../domain/deps.js";

/** Per-operation context: who is calling, and the domain's dependencies. */
export interface Context extends Deps {
  principal: Principal;
  requestId: string;
  log: Logger;
}
