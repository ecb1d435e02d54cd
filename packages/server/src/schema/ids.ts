import { decodeGlobalID } from "@pothos/plugin-relay";
import { ErrorCode, NotFoundError } from "../domain/errors.js";
import { isUuid } from "../domain/values.js";

/**
 * A Relay global ID → the row id, for one type. Malformed IDs and IDs of another type name nothing, so they
 * fail as not found (never as a server error, and never reaching the database).
 */
export function rowId(
  globalId: string,
  typename: "Program" | "Partner",
  code: typeof ErrorCode.NOT_FOUND | typeof ErrorCode.PARTNER_NOT_FOUND = ErrorCode.NOT_FOUND,
): string {
  let decoded: { typename: string; id: string } | undefined;
  try {
    decoded = decodeGlobalID(globalId);
  } catch {
    decoded = undefined;
  }
  if (!decoded || decoded.typename !== typename || !isUuid(decoded.id)) {
    throw new NotFoundError(code, `${typename} not found`);
  }
  return decoded.id;
}
