// importProducts: the program's product catalogue (SKU → brand, category) that BRAND and CATEGORY campaigns
// match through, written with the catalogue's own upsert and config-version bump. A column the file leaves out
// keeps the stored value; an empty cell clears it.

import type { Call } from "../kernel/deps.js";
import { requireProgramManager } from "../kernel/principal.js";
import { bumpPointsConfig, type ProductRow, saveProducts } from "../points/settings.js";
import { type ImportInput, type ImportReport, inChunks, RowChecker, runImport } from "./import.js";

export async function importProducts(call: Call, input: ImportInput): Promise<ImportReport> {
  const { programId } = input;
  requireProgramManager(call.principal, programId);
  return runImport(call, input, {
    action: "import.products",
    columns: [
      { name: "sku", required: true },
      { name: "brand", required: false },
      { name: "category", required: false },
    ],
    async plan(tx, rows) {
      const check = new RowChecker();
      const seen = new Map<string, number>();
      const parsed: { sku: string; brand: string | null | undefined; category: string | null | undefined }[] = [];
      for (const row of rows) {
        const sku = check.text(row, "sku", { required: true, max: 200 });
        const brand = check.text(row, "brand", { required: false, max: 200 });
        const category = check.text(row, "category", { required: false, max: 200 });
        if (sku && check.unique(seen, row, "sku", sku) && !check.isRejected(row)) parsed.push({ sku, brand, category });
      }
      const stored = new Map(
        (
          await inChunks(parsed, (chunk) =>
            tx.product.findMany({
              where: { programId, sku: { in: chunk.map((p) => p.sku) } },
              select: { sku: true, brand: true, category: true },
            }),
          )
        ).map((p) => [p.sku, p]),
      );
      const changes: ProductRow[] = [];
      for (const p of parsed) {
        const before = stored.get(p.sku);
        const next = {
          sku: p.sku,
          brand: p.brand === undefined ? (before?.brand ?? null) : p.brand,
          category: p.category === undefined ? (before?.category ?? null) : p.category,
        };
        if (!before || before.brand !== next.brand || before.category !== next.category) changes.push(next);
      }
      return {
        rejected: check.rejected,
        changes: changes.length,
        unchanged: parsed.length - changes.length,
        apply: async (t) => {
          await saveProducts(t, programId, changes);
          // Every instance rebuilds its points engine with the new catalogue.
          await bumpPointsConfig(t, programId);
        },
      };
    },
  });
}
