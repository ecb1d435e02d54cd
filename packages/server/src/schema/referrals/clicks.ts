// Clicks on referral links and their classification: types and the clicks connection (thin: decode ids, build
// the caller's filter, shape results).
import { partnerRows } from "../../domain/kernel/row-filters.js";
import { type ClickListFilter, clickList } from "../../domain/referrals/scope.js";
import { ClickStatus } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { optionalRowId, rowId } from "../ids.js";

export const ClickStatusEnum = builder.enumType(ClickStatus, {
  name: "ClickStatus",
  description:
    "VALID: a unique human click (counted, attributable). BOT: a known bot user agent, no user agent, a HEAD request or a link-preview/prefetch fetch. DUPLICATE: the same visitor (IP and user agent) on the same link within the project's dedup window after a VALID click (attributable, not counted again). DISCARDED: the partner was disabled or deleted, or the project inactive.",
});

const ClickRef = builder.prismaNode("Click", {
  nullable: true,
  id: { field: "id" },
  description:
    "One request to a referral link, with its classification. The visitor's IP is kept only as a salted hash, never in the API.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRows(ctx.principal)] }),
  fields: (t) => ({
    clickId: t.exposeString("id", {
      description: "The value sent to the destination as `pg_click`; pass it to trackConversion.",
    }),
    status: t.expose("status", { type: ClickStatusEnum }),
    link: t.relation("link"),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    referrer: t.exposeString("referrer", { nullable: true }),
    country: t.exposeString("country", {
      nullable: true,
      description: "ISO 3166-1 alpha-2, when TRUSTED_COUNTRY_HEADER is configured.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const ClickFilter = builder.inputType("ClickFilter", {
  fields: (t) => ({
    projectId: t.id(),
    partnerId: t.id(),
    linkId: t.id(),
    status: t.field({ type: ClickStatusEnum }),
    from: t.field({ type: "DateTime", description: "Inclusive." }),
    to: t.field({ type: "DateTime", description: "Exclusive." }),
  }),
});

builder.queryFields((t) => ({
  clicks: t.prismaConnection(
    {
      type: "Click",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's clicks, newest first, with their classification. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: ClickFilter }) },
      totalCount: (_p, args, ctx) => ctx.prisma.click.count({ where: clicksWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.click.findMany({ ...query, where: clicksWhere(args, ctx), orderBy: { id: "desc" } }),
    },
    builder.connectionObject({ type: ClickRef, name: "ClickConnection" }, { name: "ClickEdge" }),
  ),
}));

const clicksWhere = connectionWhere(
  (
    args: {
      programId: string;
      filter?: ClickListFilter | null;
    },
    ctx,
  ) => {
    const f = args.filter ?? {};
    return clickList(ctx.principal, rowId(args.programId, "Program"), {
      ...f,
      projectId: optionalRowId(f.projectId, "ReferralProject"),
      partnerId: optionalRowId(f.partnerId, "Partner"),
      linkId: optionalRowId(f.linkId, "ReferralLink"),
    });
  },
);
