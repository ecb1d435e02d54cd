// The weighted draw of a game: each prize wins with probability weight / Σ weights. Pure: the random source is
// passed in (crypto.randomInt in production, a fixed sequence in tests), so the distribution can be checked
// exactly by enumerating every value the source can return.
import { randomInt } from "node:crypto";

/** A uniformly distributed integer in [0, maxExclusive). */
export type RandomSource = (maxExclusive: number) => number;

export const cryptoRandom: RandomSource = (maxExclusive) => randomInt(maxExclusive);

/**
 * The prize a draw picks: the prizes laid end to end by weight, and a uniform integer picks a point on the line.
 * Weights are positive integers (so the draw is exact, with no floating-point bias); at least one prize is needed.
 */
export function drawPrize<T extends { weight: number }>(prizes: readonly T[], random: RandomSource = cryptoRandom): T {
  if (!prizes.length) throw new RangeError("a draw needs at least one prize");
  let total = 0;
  for (const p of prizes) {
    if (!Number.isSafeInteger(p.weight) || p.weight < 1)
      throw new RangeError(`prize weights must be positive integers, got ${p.weight}`);
    total += p.weight;
  }
  if (!Number.isSafeInteger(total) || total > 2 ** 48 - 1)
    throw new RangeError("the prizes' total weight is too large to draw from");
  const point = random(total);
  if (!Number.isInteger(point) || point < 0 || point >= total)
    throw new RangeError(`the random source returned ${point}, outside [0, ${total})`);
  let cumulative = 0;
  for (const p of prizes) {
    cumulative += p.weight;
    if (point < cumulative) return p;
  }
  throw new Error("unreachable: the point lies below the total weight");
}
