// Global ids as GraphQL arguments: the kernel's codec, failing as the catalogue's not-found error.

import { ErrorCode, NotFoundError } from "../domain/kernel/errors.js";
import { decodeGlobalId, type NodeType } from "../domain/kernel/ids.js";

/**
 * A Relay global ID → the row id, for one type. Malformed IDs and IDs of another type name nothing, so they
 * fail as not found (never as a server error, and never reaching the database).
 */
export function rowId(globalId: string, typename: NodeType, code: ErrorCode = ErrorCode.NOT_FOUND): string {
  const id = decodeGlobalId(globalId, typename);
  if (id === null) {
    throw new NotFoundError(code === ErrorCode.PARTNER_NOT_FOUND ? code : ErrorCode.NOT_FOUND, `${typename} not found`);
  }
  return id;
}

/** Like rowId for an optional argument: null and undefined pass through. */
export function optionalRowId(globalId: string | null | undefined, typename: NodeType): string | null | undefined {
  return globalId === null || globalId === undefined ? globalId : rowId(globalId, typename);
}
