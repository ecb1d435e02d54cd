// Prices a basket: program configuration + basket + purchase time → per-unit breakdown and total.
// Pure: no I/O, no clock (the time is the basket's datePurchased), no floating point.
import { type PreparedCampaign, pickCampaign } from "./campaigns.js";
import { CHANNELS, type Channel, type CodeTable, isCode, TENDER_TYPES, TRANSACTION_TYPES } from "./codes.js";
import { add, divide, formatDecimal, multiply, ONE, type Ratio, ratio, ZERO } from "./decimal.js";
import { PointsInputError } from "./errors.js";
import { type MultiplierTable, multiplierFor, type ProgramData, parseProgram } from "./program.js";
import { roundToInteger } from "./rounding.js";
import type {
  Basket,
  BasketItem,
  CampaignMatch,
  CodeMultiplier,
  PointsResult,
  ProgramConfig,
  TenderShare,
  UnitBreakdown,
} from "./types.js";
import { type Amount, inputAmount, inputInstant, inputText } from "./validate.js";

/** Most units one basket may hold: the breakdown has an entry per unit, so this bounds the response. */
export const MAX_BASKET_UNITS = 10_000;

export interface PointsEngine {
  /** Throws PointsInputError for a basket it cannot price. */
  calculate(basket: Basket): PointsResult;
}

/** Checks and indexes a program once (throws PointsConfigError); reuse the engine for every basket. */
export function prepareProgram(config: ProgramConfig): PointsEngine {
  const program = parseProgram(config);
  return Object.freeze({ calculate: (basket: Basket) => calculate(program, basket) });
}

/** One-off pricing; prefer prepareProgram when pricing several baskets for the same program. */
export function calculatePoints(config: ProgramConfig, basket: Basket): PointsResult {
  return prepareProgram(config).calculate(basket);
}

/** What every item of a basket shares: the instant, the rate, the channel, the tenders, DAY_TIME campaigns. */
interface BasketContext {
  readonly at: number;
  readonly rate: Amount;
  readonly channel: CodeMultiplier<Channel> | undefined;
  readonly tenders: readonly TenderShare[] | undefined;
  /** channel multiplier × tender multiplier. */
  readonly basketFactor: Ratio;
  readonly dayTime: readonly PreparedCampaign[];
}

function calculate(program: ProgramData, basket: Basket): PointsResult {
  if (typeof basket !== "object" || basket === null)
    throw new PointsInputError("missing_data", "basket", "is required");
  const at = inputInstant(basket.datePurchased, "datePurchased");
  if (
    basket.currency != null &&
    program.currency !== undefined &&
    String(basket.currency).toUpperCase() !== program.currency
  ) {
    throw new PointsInputError("invalid_currency", "currency", `the program's currency is ${program.currency}`);
  }
  const rate =
    basket.pointConversionRate == null ? program.rate : inputAmount(basket.pointConversionRate, "pointConversionRate");
  const channel =
    basket.channelId == null
      ? undefined
      : codeMultiplier(CHANNELS, program.channelMultipliers, basket.channelId, "channelId");
  const tenders = tenderShares(program.tenderMultipliers, basket.tenders);
  const context: BasketContext = {
    at,
    rate,
    channel: channel?.entry,
    tenders: tenders?.shares,
    basketFactor: multiply(channel?.multiplier ?? ONE, tenders?.multiplier ?? ONE),
    dayTime: program.campaigns.hasDayTime ? program.campaigns.dayTimeAt(at, program.weekMinute(at)) : [],
  };

  if (!Array.isArray(basket.items)) throw new PointsInputError("missing_data", "items", "is required");
  const breakdown: UnitBreakdown[] = [];
  let total = 0n;
  basket.items.forEach((item: BasketItem, i) => {
    const field = `items[${i}]`;
    if (typeof item !== "object" || item === null) throw new PointsInputError("missing_data", field, "is required");
    const quantity = item.quantity;
    if (quantity == null) throw new PointsInputError("missing_data", `${field}.quantity`, "is required");
    if (!Number.isSafeInteger(quantity) || quantity < 1)
      throw new PointsInputError("invalid", `${field}.quantity`, "must be a whole number ≥ 1");
    if (breakdown.length + quantity > MAX_BASKET_UNITS) {
      throw new PointsInputError("invalid", `${field}.quantity`, `a basket may hold at most ${MAX_BASKET_UNITS} units`);
    }
    const unit = priceUnit(program, context, item, quantity, field);
    for (let n = 0; n < quantity; n++) breakdown.push({ ...unit });
    total += BigInt(unit.pointsAwarded) * BigInt(quantity);
  });
  return { totalPointsAwarded: toPoints(total, "items"), breakdown };
}

/** One unit of a basket line: the rules of the reference, each applied once. */
function priceUnit(
  program: ProgramData,
  context: BasketContext,
  item: BasketItem,
  quantity: number,
  field: string,
): UnitBreakdown {
  const sku = inputText(item.sku, `${field}.sku`);
  const unitPrice = divide(inputAmount(item.price, `${field}.price`).ratio, ratio(BigInt(quantity)));
  const transaction =
    item.transactionId == null
      ? undefined
      : codeMultiplier(TRANSACTION_TYPES, program.transactionMultipliers, item.transactionId, `${field}.transactionId`);
  if (item.isAwaitingFulfillment != null && typeof item.isAwaitingFulfillment !== "boolean") {
    throw new PointsInputError("invalid", `${field}.isAwaitingFulfillment`, "must be a boolean");
  }

  const convertedPoints = roundToInteger(multiply(unitPrice, context.rate.ratio), program.rounding);
  const isExcluded = program.excludedSkus.has(sku);
  const matches = isExcluded
    ? []
    : program.campaigns.forItem(sku, program.products.get(sku), context.at, context.dayTime);
  const applied = pickCampaign(matches);
  // A missing factor (no campaign, no transaction type, no tenders, no channel) is 1.
  const multiplier = multiply(
    multiply(applied?.multiplier.ratio ?? ONE, transaction?.multiplier ?? ONE),
    context.basketFactor,
  );
  const pointsAwarded = isExcluded
    ? 0n
    : roundToInteger(multiply(ratio(convertedPoints), multiplier), program.rounding);

  // Key order follows the reference's response; absent factors are left out, as the reference does.
  return {
    sku,
    isAwaitingFulfillment: item.isAwaitingFulfillment === true,
    quantity: 1,
    itemPrice: formatDecimal(unitPrice),
    pointsToDollarConversionRate: context.rate.text,
    convertedPoints: toPoints(convertedPoints, `${field}.price`),
    isExcluded,
    campaigns: matches.map(
      (c): CampaignMatch => ({
        id: c.id,
        type: c.type,
        title: c.title,
        multiplier: c.multiplier.text,
        applied: c === applied,
      }),
    ),
    ...(transaction && { transaction: transaction.entry }),
    ...(context.tenders && { tenders: context.tenders }),
    ...(context.channel && { channel: context.channel }),
    pointsAwarded: toPoints(pointsAwarded, `${field}.price`),
  };
}

/**
 * The tender multiplier is the tenders' multipliers weighted by their share of the total tendered:
 * Σ (amountᵢ ÷ total) × multiplierᵢ. No tenders: undefined (a factor of 1).
 */
function tenderShares(
  multipliers: MultiplierTable,
  tenders: Basket["tenders"],
): { shares: TenderShare[]; multiplier: Ratio } | undefined {
  if (tenders == null) return undefined;
  if (!Array.isArray(tenders)) throw new PointsInputError("invalid", "tenders", "must be a list");
  if (tenders.length === 0) return undefined;
  const parsed = tenders.map((tender, i) => {
    if (typeof tender !== "object" || tender === null)
      throw new PointsInputError("missing_data", `tenders[${i}]`, "is required");
    const { entry, multiplier } = codeMultiplier(TENDER_TYPES, multipliers, tender.type, `tenders[${i}].type`);
    return { entry, multiplier, amount: inputAmount(tender.amount, `tenders[${i}].amount`) };
  });
  const total = parsed.reduce((sum, t) => add(sum, t.amount.ratio), ZERO);
  if (total.num === 0n) throw new PointsInputError("invalid_amount", "tenders", "the tendered amounts add up to 0");
  const weighted = parsed.reduce((sum, t) => add(sum, multiply(t.amount.ratio, t.multiplier)), ZERO);
  return {
    multiplier: divide(weighted, total),
    shares: parsed.map(({ entry, amount }) => ({
      type: entry.id,
      name: entry.name,
      amount: amount.text,
      proportion: formatDecimal(divide(amount.ratio, total)),
      multiplier: entry.multiplier,
    })),
  };
}

/** A code's breakdown entry and multiplier; an unknown code cannot be priced. */
function codeMultiplier<T extends CodeTable>(
  codes: T,
  multipliers: MultiplierTable,
  code: unknown,
  field: string,
): { entry: CodeMultiplier<keyof T & number>; multiplier: Ratio } {
  if (code == null) throw new PointsInputError("missing_data", field, "is required");
  if (!isCode(codes, code)) throw new PointsInputError("invalid", field, `unknown code ${JSON.stringify(code)}`);
  const multiplier = multiplierFor(multipliers, code);
  return {
    entry: { id: code, name: codes[code] as string, multiplier: multiplier.text },
    multiplier: multiplier.ratio,
  };
}

/**
 * The most points one unit or one basket may earn: a 32-bit signed integer, what GraphQL's Int and the
 * ledger's INTEGER columns hold (a price of 2,000,000,000 at 2 points per unit must be refused, not overflow).
 */
export const MAX_POINTS = 2 ** 31 - 1;

function toPoints(points: bigint, field: string): number {
  if (points > BigInt(MAX_POINTS))
    throw new PointsInputError("invalid_amount", field, `earns more than ${MAX_POINTS} points`);
  return Number(points);
}
