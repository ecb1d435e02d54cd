// The member a member-side loyalty action is for (own redemption, game play): a member's own session may leave
// it out; managers and the card's partner acting for a member name them by global ID or external ID.
import { ValidationError } from "../domain/errors.js";
import type { MemberRef } from "../domain/points/members.js";
import type { builder } from "./builder.js";
import { rowId } from "./ids.js";

type InputFields = Parameters<Parameters<typeof builder.inputType>[1]["fields"]>[0];

export const memberInput = (t: InputFields) => ({
  memberId: t.id({ description: "The member, by global ID (or give memberExternalId); a member's own session may leave both out." }),
  memberExternalId: t.string({ description: "The member, by the program's own customer id." }),
});

export function memberRefOf(input: { memberId?: string | null; memberExternalId?: string | null }): MemberRef | { externalId: string } | null {
  if (input.memberId && input.memberExternalId) throw new ValidationError([{ path: "memberId", message: "give memberId or memberExternalId, not both" }]);
  if (input.memberId) return { id: rowId(input.memberId, "Member") };
  if (input.memberExternalId) return { externalId: input.memberExternalId };
  return null;
}
