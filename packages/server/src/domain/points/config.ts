// A program's points configuration as the engine wants it: rate, rounding, time zone, multiplier tables,
// catalogue, exclusions and campaigns, read from the database.
import type { Campaign as EngineCampaign, ProgramConfig, Weekday } from "@partnergraph/points";
import type { PrismaClient, Program } from "../../generated/prisma/client.js";
import { decimalText } from "../kernel/values.js";

export async function loadProgramConfig(
  prisma: PrismaClient,
  program: Program & { currency: string; timezone: string },
): Promise<ProgramConfig> {
  const [multipliers, products, exclusions, campaigns] = await Promise.all([
    prisma.pointsMultiplier.findMany({ where: { programId: program.id } }),
    prisma.product.findMany({ where: { programId: program.id }, select: { sku: true, brand: true, category: true } }),
    prisma.skuExclusion.findMany({ where: { programId: program.id }, select: { sku: true } }),
    prisma.campaign.findMany({ where: { programId: program.id, status: "ACTIVE" } }),
  ]);
  const table = (kind: string) =>
    Object.fromEntries(multipliers.filter((m) => m.kind === kind).map((m) => [m.code, decimalText(m.multiplier)]));
  return {
    pointsPerCurrencyUnit: decimalText(program.pointsPerCurrencyUnit!),
    roundingMode: program.roundingMode,
    timezone: program.timezone,
    currency: program.currency,
    tenderMultipliers: table("TENDER"),
    channelMultipliers: table("CHANNEL"),
    transactionTypeMultipliers: table("TRANSACTION_TYPE"),
    products,
    excludedSkus: exclusions.map((e) => e.sku),
    campaigns: campaigns.map((c): EngineCampaign => {
      const base = {
        id: c.id,
        title: c.title,
        multiplier: decimalText(c.multiplier),
        status: c.status,
        startsAt: c.startsAt.toISOString(),
        endsAt: c.endsAt?.toISOString() ?? null,
        createdAt: c.createdAt.toISOString(),
      };
      switch (c.type) {
        case "SKU":
          return { ...base, type: "SKU", skus: c.skus };
        case "BRAND":
          return { ...base, type: "BRAND", brands: c.brands };
        case "CATEGORY":
          return { ...base, type: "CATEGORY", categories: c.categories };
        case "DAY_TIME":
          return {
            ...base,
            type: "DAY_TIME",
            days: c.days as Weekday[],
            startTime: c.startTime ?? "00:00",
            endTime: c.endTime ?? "00:00",
          };
        default:
          throw new Error(`Unknown campaign type ${c.type satisfies never}`);
      }
    }),
  };
}
