// The engine's inputs and outputs. Field names mirror the CrowdTwist Potential Points reference in camelCase
// (date_purchased → datePurchased, points_awarded → pointsAwarded) so the REST layer maps them one to one.
// Amounts, rates and multipliers are decimal strings, never JS numbers; points are whole (safe) integers.
import type { Channel, TenderType, TransactionType } from "./codes.js";
import type { DecimalString } from "./decimal.js";
import type { RoundingMode } from "./rounding.js";
import type { IsoInstant, Weekday } from "./time.js";

// ---- Program configuration -------------------------------------------------------------------------------

export interface ProgramConfig {
  /** Points per currency unit, e.g. "2" (the conversion rate); ≥ 0. */
  pointsPerCurrencyUnit: DecimalString;
  /** Both roundings use it (see RoundingMode). Default NATURAL. */
  roundingMode?: RoundingMode;
  /** IANA time zone that DAY_TIME campaigns are written in, e.g. "Europe/Vilnius". */
  timezone: string;
  /** ISO 4217 code; when set, a basket naming another currency is refused with invalid_currency. */
  currency?: string;
  /** Multiplier per code; a code without one counts as 1, "0" means no points. */
  tenderMultipliers?: Readonly<Partial<Record<TenderType, DecimalString>>>;
  channelMultipliers?: Readonly<Partial<Record<Channel, DecimalString>>>;
  transactionTypeMultipliers?: Readonly<Partial<Record<TransactionType, DecimalString>>>;
  /** The product catalogue: how BRAND and CATEGORY campaigns find an item's brand and category. */
  products?: readonly Product[];
  /** SKUs that never earn points while listed. */
  excludedSkus?: readonly string[];
  campaigns?: readonly Campaign[];
}

export interface Product {
  sku: string;
  brand?: string | null;
  category?: string | null;
}

export type CampaignType = "SKU" | "BRAND" | "CATEGORY" | "DAY_TIME";

/** Only ACTIVE campaigns can apply. */
export type CampaignStatus = "ACTIVE" | "INACTIVE";

interface CampaignBase {
  id: string;
  title: string;
  /** ≥ 0, e.g. "2". */
  multiplier: DecimalString;
  status: CampaignStatus;
  /** Active from startsAt (inclusive) to endsAt (exclusive); no endsAt: open-ended. */
  startsAt: IsoInstant;
  endsAt?: IsoInstant | null;
  /** Breaks ties between equal multipliers: the most recently created wins. */
  createdAt: IsoInstant;
}

/** Matches items whose SKU is listed. SKUs, brands and categories are compared exactly (case-sensitive). */
export interface SkuCampaign extends CampaignBase {
  type: "SKU";
  skus: readonly string[];
}

/** Matches items whose catalogue brand is listed. */
export interface BrandCampaign extends CampaignBase {
  type: "BRAND";
  brands: readonly string[];
}

/** Matches items whose catalogue category is listed. */
export interface CategoryCampaign extends CampaignBase {
  type: "CATEGORY";
  categories: readonly string[];
}

/**
 * Matches every item bought on one of the days between startTime (inclusive) and endTime (exclusive), local
 * time in the program's time zone. A window with endTime ≤ startTime crosses midnight and belongs to the day it
 * starts on (FRIDAY 22:00–02:00 covers Saturday 01:30, not Friday 01:30); startTime = endTime is 24 hours.
 */
export interface DayTimeCampaign extends CampaignBase {
  type: "DAY_TIME";
  days: readonly Weekday[];
  /** "HH:MM", 00:00–23:59. */
  startTime: string;
  endTime: string;
}

export type Campaign = SkuCampaign | BrandCampaign | CategoryCampaign | DayTimeCampaign;

// ---- Basket (the request) ---------------------------------------------------------------------------------

export interface Basket {
  /** ISO-8601 with an offset; campaigns and DAY_TIME windows are judged at this instant. */
  datePurchased: IsoInstant;
  /** Channel code (the reference's channel_id); absent: no channel multiplier. */
  channelId?: Channel | null;
  /** Absent or empty: no tender multiplier. Proportions are each amount ÷ the sum of amounts. */
  tenders?: readonly Tender[] | null;
  /** ISO 4217; checked against the program's currency when both are known. */
  currency?: string | null;
  /** A partner's pointConversionRate, used instead of the program's rate when set ("0": no points). */
  pointConversionRate?: DecimalString | null;
  items: readonly BasketItem[];
}

export interface Tender {
  type: TenderType;
  /** ≥ 0. */
  amount: DecimalString;
}

export interface BasketItem {
  sku: string;
  /** The line price, quantity included (the reference's price); ≥ 0. */
  price: DecimalString;
  /** Whole units ≥ 1; the breakdown has one entry per unit. */
  quantity: number;
  /** Transaction type code (the reference's transaction_id); absent: no multiplier. */
  transactionId?: TransactionType | null;
  /** Passed through to every unit's breakdown entry. */
  isAwaitingFulfillment?: boolean | null;
}

// ---- Result (the response) --------------------------------------------------------------------------------

export interface PointsResult {
  /** Sum of pointsAwarded over the breakdown. */
  totalPointsAwarded: number;
  /** One entry per unit, in basket order. */
  breakdown: readonly UnitBreakdown[];
}

export interface UnitBreakdown {
  sku: string;
  isAwaitingFulfillment: boolean;
  /** Always 1: the breakdown is per single unit. */
  quantity: 1;
  /** Line price ÷ quantity (display text; a non-terminating quotient is cut at 16 decimals). */
  itemPrice: DecimalString;
  /** The rate used: the partner's override or the program's. */
  pointsToDollarConversionRate: DecimalString;
  /** round(item price × rate). */
  convertedPoints: number;
  /** On the exclusion list: pointsAwarded is 0 and no campaign is matched. */
  isExcluded: boolean;
  /** Every campaign that matches the unit and is active at datePurchased; at most one has applied: true. */
  campaigns: readonly CampaignMatch[];
  /** Present when the item had a transaction type. */
  transaction?: CodeMultiplier<TransactionType>;
  /** Present when the basket had tenders. */
  tenders?: readonly TenderShare[];
  /** Present when the basket had a channel. */
  channel?: CodeMultiplier<Channel>;
  /** round(convertedPoints × campaign × transaction × tender × channel multipliers). */
  pointsAwarded: number;
}

export interface CampaignMatch {
  id: string;
  type: CampaignType;
  title: string;
  multiplier: DecimalString;
  /** The one campaign whose multiplier was used: highest multiplier, then most recently created. */
  applied: boolean;
}

export interface CodeMultiplier<C extends number> {
  id: C;
  name: string;
  multiplier: DecimalString;
}

export interface TenderShare {
  type: TenderType;
  name: string;
  amount: DecimalString;
  /** amount ÷ total tendered (display text, cut at 16 decimals: "0.3333333333333333"). */
  proportion: DecimalString;
  multiplier: DecimalString;
}
