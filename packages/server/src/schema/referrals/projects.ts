// Referral projects and their member partners: types, the projects connection and project query, Partner's
// projects, and the project and membership mutations (thin: decode ids, call the domain, shape results).
import { ErrorCode, NotConfiguredError } from "../../domain/kernel/errors.js";
import {
  addPartnerToProject,
  createProject,
  removePartnerFromProject,
  requireProject,
  updateProject,
} from "../../domain/referrals/projects.js";
import {
  partnerProjectList,
  projectById,
  projectList,
  projectPartnerList,
  visibleProjects,
} from "../../domain/referrals/scope.js";
import type { ReferralProject } from "../../generated/prisma/client.js";
import { ProjectStatus } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { rowId } from "../ids.js";
import { PartnerConnection } from "../partners/partners.js";

const ProjectStatusEnum = builder.enumType(ProjectStatus, {
  name: "ProjectStatus",
  description:
    "ACTIVE projects count clicks and conversions; an INACTIVE project's links still redirect, their clicks are DISCARDED.",
});

const projectsWhere = connectionWhere((args: { programId: string; status?: "ACTIVE" | "INACTIVE" | null }, ctx) =>
  projectList(ctx.principal, rowId(args.programId, "Program"), args.status),
);
const projectPartnersWhere = connectionWhere((_args: object, ctx, project: { id: string }) =>
  projectPartnerList(ctx.principal, project.id),
);
const partnerProjectsWhere = connectionWhere((_args: object, ctx, partner: { id: string }) =>
  partnerProjectList(ctx.principal, partner.id),
);

const ProjectRef = builder.prismaNode("ReferralProject", {
  nullable: true,
  id: { field: "id" },
  name: "ReferralProject",
  description:
    "A program's referral project: links, clicks, conversions, reward rules and commissions in one currency.",
  findUnique: (id, ctx) => ({ id, AND: [visibleProjects(ctx.principal)] }),
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
        totalCount: (project, args, ctx) =>
          ctx.prisma.partner.count({ where: projectPartnersWhere(args, ctx, project) }),
        resolve: (query, project, args, ctx) =>
          ctx.prisma.partner.findMany({
            ...query,
            where: projectPartnersWhere(args, ctx, project),
            orderBy: { id: "asc" },
          }),
      },
      PartnerConnection,
    ),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

const ProjectConnection = builder.connectionObject(
  { type: ProjectRef, name: "ReferralProjectConnection" },
  { name: "ReferralProjectEdge" },
);

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
      totalCount: (partner, args, ctx) =>
        ctx.prisma.referralProject.count({ where: partnerProjectsWhere(args, ctx, partner) }),
      resolve: (query, partner, args, ctx) =>
        ctx.prisma.referralProject.findMany({
          ...query,
          where: partnerProjectsWhere(args, ctx, partner),
          orderBy: { id: "asc" },
        }),
    },
    ProjectConnection,
  ),
}));

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
          where: projectsWhere(args, ctx),
        }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.referralProject.findMany({
          ...query,
          where: projectsWhere(args, ctx),
          orderBy: { id: "asc" },
        }),
    },
    ProjectConnection,
  ),
  project: t.prismaField({
    type: "ReferralProject",
    nullable: true,
    description: "A referral project by global ID. Fails with NOT_FOUND when it does not exist or is not visible.",
    args: { id: t.arg.id({ required: true }) },
    resolve: async (query, _root, args, ctx) =>
      requireProject(
        await ctx.prisma.referralProject.findFirst({
          ...query,
          where: projectById(ctx.principal, rowId(args.id, "ReferralProject")),
        }),
      ),
  }),
}));

builder.mutationFields((t) => ({
  createProject: t.field({
    type: ProjectPayload("CreateProjectPayload"),
    description: "Create a referral project in a configured program (the program's managers).",
    args: { input: t.arg({ type: CreateProjectInput, required: true }) },
    errors: {
      types: [...WRITE_ERRORS, NotConfiguredError],
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
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input: { projectId, ...patch } }, ctx) => ({
      project: await updateProject(ctx, rowId(projectId, "ReferralProject"), patch),
    }),
  }),
  addPartnerToProject: t.field({
    type: MembershipPayload("AddPartnerToProjectPayload"),
    description: "Make a partner a member of a project (no error if it already is); optionally its default project.",
    args: { input: t.arg({ type: ProjectMembershipInput, required: true }) },
    errors: { types: WRITE_ERRORS },
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
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => {
      const projectId = rowId(input.projectId, "ReferralProject");
      const partnerId = rowId(input.partnerId, "Partner", ErrorCode.PARTNER_NOT_FOUND);
      await removePartnerFromProject(ctx, projectId, partnerId);
      return { projectId, partnerId };
    },
  }),
}));
