// Which published events a live subscriber receives (receivesLiveEvent) and which make liveStats stale.
import { describe, expect, it } from "vitest";
import type { Principal } from "../src/domain/kernel/principal.js";
import { makesLiveStatsStale, receivesLiveEvent } from "../src/domain/referrals/live-stats.js";
import type { DomainEvent } from "../src/events/bus.js";

const manager: Principal = {
  kind: "programKey",
  id: "k",
  programId: "prog",
  grants: [{ role: "PROGRAM_MANAGER", programId: "prog" }],
};
const partnerUser: Principal = {
  kind: "user",
  id: "u",
  sessionId: "s",
  email: "p@example.com",
  grants: [{ role: "PARTNER_USER", programId: "prog", partnerId: "p1" }],
};
const occurredAt = "2026-03-15T12:00:00.000Z";
const click = (partnerId: string, projectId = "proj"): DomainEvent => ({
  type: "CLICK_RECORDED",
  programId: "prog",
  partnerId,
  projectId,
  linkId: "l",
  clickId: "c",
  status: "VALID",
  occurredAt,
});
const points: DomainEvent = {
  type: "POINTS_AWARDED",
  programId: "prog",
  partnerId: "p1",
  memberId: "m",
  purchaseId: "x",
  points: 5,
  occurredAt,
};
const partnerCreated: DomainEvent = { type: "PARTNER_CREATED", programId: "prog", partnerId: "p1", occurredAt };

describe("receivesLiveEvent", () => {
  it("gives managers every event and a partner only its own", () => {
    expect(receivesLiveEvent(manager, {}, click("p2"))).toBe(true);
    expect(receivesLiveEvent(partnerUser, {}, click("p1"))).toBe(true);
    expect(receivesLiveEvent(partnerUser, {}, click("p2"))).toBe(false);
  });

  it("narrows to a project (events without one never match) and to a partner", () => {
    expect(receivesLiveEvent(manager, { projectId: "proj" }, click("p1"))).toBe(true);
    expect(receivesLiveEvent(manager, { projectId: "other" }, click("p1"))).toBe(false);
    expect(receivesLiveEvent(manager, { projectId: "proj" }, points)).toBe(false);
    expect(receivesLiveEvent(manager, { partnerId: "p2" }, click("p1"))).toBe(false);
    expect(receivesLiveEvent(manager, { projectId: null, partnerId: null }, points)).toBe(true);
  });
});

describe("makesLiveStatsStale", () => {
  const scope = { programId: "prog", projectId: null, partnerId: null, tz: "UTC" };
  it("counts clicks, conversions, commissions and points the subscriber receives, nothing else", () => {
    expect(makesLiveStatsStale(manager, scope, click("p1"))).toBe(true);
    expect(makesLiveStatsStale(manager, scope, points)).toBe(true);
    expect(makesLiveStatsStale(manager, scope, partnerCreated)).toBe(false);
    expect(makesLiveStatsStale(partnerUser, { ...scope, partnerId: "p1" }, click("p2"))).toBe(false);
  });
});
