import { type Authenticated, type Grant, ownMemberIds } from "../../domain/kernel/principal.js";
import { builder } from "../builder.js";
import { RoleEnum } from "./users.js";

const ViewerKind = builder.enumType("ViewerKind", {
  values: {
    ADMIN_KEY: { description: "A platform-admin key." },
    PROGRAM_KEY: { description: "A program's secret key: manages that program." },
    PARTNER_KEY: { description: "A partner's API key: that partner only." },
    USER: { description: "A logged-in person, with their roles." },
  },
});

const KINDS = { adminKey: "ADMIN_KEY", programKey: "PROGRAM_KEY", partnerKey: "PARTNER_KEY", user: "USER" } as const;

type RoleGrant = Exclude<Grant, { role: "MEMBER" }>;

const ViewerRole = builder.objectRef<RoleGrant>("ViewerRole").implement({
  fields: (t) => ({
    role: t.field({ type: RoleEnum, resolve: (g) => g.role }),
    program: t.prismaField({
      type: "Program",
      nullable: true,
      resolve: (query, g, _args, ctx) =>
        "programId" in g ? ctx.prisma.program.findUnique({ ...query, where: { id: g.programId } }) : null,
    }),
    partner: t.prismaField({
      type: "Partner",
      nullable: true,
      resolve: (query, g, _args, ctx) =>
        "partnerId" in g ? ctx.prisma.partner.findUnique({ ...query, where: { id: g.partnerId } }) : null,
    }),
  }),
});

const Viewer = builder.objectRef<Authenticated>("Viewer").implement({
  description: "The caller, as the server authenticated it.",
  fields: (t) => ({
    kind: t.field({ type: ViewerKind, resolve: (p) => KINDS[p.kind] }),
    roles: t.field({
      type: [ViewerRole],
      description: "What the credential may do. A disabled partner's role is absent.",
      resolve: (p) => p.grants.filter((g): g is RoleGrant => g.role !== "MEMBER"),
    }),
    user: t.prismaField({
      type: "User",
      nullable: true,
      resolve: (query, p, _args, ctx) =>
        p.kind === "user" ? ctx.prisma.user.findUnique({ ...query, where: { id: p.id } }) : null,
    }),
    members: t.prismaField({
      type: ["Member"],
      description:
        "The members (a program's customers) this login is: every member whose email is the session's, oldest first.",
      resolve: (query, p, _args, ctx) =>
        ctx.prisma.member.findMany({ ...query, where: { id: { in: ownMemberIds(p) } }, orderBy: { id: "asc" } }),
    }),
    program: t.prismaField({
      type: "Program",
      nullable: true,
      description: "For a program or partner key: its program.",
      resolve: (query, p, _args, ctx) =>
        p.kind === "programKey" || p.kind === "partnerKey"
          ? ctx.prisma.program.findUnique({ ...query, where: { id: p.programId } })
          : null,
    }),
    partner: t.prismaField({
      type: "Partner",
      nullable: true,
      description: "For a partner key: its partner.",
      resolve: (query, p, _args, ctx) =>
        p.kind === "partnerKey" ? ctx.prisma.partner.findUnique({ ...query, where: { id: p.partnerId } }) : null,
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: Viewer,
    description: "Who the credential in `Authorization` authenticates as.",
    resolve: (_root, _args, ctx) => ctx.principal as Authenticated,
  }),
);
