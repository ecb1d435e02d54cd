// Referral links: a partner's tracked links, the referralLinks connection, referralLink and createReferralLink
// (thin: decode ids, call the domain, shape results).
import { ErrorCode, NotFoundError } from "../../domain/kernel/errors.js";
import { partnerRows } from "../../domain/kernel/row-filters.js";
import { createReferralLink, linkUrl } from "../../domain/referrals/links.js";
import { linkById, linkList } from "../../domain/referrals/scope.js";
import type { ReferralLink } from "../../generated/prisma/client.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";

const LinkRef = builder.prismaNode("ReferralLink", {
  nullable: true,
  id: { field: "id" },
  description: "A partner's tracked link: `url` redirects to `destinationUrl` and records a click.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRows(ctx.principal)] }),
  fields: (t) => ({
    code: t.exposeString("code", { description: "Lower-case, URL-safe, unique on the server." }),
    url: t.string({
      description: "The public link: PUBLIC_URL/r/<code>.",
      select: { code: true },
      resolve: (l, _args, ctx) => linkUrl(ctx.publicUrl, l.code),
    }),
    destinationUrl: t.exposeString("destinationUrl", {
      description: "Where the redirect goes, with `pg_click=<click id>` appended to its query.",
    }),
    project: t.relation("project"),
    partner: t.relation("partner", {
      nullable: true,
      description: "Null once the partner is deleted (its links keep redirecting, clicks are DISCARDED).",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const CreateReferralLinkInput = builder.inputType("CreateReferralLinkInput", {
  fields: (t) => ({
    partnerId: t.id({ required: true, description: "A partner key or partner user may name only its own partner." }),
    projectId: t.id({ description: "Default: the partner's default project. The partner must be a member." }),
    destinationUrl: t.string({
      required: true,
      description: "An absolute http(s) URL without credentials, at most 2048 characters.",
    }),
    code: t.string({
      description:
        "A custom code: 3-64 of a-z, 0-9, '-' and '_' (stored lower-case), unique on the server. Default: 10 random characters.",
    }),
  }),
});

const LinkPayload = builder.objectRef<{ link: ReferralLink }>("CreateReferralLinkPayload").implement({
  fields: (t) => ({ link: t.field({ type: LinkRef, resolve: (p) => p.link }) }),
});

builder.queryFields((t) => ({
  referralLinks: t.prismaConnection(
    {
      type: "ReferralLink",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "A program's referral links, oldest first, optionally of one project or partner. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), projectId: t.arg.id(), partnerId: t.arg.id() },
      totalCount: (_p, args, ctx) => ctx.prisma.referralLink.count({ where: linksWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.referralLink.findMany({ ...query, where: linksWhere(args, ctx), orderBy: { id: "asc" } }),
    },
    builder.connectionObject({ type: LinkRef, name: "ReferralLinkConnection" }, { name: "ReferralLinkEdge" }),
  ),
  referralLink: t.prismaField({
    type: "ReferralLink",
    nullable: true,
    description: "A link by global ID. Fails with NOT_FOUND when it does not exist or is not visible.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const link = await ctx.prisma.referralLink.findFirst({
        ...query,
        where: linkById(ctx.principal, rowId(args.id, "ReferralLink")),
      });
      if (!link) throw new NotFoundError(ErrorCode.NOT_FOUND, "Referral link not found");
      return link;
    },
  }),
}));

const linksWhere = connectionWhere(
  (args: { programId: string; projectId?: string | null; partnerId?: string | null }, ctx) => {
    return linkList(ctx.principal, rowId(args.programId, "Program"), {
      projectId: optionalRowId(args.projectId, "ReferralProject"),
      partnerId: optionalRowId(args.partnerId, "Partner"),
    });
  },
);

builder.mutationFields((t) => ({
  createReferralLink: t.field({
    type: LinkPayload,
    description: "Create a partner's link (the program's managers for any partner; a partner key or user for itself).",
    args: { input: t.arg({ type: CreateReferralLinkInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({
      link: await createReferralLink(
        ctx,
        rowId(input.partnerId, "Partner", ErrorCode.PARTNER_NOT_FOUND),
        optionalRowId(input.projectId, "ReferralProject") ?? null,
        {
          destinationUrl: input.destinationUrl,
          code: input.code,
        },
      ),
    }),
  }),
}));
