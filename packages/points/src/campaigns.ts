// Bonus campaigns: validated and indexed once per program, so that finding an item's campaigns costs the same
// with 10 campaigns as with 10,000. SKU, BRAND and CATEGORY campaigns sit in maps keyed by their targets;
// DAY_TIME campaigns sit in 168 hour-of-week buckets and are matched once per basket, not per item.
import { compare } from "./decimal.js";
import { PointsConfigError } from "./errors.js";
import { MINUTES_PER_DAY, MINUTES_PER_WEEK, parseClock, WEEKDAYS } from "./time.js";
import type { Campaign, CampaignType, Product } from "./types.js";
import { type Amount, configAmount, configInstant, configText, configTexts } from "./validate.js";

export interface PreparedCampaign {
  readonly id: string;
  readonly type: CampaignType;
  readonly title: string;
  readonly multiplier: Amount;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly createdAt: number;
}

/** A stretch [from, to) of the week in local minutes (Monday 00:00 = 0) during which a DAY_TIME campaign runs. */
interface WeekWindow {
  readonly campaign: PreparedCampaign;
  readonly from: number;
  readonly to: number;
}

const HOURS_PER_WEEK = MINUTES_PER_WEEK / 60;

export class CampaignIndex {
  private readonly bySku = new Map<string, PreparedCampaign[]>();
  private readonly byBrand = new Map<string, PreparedCampaign[]>();
  private readonly byCategory = new Map<string, PreparedCampaign[]>();
  private readonly byHourOfWeek: WeekWindow[][] = Array.from({ length: HOURS_PER_WEEK }, () => []);
  private dayTimeCount = 0;

  constructor(campaigns: readonly Campaign[] = [], field = "campaigns") {
    if (!Array.isArray(campaigns)) throw new PointsConfigError(field, "must be a list");
    const ids = new Set<string>();
    for (const [i, campaign] of campaigns.entries()) {
      const path = `${field}[${i}]`;
      const prepared = prepareCampaign(campaign, path);
      if (ids.has(prepared.id))
        throw new PointsConfigError(`${path}.id`, `duplicate campaign id ${JSON.stringify(prepared.id)}`);
      ids.add(prepared.id);
      // Only ACTIVE campaigns can ever apply; the rest are validated but not indexed.
      if (campaign.status !== "ACTIVE") continue;
      switch (campaign.type) {
        case "SKU":
          addTargets(this.bySku, campaign.skus, prepared);
          break;
        case "BRAND":
          addTargets(this.byBrand, campaign.brands, prepared);
          break;
        case "CATEGORY":
          addTargets(this.byCategory, campaign.categories, prepared);
          break;
        case "DAY_TIME":
          this.dayTimeCount++;
          for (const window of weekWindows(campaign, prepared, path)) {
            for (let hour = Math.floor(window.from / 60); hour * 60 < window.to; hour++)
              this.byHourOfWeek[hour]?.push(window);
          }
      }
    }
  }

  get hasDayTime(): boolean {
    return this.dayTimeCount > 0;
  }

  /** DAY_TIME campaigns active at instant `at` whose window holds the local minute of the week. */
  dayTimeAt(at: number, weekMinute: number): PreparedCampaign[] {
    const matches: PreparedCampaign[] = [];
    for (const { campaign, from, to } of this.byHourOfWeek[Math.floor(weekMinute / 60)] ?? []) {
      if (from <= weekMinute && weekMinute < to && isActiveAt(campaign, at)) matches.push(campaign);
    }
    return matches;
  }

  /** The item's active campaigns, listed SKU, BRAND, CATEGORY, then the basket's DAY_TIME matches. */
  forItem(
    sku: string,
    product: Product | undefined,
    at: number,
    dayTime: readonly PreparedCampaign[],
  ): PreparedCampaign[] {
    const matches: PreparedCampaign[] = [];
    collectActive(matches, this.bySku.get(sku), at);
    if (product?.brand != null) collectActive(matches, this.byBrand.get(product.brand), at);
    if (product?.category != null) collectActive(matches, this.byCategory.get(product.category), at);
    for (const campaign of dayTime) matches.push(campaign);
    return matches;
  }
}

/** The campaign that applies: the highest multiplier; on a tie the most recently created; then the greater id. */
export function pickCampaign(matches: readonly PreparedCampaign[]): PreparedCampaign | undefined {
  let best: PreparedCampaign | undefined;
  for (const candidate of matches) {
    if (!best) {
      best = candidate;
      continue;
    }
    const byMultiplier = compare(candidate.multiplier.ratio, best.multiplier.ratio);
    if (
      byMultiplier > 0 ||
      (byMultiplier === 0 &&
        (candidate.createdAt > best.createdAt || (candidate.createdAt === best.createdAt && candidate.id > best.id)))
    ) {
      best = candidate;
    }
  }
  return best;
}

/** A campaign (already known to be ACTIVE) applies at instants in [startsAt, endsAt). */
function isActiveAt(campaign: PreparedCampaign, at: number): boolean {
  return campaign.startsAt <= at && at < campaign.endsAt;
}

function collectActive(
  into: PreparedCampaign[],
  candidates: readonly PreparedCampaign[] | undefined,
  at: number,
): void {
  if (!candidates) return;
  for (const campaign of candidates) if (isActiveAt(campaign, at)) into.push(campaign);
}

function addTargets(
  index: Map<string, PreparedCampaign[]>,
  targets: readonly string[],
  campaign: PreparedCampaign,
): void {
  for (const target of new Set(targets)) {
    const list = index.get(target);
    if (list) list.push(campaign);
    else index.set(target, [campaign]);
  }
}

const CAMPAIGN_TYPES: readonly CampaignType[] = ["SKU", "BRAND", "CATEGORY", "DAY_TIME"];

function prepareCampaign(campaign: Campaign, path: string): PreparedCampaign {
  if (typeof campaign !== "object" || campaign === null) throw new PointsConfigError(path, "must be an object");
  if (!CAMPAIGN_TYPES.includes(campaign.type))
    throw new PointsConfigError(`${path}.type`, `must be one of ${CAMPAIGN_TYPES.join(", ")}`);
  if (campaign.status !== "ACTIVE" && campaign.status !== "INACTIVE")
    throw new PointsConfigError(`${path}.status`, "must be ACTIVE or INACTIVE");
  const startsAt = configInstant(campaign.startsAt, `${path}.startsAt`);
  const endsAt = campaign.endsAt == null ? Infinity : configInstant(campaign.endsAt, `${path}.endsAt`);
  if (endsAt <= startsAt) throw new PointsConfigError(`${path}.endsAt`, "must be after startsAt");
  switch (campaign.type) {
    case "SKU":
      configTexts(campaign.skus, `${path}.skus`);
      break;
    case "BRAND":
      configTexts(campaign.brands, `${path}.brands`);
      break;
    case "CATEGORY":
      configTexts(campaign.categories, `${path}.categories`);
      break;
    case "DAY_TIME":
      break; // checked by weekWindows
  }
  return {
    id: configText(campaign.id, `${path}.id`),
    type: campaign.type,
    title: configText(campaign.title, `${path}.title`),
    multiplier: configAmount(campaign.multiplier, `${path}.multiplier`),
    startsAt,
    endsAt,
    createdAt: configInstant(campaign.createdAt, `${path}.createdAt`),
  };
}

/**
 * The stretches of the week a DAY_TIME campaign covers. Each listed day contributes [day + start, day + start +
 * length), where length = end − start, plus 24 hours when the window crosses midnight (end ≤ start). A stretch
 * past Sunday midnight wraps to Monday morning.
 */
function weekWindows(
  campaign: Extract<Campaign, { type: "DAY_TIME" }>,
  prepared: PreparedCampaign,
  path: string,
): WeekWindow[] {
  const start = parseClock(String(campaign.startTime));
  const end = parseClock(String(campaign.endTime));
  if (start === undefined) throw new PointsConfigError(`${path}.startTime`, 'must be "HH:MM" between 00:00 and 23:59');
  if (end === undefined) throw new PointsConfigError(`${path}.endTime`, 'must be "HH:MM" between 00:00 and 23:59');
  if (!Array.isArray(campaign.days) || campaign.days.length === 0)
    throw new PointsConfigError(`${path}.days`, "must be a non-empty list");
  const length = end > start ? end - start : end - start + MINUTES_PER_DAY;
  const dayIndexes = campaign.days.map((day, i) => {
    const dayIndex = WEEKDAYS.indexOf(day);
    if (dayIndex < 0) throw new PointsConfigError(`${path}.days[${i}]`, `must be one of ${WEEKDAYS.join(", ")}`);
    return dayIndex;
  });
  const windows: WeekWindow[] = [];
  for (const dayIndex of new Set(dayIndexes)) {
    const from = dayIndex * MINUTES_PER_DAY + start;
    const to = from + length;
    if (to <= MINUTES_PER_WEEK) windows.push({ campaign: prepared, from, to });
    else
      windows.push(
        { campaign: prepared, from, to: MINUTES_PER_WEEK },
        { campaign: prepared, from: 0, to: to - MINUTES_PER_WEEK },
      );
  }
  return windows;
}
