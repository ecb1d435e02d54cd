// Clubs named by id on other rows (where a coupon was redeemed, where a redemption happened), loaded in one
// query per request batch and only when the caller may see them.
import { visibleClubs } from "../../domain/loyalty/scope.js";
import type { Club } from "../../generated/prisma/client.js";
import type { Context } from "../context.js";

export async function loadVisibleClubs(ctx: Context, ids: string[]): Promise<(Club | null)[]> {
  const rows = await ctx.prisma.club.findMany({ where: { AND: [visibleClubs(ctx.principal), { id: { in: ids } }] } });
  const byId = new Map(rows.map((c) => [c.id, c]));
  return ids.map((id) => byId.get(id) ?? null);
}
