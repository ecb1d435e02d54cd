// A program's configuration, checked and turned into lookup structures once (prepareProgram), so that pricing
// a basket only reads maps.
import { CampaignIndex } from "./campaigns.js";
import { CHANNELS, type CodeTable, TENDER_TYPES, TRANSACTION_TYPES } from "./codes.js";
import { ONE } from "./decimal.js";
import { PointsConfigError } from "./errors.js";
import { ROUNDING_MODES, type RoundingMode } from "./rounding.js";
import { weekMinuteClock } from "./time.js";
import type { Product, ProgramConfig } from "./types.js";
import { type Amount, configAmount, configText } from "./validate.js";

export interface ProgramData {
  readonly rate: Amount;
  readonly rounding: RoundingMode;
  readonly currency: string | undefined;
  /** Local minute of the week in the program's time zone. */
  readonly weekMinute: (epochMillis: number) => number;
  readonly tenderMultipliers: MultiplierTable;
  readonly channelMultipliers: MultiplierTable;
  readonly transactionMultipliers: MultiplierTable;
  readonly products: ReadonlyMap<string, Product>;
  readonly excludedSkus: ReadonlySet<string>;
  readonly campaigns: CampaignIndex;
}

export type MultiplierTable = ReadonlyMap<number, Amount>;

const NO_MULTIPLIER: Amount = { ratio: ONE, text: "1" };

/** The multiplier for a code: the configured one, or 1 when the program sets none. */
export function multiplierFor(table: MultiplierTable, code: number): Amount {
  return table.get(code) ?? NO_MULTIPLIER;
}

export function parseProgram(config: ProgramConfig): ProgramData {
  if (typeof config !== "object" || config === null) throw new PointsConfigError("config", "must be an object");
  const rounding = config.roundingMode ?? "NATURAL";
  if (!ROUNDING_MODES.includes(rounding))
    throw new PointsConfigError("roundingMode", `must be one of ${ROUNDING_MODES.join(", ")}`);
  return {
    rate: configAmount(config.pointsPerCurrencyUnit, "pointsPerCurrencyUnit"),
    rounding,
    currency: config.currency == null ? undefined : configText(config.currency, "currency").toUpperCase(),
    weekMinute: clockFor(config.timezone),
    tenderMultipliers: multiplierTable(TENDER_TYPES, config.tenderMultipliers, "tenderMultipliers"),
    channelMultipliers: multiplierTable(CHANNELS, config.channelMultipliers, "channelMultipliers"),
    transactionMultipliers: multiplierTable(
      TRANSACTION_TYPES,
      config.transactionTypeMultipliers,
      "transactionTypeMultipliers",
    ),
    products: productMap(config.products ?? []),
    excludedSkus: new Set((config.excludedSkus ?? []).map((sku, i) => configText(sku, `excludedSkus[${i}]`))),
    campaigns: new CampaignIndex(config.campaigns ?? []),
  };
}

function clockFor(timezone: unknown): (epochMillis: number) => number {
  const zone = configText(timezone, "timezone");
  try {
    return weekMinuteClock(zone);
  } catch {
    throw new PointsConfigError("timezone", `unknown IANA time zone ${JSON.stringify(zone)}`);
  }
}

function multiplierTable(
  codes: CodeTable,
  entries: Readonly<Record<number, string | undefined>> | undefined,
  field: string,
): MultiplierTable {
  const table = new Map<number, Amount>();
  for (const [key, value] of Object.entries(entries ?? {})) {
    const code = Number(key);
    if (!Object.hasOwn(codes, code)) throw new PointsConfigError(`${field}.${key}`, "is not a known code");
    if (value !== undefined) table.set(code, configAmount(value, `${field}.${key}`));
  }
  return table;
}

function productMap(products: readonly Product[]): Map<string, Product> {
  const map = new Map<string, Product>();
  products.forEach((product, i) => {
    const sku = configText(product?.sku, `products[${i}].sku`);
    if (map.has(sku)) throw new PointsConfigError(`products[${i}].sku`, `duplicate SKU ${JSON.stringify(sku)}`);
    for (const key of ["brand", "category"] as const) {
      if (product[key] != null) configText(product[key], `products[${i}].${key}`);
    }
    map.set(sku, product);
  });
  return map;
}
