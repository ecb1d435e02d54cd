// The one Relay global-id codec: base64 of "Type:uuid", the ids the API shows for every row (GraphQL, CSV).
import { isUuid } from "./values.js";

/** The types whose rows the API names by global id. */
export type NodeType =
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
 * A row's global id. Byte for byte what @pothos/plugin-relay encodes for the same node (UTF-8, then standard
 * base64 with padding), so an id in a CSV file is the id GraphQL shows and `node(id:)` accepts.
 */
export function encodeGlobalId(type: NodeType, rowId: string): string {
  return Buffer.from(`${type}:${rowId}`, "utf8").toString("base64");
}

/** Standard base64 with its padding: what the relay plugin accepts (Buffer alone would take almost anything). */
const BASE64 = /^(?:[\d+/A-Za-z]{4})*(?:[\d+/A-Za-z]{2}==|[\d+/A-Za-z]{3}=)?$/;

/**
 * The type name and row id inside a global id, or null when the text is not one: not base64, no type, or not a
 * UUID after the colon. Never throws, so untrusted text (arguments, query strings, CSV cells) can be tried
 * without a catch, and a garbage id never reaches the database.
 */
export function parseGlobalId(globalId: string): { type: string; rowId: string } | null {
  if (!BASE64.test(globalId)) return null;
  const decoded = Buffer.from(globalId, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) return null;
  const rowId = decoded.slice(colon + 1);
  return isUuid(rowId) ? { type: decoded.slice(0, colon), rowId } : null;
}

/**
 * The row id inside a global id of the given type, or null when the text is not one (see parseGlobalId) or
 * names another type. It accepts exactly the ids the relay plugin decodes to this type and a UUID, so an
 * argument and `node(id:)` agree on what names a row.
 */
export function decodeGlobalId(globalId: string, type: NodeType): string | null {
  const parsed = parseGlobalId(globalId);
  return parsed?.type === type ? parsed.rowId : null;
}
