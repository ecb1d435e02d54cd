// The kernel's area hooks and loyalty's stamp progress: the pure modules behind the partner→loyalty coupling and
// the ledger-derived stamp counts.
import { describe, expect, it } from "vitest";
import { onPartnerStatusChanged, partnerStatusChanged } from "../src/domain/kernel/area-hooks.js";
import type { Tx } from "../src/domain/kernel/deps.js";
import { stampProgress } from "../src/domain/loyalty/stamp-progress.js";

const tx = {} as Tx;
const partner = { id: "p1", status: "DISABLED" as const, deletedAt: null };

describe("partnerStatusChanged", () => {
  it("runs every registered reaction once, in registration order, with the writer's transaction", async () => {
    const calls: string[] = [];
    onPartnerStatusChanged("test.first", async (t, p) => void calls.push(`first ${t === tx} ${p.id}`));
    onPartnerStatusChanged("test.second", async (_t, p) => void calls.push(`second ${p.status}`));
    // Registering under a name again (a second app in the same process) replaces the reaction.
    onPartnerStatusChanged("test.first", async (t, p) => void calls.push(`first again ${t === tx} ${p.id}`));
    await partnerStatusChanged(tx, partner);
    expect(calls).toEqual(["first again true p1", "second DISABLED"]);
  });

  it("fails with the first failing reaction, so the status change rolls back with it", async () => {
    const ran: string[] = [];
    onPartnerStatusChanged("test.first", async () => {
      throw new Error("refused");
    });
    onPartnerStatusChanged("test.second", async () => void ran.push("second"));
    await expect(partnerStatusChanged(tx, partner)).rejects.toThrow("refused");
    expect(ran).toEqual([]);
  });
});

describe("stampProgress", () => {
  it("splits the balance into full cards and the card in progress, and counts completed cards from earned", () => {
    expect(stampProgress({ balance: 23, earned: 33 }, 10)).toEqual({
      stampsRequired: 10,
      current: 3,
      fullCards: 2,
      completed: 3,
    });
  });

  it("treats a negative balance as an empty card", () => {
    expect(stampProgress({ balance: -4, earned: 0 }, 5)).toEqual({
      stampsRequired: 5,
      current: 0,
      fullCards: 0,
      completed: 0,
    });
  });
});
