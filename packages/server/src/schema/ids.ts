import { decodeGlobalID } from "@pothos/plugin-relay";
import { ErrorCode, NotFoundError } from "../domain/kernel/errors.js";
import { isUuid } from "../domain/kernel/values.js";

type NodeType =
  | "Program"
  | "Partner"
  | "PartnerCategory"
  | "RoleGrant"
  | "Campaign"
  | "Member"
  | "Purchase"
  | "ReferralProject"
  | "ReferralLink"
  | "Click"
  | "Conversion"
  | "RewardRule"
  | "Commission"
  | "Club"
  | "Card"
  | "Activity"
  | "Reward"
  | "Redemption"
  | "Coupon"
  | "Game"
  | "GamePlay";

/**
 * A Relay global ID → the row id, for one type. Malformed IDs and IDs of another type name nothing, so they
 * fail as not found (never as a server error, and never reaching the database).
 */
export function rowId(globalId: string, typename: NodeType, code: ErrorCode = ErrorCode.NOT_FOUND): string {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    decoded = undefined;
  }
  if (!decoded || decoded.typename !== typename || !isUuid(decoded.id)) {
    throw new NotFoundError(code === ErrorCode.PARTNER_NOT_FOUND ? code : ErrorCode.NOT_FOUND, `${typename} not found`);
  }
  return decoded.id;
}

/** Like rowId for an optional argument: null and undefined pass through. */
export function optionalRowId(globalId: string | null | undefined, typename: NodeType): string | null | undefined {
  return globalId === null || globalId === undefined ? globalId : rowId(globalId, typename);
}
