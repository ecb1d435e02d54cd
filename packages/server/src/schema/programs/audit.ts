import { type AuditEntryListFilter, auditEntryList } from "../../domain/programs/scope.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { rowId } from "../ids.js";

const AuditEntryRef = builder.prismaObject("AuditEntry", {
  description: "Who did what to which object, and when. Written in the same transaction as the change.",
  fields: (t) => ({
    actorType: t.exposeString("actorType", { description: "ADMIN_KEY, PROGRAM_KEY, PARTNER_KEY or USER." }),
    actorId: t.exposeString("actorId", {
      nullable: true,
      description: "The key's or user's id (null for the bootstrap admin key).",
    }),
    action: t.exposeString("action", { description: "e.g. partner.create, partner.disable, partner.rotateApiKey." }),
    targetType: t.exposeString("targetType"),
    targetId: t.exposeString("targetId", { nullable: true }),
    before: t.field({
      type: "JSON",
      nullable: true,
      description: "The changed fields before the change.",
      resolve: (e) => e.before,
    }),
    after: t.field({
      type: "JSON",
      nullable: true,
      description: "The changed fields after the change.",
      resolve: (e) => e.after,
    }),
    requestId: t.exposeString("requestId", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const AuditFilter = builder.inputType("AuditFilter", {
  fields: (t) => ({ action: t.string(), targetType: t.string(), targetId: t.string(), actorType: t.string() }),
});

const auditWhere = connectionWhere(
  (
    args: {
      programId: string;
      filter?: AuditEntryListFilter | null;
    },
    ctx,
  ) => auditEntryList(ctx.principal, rowId(args.programId, "Program"), args.filter ?? {}),
);

builder.queryField("auditLog", (t) =>
  t.prismaConnection(
    {
      type: "AuditEntry",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's audit trail, newest first (admin or the program's managers).",
      args: { programId: t.arg.id({ required: true }), filter: t.arg({ type: AuditFilter }) },
      totalCount: (_p, args, ctx) =>
        ctx.prisma.auditEntry.count({
          where: auditWhere(args, ctx),
        }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.auditEntry.findMany({
          ...query,
          where: auditWhere(args, ctx),
          orderBy: { id: "desc" },
        }),
    },
    builder.connectionObject({ type: AuditEntryRef, name: "AuditEntryConnection" }, { name: "AuditEntryEdge" }),
  ),
);
