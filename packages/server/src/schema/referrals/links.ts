// Referral projects, memberships, links and clicks: types, queries and mutations (thin: decode ids, call the
// domain, shape results).
import { partnerFilter } from "../../domain/auth/principal.js";
import { ErrorCode, NotConfiguredError, NotFoundError } from "../../domain/kernel/errors.js";
import { createReferralLink, linkByIdWhere, linkListWhere, linkUrl } from "../../domain/referrals/links.js";
import {
  addPartnerToProject,
  createProject,
  projectByIdWhere,
  projectListWhere,
  removePartnerFromProject,
  requireProject,
  updateProject,
} from "../../domain/referrals/projects.js";
import { partnerRowFilter, projectFilter, scopedRows } from "../../domain/referrals/scope.js";
import type { ReferralLink, ReferralProject } from "../../generated/prisma/client.js";
import { ClickStatus, ProjectStatus } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { PartnerConnection } from "../partners/partners.js";

export const ProjectStatusEnum = builder.enumType(ProjectStatus, {
  name: "ProjectStatus",
  description:
    "ACTIVE projects count clicks and conversions; an INACTIVE project's links still redirect, their clicks are DISCARDED.",
});

export const ClickStatusEnum = builder.enumType(ClickStatus, {
  name: "ClickStatus",
  description:
    "VALID: a unique human click (counted, attributable). BOT: a known bot user agent, no user agent, a HEAD request or a link-preview/prefetch fetch. DUPLICATE: the same visitor (IP and user agent) on the same link within the project's dedup window after a VALID click (attributable, not counted again). DISCARDED: the partner was disabled or deleted, or the project inactive.",
});

export const ProjectRef = builder.prismaNode("ReferralProject", {
  nullable: true,
  id: { field: "id" },
  name: "ReferralProject",
  description:
    "A program's referral project: links, clicks, conversions, reward rules and commissions in one currency.",
  findUnique: (id, ctx) => ({ id, AND: [projectFilter(ctx.principal)] }),
  fields: (t) => ({
    program: t.relation("program"),
    name: t.exposeString("name"),
    slug: t.exposeString("slug", { description: "Unique within the program." }),
    status: t.expose("status", { type: ProjectStatusEnum }),
    attributionWindowDays: t.exposeInt("attributionWindowDays", {
      description: "A click attributes conversions this many days after it (default 90).",
    }),
    clickDedupWindowSeconds: t.exposeInt("clickDedupWindowSeconds", {
      description:
        "Clicks of the same visitor on the same link this soon after a VALID one are DUPLICATE (default 3600).",
    }),
    currency: t.exposeString("currency", { description: "ISO 4217 code of every amount in the project." }),
    partners: t.prismaConnection(
      {
        type: "Partner",
        cursor: "id",
        complexity: connectionComplexity,
        description: "The project's live member partners visible to the caller, oldest first.",
        totalCount: (project, _args, ctx) =>
          ctx.prisma.partner.count({
            where: { AND: [partnerFilter(ctx.principal), { projects: { some: { projectId: project.id } } }] },
          }),
        resolve: (query, project, _args, ctx) =>
          ctx.prisma.partner.findMany({
            ...query,
            where: { AND: [partnerFilter(ctx.principal), { projects: { some: { projectId: project.id } } }] },
            orderBy: { id: "asc" },
          }),
      },
      PartnerConnection,
    ),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const ProjectConnection = builder.connectionObject(
  { type: ProjectRef, name: "ReferralProjectConnection" },
  { name: "ReferralProjectEdge" },
);

export const LinkRef = builder.prismaNode("ReferralLink", {
  nullable: true,
  id: { field: "id" },
  description: "A partner's tracked link: `url` redirects to `destinationUrl` and records a click.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRowFilter(ctx.principal)] }),
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

export const ClickRef = builder.prismaNode("Click", {
  nullable: true,
  id: { field: "id" },
  description:
    "One request to a referral link, with its classification. The visitor's IP is kept only as a salted hash, never in the API.",
  findUnique: (id, ctx) => ({ id, AND: [partnerRowFilter(ctx.principal)] }),
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

const ProjectPayload = (name: string) =>
  builder
    .objectRef<{ project: ReferralProject }>(name)
    .implement({ fields: (t) => ({ project: t.field({ type: ProjectRef, resolve: (p) => p.project }) }) });

const MembershipPayload = (name: string) =>
  builder.objectRef<{ projectId: string; partnerId: string }>(name).implement({
    fields: (t) => ({
      project: t.prismaField({
        type: "ReferralProject",
        resolve: async (query, p, _a, ctx) =>
          requireProject(await ctx.prisma.referralProject.findUnique({ ...query, where: { id: p.projectId } })),
      }),
      partner: t.prismaField({
        type: "Partner",
        resolve: (query, p, _a, ctx) => ctx.prisma.partner.findUniqueOrThrow({ ...query, where: { id: p.partnerId } }),
      }),
    }),
  });

const projectFields = {
  name: { description: "Display name." },
  slug: { description: "1-64 lower-case letters, digits and inner hyphens; unique within the program." },
  attributionWindowDays: { description: "Days a click attributes conversions (1-3650, default 90)." },
  clickDedupWindowSeconds: {
    description:
      "Seconds within which a visitor's repeat clicks are DUPLICATE (0 turns de-duplication off; default 3600).",
  },
};

const CreateProjectInput = builder.inputType("CreateProjectInput", {
  fields: (t) => ({
    programId: t.id({ required: true }),
    name: t.string({ required: true, ...projectFields.name }),
    slug: t.string({ required: true, ...projectFields.slug }),
    status: t.field({ type: ProjectStatusEnum, description: "Default ACTIVE." }),
    attributionWindowDays: t.int(projectFields.attributionWindowDays),
    clickDedupWindowSeconds: t.int(projectFields.clickDedupWindowSeconds),
    currency: t.string({ description: "ISO 4217; default the program's. Fixed once created." }),
  }),
});

const UpdateProjectInput = builder.inputType("UpdateProjectInput", {
  description: "Only the fields present change. The currency cannot change.",
  fields: (t) => ({
    projectId: t.id({ required: true }),
    name: t.string(projectFields.name),
    slug: t.string(projectFields.slug),
    status: t.field({ type: ProjectStatusEnum }),
    attributionWindowDays: t.int(projectFields.attributionWindowDays),
    clickDedupWindowSeconds: t.int(projectFields.clickDedupWindowSeconds),
  }),
});

const ProjectMembershipInput = builder.inputType("ProjectMembershipInput", {
  fields: (t) => ({
    projectId: t.id({ required: true }),
    partnerId: t.id({ required: true }),
    makeDefault: t.boolean({
      description: "Make it the partner's default project (a partner's first project always becomes it).",
    }),
  }),
});

const RemoveProjectMembershipInput = builder.inputType("RemoveProjectMembershipInput", {
  fields: (t) => ({ projectId: t.id({ required: true }), partnerId: t.id({ required: true }) }),
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

builder.prismaObjectFields("Partner", (t) => ({
  defaultProject: t.relation("defaultProject", {
    nullable: true,
    description: "Applied to the links the partner creates without naming a project.",
  }),
  projects: t.prismaConnection(
    {
      type: "ReferralProject",
      cursor: "id",
      complexity: connectionComplexity,
      description: "The projects the partner is a member of.",
      totalCount: (partner, _args, ctx) =>
        ctx.prisma.referralProject.count({
          where: { AND: [projectFilter(ctx.principal), { members: { some: { partnerId: partner.id } } }] },
        }),
      resolve: (query, partner, _args, ctx) =>
        ctx.prisma.referralProject.findMany({
          ...query,
          where: { AND: [projectFilter(ctx.principal), { members: { some: { partnerId: partner.id } } }] },
          orderBy: { id: "asc" },
        }),
    },
    ProjectConnection,
  ),
}));

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
  projects: t.prismaConnection(
    {
      type: "ReferralProject",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's referral projects, oldest first. A partner sees the projects it belongs to.",
      args: { programId: t.arg.id({ required: true }), status: t.arg({ type: ProjectStatusEnum }) },
      totalCount: (_p, args, ctx) =>
        ctx.prisma.referralProject.count({
          where: projectListWhere(ctx.principal, rowId(args.programId, "Program"), args.status),
        }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.referralProject.findMany({
          ...query,
          where: projectListWhere(ctx.principal, rowId(args.programId, "Program"), args.status),
          orderBy: { id: "asc" },
        }),
    },
    ProjectConnection,
  ),
  referralLinks: t.prismaConnection(
    {
      type: "ReferralLink",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "A program's referral links, oldest first, optionally of one project or partner. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), projectId: t.arg.id(), partnerId: t.arg.id() },
      totalCount: (_p, args, ctx) => ctx.prisma.referralLink.count({ where: linksWhere(ctx.principal, args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.referralLink.findMany({ ...query, where: linksWhere(ctx.principal, args), orderBy: { id: "asc" } }),
    },
    builder.connectionObject({ type: LinkRef, name: "ReferralLinkConnection" }, { name: "ReferralLinkEdge" }),
  ),
  clicks: t.prismaConnection(
    {
      type: "Click",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's clicks, newest first, with their classification. A partner sees only its own.",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: ClickFilter }) },
      totalCount: (_p, args, ctx) => ctx.prisma.click.count({ where: clicksWhere(ctx.principal, args) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.click.findMany({ ...query, where: clicksWhere(ctx.principal, args), orderBy: { id: "desc" } }),
    },
    builder.connectionObject({ type: ClickRef, name: "ClickConnection" }, { name: "ClickEdge" }),
  ),
}));

type Actor = Parameters<typeof linkListWhere>[0];

function linksWhere(actor: Actor, args: { programId: string; projectId?: string | null; partnerId?: string | null }) {
  return linkListWhere(actor, rowId(args.programId, "Program"), {
    projectId: optionalRowId(args.projectId, "ReferralProject"),
    partnerId: optionalRowId(args.partnerId, "Partner"),
  });
}

function clicksWhere(
  actor: Actor,
  args: {
    programId: string;
    filter?: {
      projectId?: string | null;
      partnerId?: string | null;
      linkId?: string | null;
      status?: ClickStatus | null;
      from?: Date | null;
      to?: Date | null;
    } | null;
  },
) {
  const f = args.filter ?? {};
  const projectId = optionalRowId(f.projectId, "ReferralProject");
  const partnerId = optionalRowId(f.partnerId, "Partner");
  const linkId = optionalRowId(f.linkId, "ReferralLink");
  return {
    AND: [
      ...scopedRows(actor, rowId(args.programId, "Program"), { projectId, partnerId }),
      linkId ? { linkId } : {},
      f.status ? { status: f.status } : {},
      f.from || f.to ? { createdAt: { ...(f.from && { gte: f.from }), ...(f.to && { lt: f.to }) } } : {},
    ],
  };
}

builder.mutationFields((t) => ({
  createProject: t.field({
    type: ProjectPayload("CreateProjectPayload"),
    description: "Create a referral project in a configured program (the program's managers).",
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, NotConfiguredError],
      directResult: true,
      union: { name: "CreateProjectResult" },
    },
    resolve: async (_root, { input: { programId, ...input } }, ctx) => ({
      project: await createProject(ctx, rowId(programId, "Program"), input),
    }),
  }),
  updateProject: t.field({
    type: ProjectPayload("UpdateProjectPayload"),
    description:
      "Rename a project, change its slug, status or windows (the program's managers). New windows apply to new clicks and conversions.",
    args: { input: t.arg({ type: UpdateProjectInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "UpdateProjectResult" } },
    resolve: async (_root, { input: { projectId, ...patch } }, ctx) => ({
      project: await updateProject(ctx, rowId(projectId, "ReferralProject"), patch),
    }),
  }),
  addPartnerToProject: t.field({
    type: MembershipPayload("AddPartnerToProjectPayload"),
    description: "Make a partner a member of a project (no error if it already is); optionally its default project.",
    args: { input: t.arg({ type: ProjectMembershipInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "AddPartnerToProjectResult" } },
    resolve: async (_root, { input }, ctx) => {
      const projectId = rowId(input.projectId, "ReferralProject");
      const partnerId = rowId(input.partnerId, "Partner", ErrorCode.PARTNER_NOT_FOUND);
      await addPartnerToProject(ctx, projectId, partnerId, input.makeDefault ?? false);
      return { projectId, partnerId };
    },
  }),
  removePartnerFromProject: t.field({
    type: MembershipPayload("RemovePartnerFromProjectPayload"),
    description:
      "End a partner's membership. Its links keep redirecting; it is no longer the partner's default project.",
    args: { input: t.arg({ type: RemoveProjectMembershipInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "RemovePartnerFromProjectResult" } },
    resolve: async (_root, { input }, ctx) => {
      const projectId = rowId(input.projectId, "ReferralProject");
      const partnerId = rowId(input.partnerId, "Partner", ErrorCode.PARTNER_NOT_FOUND);
      await removePartnerFromProject(ctx, projectId, partnerId);
      return { projectId, partnerId };
    },
  }),
  createReferralLink: t.field({
    type: LinkPayload,
    description: "Create a partner's link (the program's managers for any partner; a partner key or user for itself).",
    args: { input: t.arg({ type: CreateReferralLinkInput, required: true }) },
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: "CreateReferralLinkResult" } },
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

builder.queryFields((t) => ({
  referralLink: t.prismaField({
    type: "ReferralLink",
    nullable: true,
    description: "A link by global ID. Fails with NOT_FOUND when it does not exist or is not visible.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) => {
      const link = await ctx.prisma.referralLink.findFirst({
        ...query,
        where: linkByIdWhere(ctx.principal, rowId(args.id, "ReferralLink")),
      });
      if (!link) throw new NotFoundError(ErrorCode.NOT_FOUND, "Referral link not found");
      return link;
    },
  }),
  project: t.prismaField({
    type: "ReferralProject",
    nullable: true,
    description: "A referral project by global ID. Fails with NOT_FOUND when it does not exist or is not visible.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      requireProject(
        await ctx.prisma.referralProject.findFirst({
          ...query,
          where: projectByIdWhere(ctx.principal, rowId(args.id, "ReferralProject")),
        }),
      ),
  }),
}));
