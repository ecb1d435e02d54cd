import type { Principal } from "../domain/auth/principal.js";
import { builder } from "./builder.js";

const ViewerKind = builder.enumType("ViewerKind", {
  values: {
    ADMIN: { description: "Platform admin: every program." },
    PROGRAM: { description: "A program's secret key: that program." },
    PARTNER: { description: "A partner's API key: that partner only." },
  },
});

const Viewer = builder.objectRef<Exclude<Principal, { kind: "anonymous" }>>("Viewer").implement({
  description: "The caller, as the server authenticated it.",
  fields: (t) => ({
    kind: t.field({ type: ViewerKind, resolve: (p) => (p.kind === "admin" ? "ADMIN" : p.kind === "program" ? "PROGRAM" : "PARTNER") }),
    program: t.prismaField({
      type: "Program",
      nullable: true,
      resolve: (query, p, _args, ctx) => (p.kind === "admin" ? null : ctx.prisma.program.findUnique({ ...query, where: { id: p.programId } })),
    }),
    partner: t.prismaField({
      type: "Partner",
      nullable: true,
      resolve: (query, p, _args, ctx) => (p.kind === "partner" ? ctx.prisma.partner.findUnique({ ...query, where: { id: p.partnerId } }) : null),
    }),
  }),
});

builder.queryField("viewer", (t) =>
  t.field({
    type: Viewer,
    description: "Who the credential in `Authorization` authenticates as.",
    resolve: (_root, _args, ctx) => ctx.principal as Exclude<Principal, { kind: "anonymous" }>,
  }),
);
