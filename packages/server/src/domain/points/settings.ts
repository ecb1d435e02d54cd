// Managing what the engine prices with: multiplier tables, the product catalogue, SKU exclusions and bonus
// campaigns. Every change bumps the program's pointsConfigVersion in the same transaction, so every instance's
// cached engine is rebuilt on its next quote.
import { CHANNELS, TENDER_TYPES, TRANSACTION_TYPES, WEEKDAYS } from "@partnergraph/points";
import { z } from "zod";
import type { Campaign, MultiplierKind } from "../../generated/prisma/client.js";
import { CampaignStatus, CampaignType } from "../../generated/prisma/enums.js";
import type { Call, Tx } from "../kernel/deps.js";
import { NotFoundError } from "../kernel/errors.js";
import { requireProgramManager } from "../kernel/principal.js";
import { decimalString, type Loose, parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireProgram } from "../programs/programs.js";

export const CODE_TABLES: Record<MultiplierKind, Readonly<Record<number, string>>> = {
  TENDER: TENDER_TYPES,
  CHANNEL: CHANNELS,
  TRANSACTION_TYPE: TRANSACTION_TYPES,
};

const multiplier = decimalString(12, 4);
const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);

/** Replaces one multiplier table. Codes left out count as 1 again. */
export async function setPointsMultipliers(
  call: Call,
  programId: string,
  kind: MultiplierKind,
  entries: { code: number; multiplier: string }[],
) {
  requireProgramManager(call.principal, programId);
  const codes = CODE_TABLES[kind];
  const rows = parseInput(
    z
      .array(
        z.object({
          code: z
            .number()
            .int()
            .refine((c) => c in codes, `is not a ${kind.toLowerCase().replace("_", " ")} code`),
          multiplier,
        }),
      )
      .refine((list) => new Set(list.map((e) => e.code)).size === list.length, "lists a code twice"),
    entries,
  );
  return writeConfig(call, programId, "points.setMultipliers", { kind, multipliers: entries }, async (tx) => {
    await tx.pointsMultiplier.deleteMany({ where: { programId, kind } });
    await tx.pointsMultiplier.createMany({
      data: rows.map((r) => ({ programId, kind, code: r.code, multiplier: r.multiplier })),
    });
  });
}

const ProductInput = z.object({
  sku: text(200),
  brand: text(200)
    .nullish()
    .transform((v) => v ?? null),
  category: text(200)
    .nullish()
    .transform((v) => v ?? null),
});

/** Adds or updates catalogue products by SKU, in one transaction. */
export async function upsertProducts(call: Call, programId: string, products: Loose<z.input<typeof ProductInput>>[]) {
  requireProgramManager(call.principal, programId);
  const rows = parseInput(
    z.array(ProductInput).min(1, "give at least one product").max(10_000, "at most 10,000 products per call"),
    products,
  );
  return writeConfig(call, programId, "points.upsertProducts", { count: rows.length }, (tx) =>
    saveProducts(tx, programId, rows),
  );
}

export interface ProductRow {
  sku: string;
  brand: string | null;
  category: string | null;
}

/** Inserts or replaces catalogue rows by SKU, a few thousand per statement. The caller bumps the config version (bumpPointsConfig). */
export async function saveProducts(tx: Tx, programId: string, products: ProductRow[]): Promise<void> {
  // One statement cannot change a row twice: a SKU listed again replaces its earlier row, as one-by-one upserts did.
  const rows = [...new Map(products.map((p) => [p.sku, p])).values()];
  for (let i = 0; i < rows.length; i += 5000) {
    const chunk = rows.slice(i, i + 5000);
    await tx.$executeRaw`
      INSERT INTO "Product" ("programId", "sku", "brand", "category", "updatedAt")
      SELECT ${programId}::uuid, t.sku, t.brand, t.category, now()
      FROM unnest(${chunk.map((r) => r.sku)}::text[], ${chunk.map((r) => r.brand)}::text[], ${chunk.map((r) => r.category)}::text[]) AS t(sku, brand, category)
      ON CONFLICT ("programId", "sku") DO UPDATE SET "brand" = EXCLUDED."brand", "category" = EXCLUDED."category", "updatedAt" = now()`;
  }
}

/** Adds SKUs to and removes SKUs from the exclusion list. */
export async function setSkuExclusions(
  call: Call,
  programId: string,
  change: { add?: string[] | null; remove?: string[] | null },
) {
  requireProgramManager(call.principal, programId);
  const { add, remove } = parseInput(
    z.object({ add: z.array(text(200)).default([]), remove: z.array(text(200)).default([]) }),
    {
      add: change.add ?? undefined,
      remove: change.remove ?? undefined,
    },
  );
  return writeConfig(call, programId, "points.setSkuExclusions", { add, remove }, async (tx) => {
    await tx.skuExclusion.deleteMany({ where: { programId, sku: { in: remove } } });
    await tx.skuExclusion.createMany({ data: add.map((sku) => ({ programId, sku })), skipDuplicates: true });
  });
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;
const CampaignFields = z.object({
  type: z.enum(CampaignType),
  title: text(200),
  multiplier,
  status: z.enum(CampaignStatus).default("ACTIVE"),
  startsAt: z.date(),
  endsAt: z
    .date()
    .nullish()
    .transform((v) => v ?? null),
  skus: z.array(text(200)).default([]),
  brands: z.array(text(200)).default([]),
  categories: z.array(text(200)).default([]),
  days: z.array(z.enum(WEEKDAYS)).default([]),
  startTime: z
    .string()
    .regex(CLOCK, "must be HH:MM")
    .nullish()
    .transform((v) => v ?? null),
  endTime: z
    .string()
    .regex(CLOCK, "must be HH:MM")
    .nullish()
    .transform((v) => v ?? null),
});

/** What a campaign of each type must name, so a campaign can never silently match nothing. */
const CampaignInput = CampaignFields.superRefine((c, ctx) => {
  const need = (ok: boolean, path: string, message: string) =>
    ok || ctx.addIssue({ code: "custom", path: [path], message });
  if (c.type === "SKU") need(c.skus.length > 0, "skus", "a SKU campaign lists at least one SKU");
  if (c.type === "BRAND") need(c.brands.length > 0, "brands", "a BRAND campaign lists at least one brand");
  if (c.type === "CATEGORY")
    need(c.categories.length > 0, "categories", "a CATEGORY campaign lists at least one category");
  if (c.type === "DAY_TIME") {
    need(c.days.length > 0, "days", "a DAY_TIME campaign lists at least one day");
    need(c.startTime !== null && c.endTime !== null, "startTime", "a DAY_TIME campaign has a start and end time");
  }
  if (c.endsAt) need(c.endsAt > c.startsAt, "endsAt", "must be after startsAt");
});

export type CampaignInput = Loose<z.input<typeof CampaignFields>>;

export async function createCampaign(call: Call, programId: string, input: CampaignInput): Promise<Campaign> {
  requireProgramManager(call.principal, programId);
  const data = parseInput(CampaignInput, withoutNulls(input));
  let campaign!: Campaign;
  await writeConfig(call, programId, "campaign.create", data, async (tx) => {
    campaign = await tx.campaign.create({ data: { ...data, programId } });
  });
  return campaign;
}

/** Changes a campaign; the fields given replace the old ones and the whole campaign is checked again. */
export async function updateCampaign(call: Call, id: string, patch: Partial<CampaignInput>): Promise<Campaign> {
  const existing = await call.prisma.campaign.findUnique({ where: { id } });
  if (!existing) throw new NotFoundError(undefined, "Campaign not found");
  requireProgramManager(call.principal, existing.programId);
  const { id: _id, programId, createdAt: _c, updatedAt: _u, ...current } = existing;
  const data = parseInput(CampaignInput, {
    ...current,
    ...withoutNulls(patch),
    ...(patch.endsAt === null && { endsAt: null }), // an explicit null makes the campaign open-ended
    multiplier: patch.multiplier ?? current.multiplier.toFixed(),
  });
  let campaign!: Campaign;
  await writeConfig(call, programId, "campaign.update", { id, ...data }, async (tx) => {
    campaign = await tx.campaign.update({ where: { id }, data });
  });
  return campaign;
}

async function writeConfig(
  call: Call,
  programId: string,
  action: string,
  after: object,
  write: (tx: Tx) => Promise<void>,
) {
  return call.prisma.$transaction(async (tx) => {
    requireProgram(await tx.program.findUnique({ where: { id: programId }, select: { id: true } }));
    await write(tx);
    const program = await bumpPointsConfig(tx, programId);
    await audit(tx, call, { action, targetType: "Program", targetId: programId, programId, after });
    return program;
  });
}

/** After a change to what the engine prices with, in its transaction: a new config version makes every instance rebuild its engine. */
export function bumpPointsConfig(tx: Tx, programId: string) {
  return tx.program.update({ where: { id: programId }, data: { pointsConfigVersion: { increment: 1 } } });
}

function withoutNulls<T extends object>(input: T): T {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && v !== undefined)) as T;
}
