// The kernel's global-id codec: the same bytes as the relay plugin's, and null (never a throw) for anything else.
import { decodeGlobalID, encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { decodeGlobalId, encodeGlobalId, type NodeType } from "../src/domain/kernel/ids.js";

const UUID = "0190f5c2-7b1e-7c3a-9d4e-1a2b3c4d5e6f";
const TYPES: NodeType[] = ["Program", "Partner", "Member", "Card", "Club", "Click", "GamePlay", "PartnerCategory"];

describe("global ids", () => {
  it("encode exactly as @pothos/plugin-relay does, and decode what it encodes", () => {
    for (const type of TYPES) {
      const id = encodeGlobalId(type, UUID);
      expect(id).toBe(encodeGlobalID(type, UUID));
      expect(decodeGlobalID(id)).toEqual({ typename: type, id: UUID });
      expect(decodeGlobalId(id, type)).toBe(UUID);
    }
  });

  it("name nothing when the text is not an id of that type", () => {
    const other = encodeGlobalId("Card", UUID);
    for (const text of [
      "",
      "not-an-id",
      UUID,
      other,
      other.replace(/=+$/, ""), // padding dropped
      ` ${encodeGlobalId("Club", UUID)}`,
      Buffer.from(`Club:${UUID}:x`).toString("base64"),
      Buffer.from("Club:not-a-uuid").toString("base64"),
      Buffer.from("Club:").toString("base64"),
      Buffer.from(`Clubs:${UUID}`).toString("base64"),
      "bm90LWEtY2FyZA==",
      "%%%",
    ]) {
      expect(decodeGlobalId(text, "Club"), text).toBeNull();
    }
  });

  it("accept the ids the relay plugin accepts for the type, so arguments and node(id:) agree", () => {
    const id = encodeGlobalId("Club", UUID.toUpperCase());
    expect(decodeGlobalId(id, "Club")).toBe(UUID.toUpperCase());
    // Base64 whose unused low bits are set still decodes to the same bytes (and so to the same row).
    const canonical = encodeGlobalId("Club", UUID);
    const last = canonical.replace(/=+$/, "").slice(-1);
    const sloppy = canonical.replace(/.(=+)$/, `${String.fromCharCode(last.charCodeAt(0) + 1)}$1`);
    expect(sloppy).not.toBe(canonical);
    expect(decodeGlobalID(sloppy)).toEqual({ typename: "Club", id: UUID });
    expect(decodeGlobalId(sloppy, "Club")).toBe(UUID);
  });
});
