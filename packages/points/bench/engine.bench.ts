// Benchmark: microseconds per basket item for baskets of 1, 10 and 100 items against 10, 1,000 and 10,000
// active campaigns, and the ratios between campaign counts, all measured in one run. Not a test: it prints
// numbers and asserts nothing about time. Run with `pnpm --filter @partnergraph/points bench`.
//
// Every basket item matches the same 4 campaigns (one SKU, one BRAND, one CATEGORY, one DAY_TIME) whatever
// the campaign count; the other campaigns target other SKUs, brands, categories and hours. So a ratio near 1
// means the cost per item does not grow with the number of campaigns, only with the campaigns that match.
import {
  type Basket,
  type Campaign,
  type PointsEngine,
  type ProgramConfig,
  prepareProgram,
  type Weekday,
} from "../src/index.js";

const CAMPAIGN_COUNTS = [10, 1_000, 10_000];
const BASKET_SIZES = [1, 10, 100];
const ROUNDS = 7; // each cell is measured once per round, cells interleaved; the median round is reported
const ROUND_MS = 60; // at least this long per cell and round

const since = "2024-01-01T00:00:00Z";
const basketSkus = Array.from({ length: Math.max(...BASKET_SIZES) }, (_, i) => `sku-${i}`);

function config(campaignCount: number): ProgramConfig {
  const campaigns: Campaign[] = [
    {
      id: "hit-sku",
      type: "SKU",
      skus: basketSkus,
      title: "SKU",
      multiplier: "2",
      status: "ACTIVE",
      startsAt: since,
      createdAt: since,
    },
    {
      id: "hit-brand",
      type: "BRAND",
      brands: ["brand-hit"],
      title: "BRAND",
      multiplier: "3",
      status: "ACTIVE",
      startsAt: since,
      createdAt: since,
    },
    {
      id: "hit-category",
      type: "CATEGORY",
      categories: ["cat-hit"],
      title: "CATEGORY",
      multiplier: "1.5",
      status: "ACTIVE",
      startsAt: since,
      createdAt: since,
    },
    {
      id: "hit-day",
      type: "DAY_TIME",
      days: ["WEDNESDAY"],
      startTime: "12:00",
      endTime: "13:00",
      title: "LUNCH",
      multiplier: "1.25",
      status: "ACTIVE",
      startsAt: since,
      createdAt: since,
    },
  ];
  const otherDays: Weekday[] = ["FRIDAY", "SATURDAY", "SUNDAY", "MONDAY"];
  for (let i = campaigns.length; i < campaignCount; i++) {
    const base = {
      id: `miss-${i}`,
      title: `MISS ${i}`,
      multiplier: `1.${i % 10}`,
      status: "ACTIVE",
      startsAt: since,
      createdAt: since,
    } as const;
    const kind = i % 10; // 70% SKU, 10% BRAND, 10% CATEGORY, 10% DAY_TIME
    if (kind < 7) campaigns.push({ ...base, type: "SKU", skus: [`other-sku-${i}`, `other-sku-${i + 1}`] });
    else if (kind === 7) campaigns.push({ ...base, type: "BRAND", brands: [`other-brand-${i}`] });
    else if (kind === 8) campaigns.push({ ...base, type: "CATEGORY", categories: [`other-cat-${i}`] });
    else {
      const start = 8 + (i % 12); // windows from 08:00 to 22:00 on days other than Wednesday
      campaigns.push({
        ...base,
        type: "DAY_TIME",
        days: [otherDays[i % 4]!],
        startTime: `${String(start).padStart(2, "0")}:00`,
        endTime: `${start + 2}:00`,
      });
    }
  }
  return {
    pointsPerCurrencyUnit: "2",
    timezone: "Europe/Vilnius",
    tenderMultipliers: { 7: "4" },
    channelMultipliers: { 2: "1.1" },
    transactionTypeMultipliers: { 3: "0" },
    products: [
      ...basketSkus.map((sku) => ({ sku, brand: "brand-hit", category: "cat-hit" })),
      ...Array.from({ length: campaignCount }, (_, i) => ({
        sku: `other-sku-${i}`,
        brand: `other-brand-${i}`,
        category: `other-cat-${i}`,
      })),
    ],
    excludedSkus: ["never-bought"],
    campaigns,
  };
}

function basket(size: number): Basket {
  return {
    datePurchased: "2024-06-12T12:30:00+03:00", // Wednesday 12:30 in Vilnius
    channelId: 2,
    tenders: [
      { type: 1, amount: "10.00" },
      { type: 7, amount: "29.99" },
    ],
    items: basketSkus.slice(0, size).map((sku) => ({ sku, price: "19.99", quantity: 1, transactionId: 1 })),
  };
}

interface Cell {
  campaigns: number;
  items: number;
  engine: PointsEngine;
  basket: Basket;
  samples: number[]; // µs per item, one per round
}

let checksum = 0;

function measure(cell: Cell): number {
  let iterations = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    checksum += cell.engine.calculate(cell.basket).totalPointsAwarded;
    iterations++;
    elapsed = performance.now() - start;
  } while (elapsed < ROUND_MS);
  return (elapsed * 1000) / (iterations * cell.items);
}

const prepareMs = new Map<number, number>();
const cells: Cell[] = [];
for (const count of CAMPAIGN_COUNTS) {
  const programConfig = config(count);
  const start = performance.now();
  const engine = prepareProgram(programConfig);
  prepareMs.set(count, performance.now() - start);
  for (const items of BASKET_SIZES) {
    const cell: Cell = { campaigns: count, items, engine, basket: basket(items), samples: [] };
    // Sanity: every item matches exactly the 4 "hit" campaigns, at every campaign count.
    const matched = engine.calculate(cell.basket).breakdown.map((u) => u.campaigns.length);
    if (matched.some((n) => n !== 4))
      throw new Error(`expected 4 matching campaigns per item, got ${matched.join(",")}`);
    cells.push(cell);
  }
}

for (const cell of cells) measure(cell); // warm-up: let the JIT settle before anything counts
for (let round = 0; round < ROUNDS; round++) for (const cell of cells) cell.samples.push(measure(cell));

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const perItem = (campaigns: number, items: number) =>
  median(cells.find((c) => c.campaigns === campaigns && c.items === items)!.samples);
const pad = (text: string, width: number) => text.padStart(width);
const fmt = (n: number) => n.toLocaleString("en-US");

console.log(
  `@partnergraph/points: µs per item (median of ${ROUNDS} rounds of ≥ ${ROUND_MS} ms), Node ${process.version}`,
);
console.log("every item matches 4 campaigns (SKU, BRAND, CATEGORY, DAY_TIME); the rest miss\n");
console.log(
  `${pad("campaigns", 10)} ${BASKET_SIZES.map((n) => pad(`${n} item${n === 1 ? "" : "s"}`, 10)).join(" ")} ${pad("prepare ms", 11)}`,
);
for (const count of CAMPAIGN_COUNTS) {
  const row = BASKET_SIZES.map((items) => pad(perItem(count, items).toFixed(2), 10)).join(" ");
  console.log(`${pad(fmt(count), 10)} ${row} ${pad(prepareMs.get(count)!.toFixed(1), 11)}`);
}
console.log("");
const smallest = CAMPAIGN_COUNTS[0]!;
for (const count of CAMPAIGN_COUNTS.slice(1)) {
  const row = BASKET_SIZES.map((items) =>
    pad(`${(perItem(count, items) / perItem(smallest, items)).toFixed(2)}×`, 10),
  ).join(" ");
  console.log(`${pad(`${fmt(count)}÷${fmt(smallest)}`, 10)} ${row}`);
}
console.log(`\n(checksum ${checksum})`);
