// Area hooks: what one area must do inside another area's write transaction (loyalty suspends a disabled
// partner's rewards), registered by the reacting area at startup so that the writing area imports no other.
import type { PartnerStatus } from "../../generated/prisma/client.js";
import type { Tx } from "./deps.js";

/** A partner as its status change (enable, disable, delete) left it, inside the writing transaction. */
export interface PartnerStatusChange {
  id: string;
  status: PartnerStatus;
  deletedAt: Date | null;
}

export type PartnerStatusHandler = (tx: Tx, partner: PartnerStatusChange) => Promise<unknown>;

// Keyed by name: registering again (one process starts several apps, e.g. in tests) replaces, never doubles.
const partnerStatusHandlers = new Map<string, PartnerStatusHandler>();

/** Registers a reaction to partner status changes; it runs in the change's transaction and can fail it. */
export function onPartnerStatusChanged(name: string, handler: PartnerStatusHandler): void {
  partnerStatusHandlers.set(name, handler);
}

/**
 * Runs every reaction, one after another, in the writer's transaction: they commit or roll back with the status
 * change itself (a disabled partner's rewards are never left redeemable).
 */
export async function partnerStatusChanged(tx: Tx, partner: PartnerStatusChange): Promise<void> {
  for (const handler of partnerStatusHandlers.values()) await handler(tx, partner);
}
