import type { Logger } from "pino";
import type { LoginSecrets } from "../domain/auth/login.js";
import type { Call } from "../domain/kernel/deps.js";
import type { Principal } from "../domain/kernel/principal.js";

/** Per-operation context: who is calling, the request it belongs to, and the domain's dependencies. */
export interface Context extends Call {
  requestId: string;
  log: Logger;
  secrets: LoginSecrets;
  /** The server's public base URL (PUBLIC_URL), e.g. for referral link URLs. */
  publicUrl: string;
  /** The caller's credential checked again (through the principal cache): live operations do so at every event. */
  reauthenticate(): Promise<Principal>;
}
