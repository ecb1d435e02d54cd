import { randomFillSync } from "node:crypto";

let lastMillis = 0;
let sequence = 0;

// Randomness is drawn from the CSPRNG in blocks: one randomBytes(16) call costs ~5 µs here, as much as the
// rest of the id, and the click redirect mints one id per click. Each byte is used once.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let poolOffset = POOL_BYTES;

function random(bytes: number): Buffer {
  if (poolOffset + bytes > POOL_BYTES) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  poolOffset += bytes;
  return pool.subarray(poolOffset - bytes, poolOffset);
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then randomness, so ids sort by creation time and
 * index well. Within one millisecond a 12-bit counter keeps ids from this process increasing.
 */
export function uuidv7(now = Date.now()): string {
  if (now <= lastMillis) {
    sequence = (sequence + 1) & 0xfff;
    if (sequence === 0) lastMillis++; // 4096 ids in one millisecond: borrow the next one
    now = lastMillis;
  } else {
    lastMillis = now;
    sequence = random(2).readUInt16BE() & 0x7ff; // start low so the counter rarely overflows
  }
  const bytes = Buffer.allocUnsafe(16);
  random(16).copy(bytes);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
