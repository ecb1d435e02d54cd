// People: passwordless login, logout, and the roles they hold.
import { logout, requestLoginCode, verifyLoginCode } from "../../domain/auth/login.js";
import { roleGrantList, visibleRoleGrants } from "../../domain/auth/scope.js";
import { grantRole, revokeRole } from "../../domain/auth/users.js";
import { InvalidLoginCodeError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import type { RoleGrant, User } from "../../generated/prisma/client.js";
import { Role } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";

export const RoleEnum = builder.enumType(Role, {
  name: "Role",
  description:
    "ADMIN: every program. PROGRAM_MANAGER: one program. PARTNER_USER: one partner. STAFF: a program's clubs.",
});

export const UserRef = builder.prismaObject("User", {
  description: "A person who logs in with an emailed code.",
  fields: (t) => ({
    email: t.exposeString("email"),
    name: t.exposeString("name", { nullable: true }),
    lastLoginAt: t.expose("lastLoginAt", { type: "DateTime", nullable: true }),
  }),
});

export const RoleGrantRef = builder.prismaNode("RoleGrant", {
  // Unknown or invisible ids resolve `node` to null instead of throwing.
  nullable: true,
  id: { field: "id" },
  description: "One role of one person.",
  findUnique: (id, ctx) => ({ id, AND: [visibleRoleGrants(ctx.principal)] }),
  fields: (t) => ({
    role: t.expose("role", { type: RoleEnum }),
    user: t.relation("user"),
    program: t.relation("program", { nullable: true }),
    partner: t.relation("partner", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const RequestLoginCodeInput = builder.inputType("RequestLoginCodeInput", {
  fields: (t) => ({ email: t.string({ required: true }) }),
});
const VerifyLoginCodeInput = builder.inputType("VerifyLoginCodeInput", {
  fields: (t) => ({
    email: t.string({ required: true }),
    code: t.string({ required: true, description: "The 6 digits from the email." }),
  }),
});
const GrantRoleInput = builder.inputType("GrantRoleInput", {
  description: "Creates the account when the email has none; the person then logs in with a code.",
  fields: (t) => ({
    email: t.string({ required: true }),
    role: t.field({ type: RoleEnum, required: true }),
    programId: t.id({ description: "Required for every role but ADMIN." }),
    partnerId: t.id({ description: "Required for PARTNER_USER." }),
  }),
});
const RevokeRoleInput = builder.inputType("RevokeRoleInput", { fields: (t) => ({ id: t.id({ required: true }) }) });

const RequestLoginCodePayload = builder.objectRef<{ expiresAt: Date }>("RequestLoginCodePayload").implement({
  description:
    "Sent if the email has an account or belongs to a program's member (the answer is the same either way, so accounts cannot be discovered).",
  fields: (t) => ({
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "When the code stops working." }),
  }),
});
const LoginPayload = builder.objectRef<{ token: string; expiresAt: Date; user: User }>("LoginPayload").implement({
  fields: (t) => ({
    token: t.exposeString("token", { description: "Send as `Authorization: Bearer <token>`. Revoke it with logout." }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    user: t.field({ type: UserRef, resolve: (p) => p.user }),
  }),
});
const LogoutPayload = builder.objectRef<{ loggedOut: boolean }>("LogoutPayload").implement({
  fields: (t) => ({ loggedOut: t.exposeBoolean("loggedOut") }),
});
const RoleGrantPayload = (name: string) =>
  builder.objectRef<{ roleGrant: RoleGrant }>(name).implement({
    fields: (t) => ({ roleGrant: t.field({ type: RoleGrantRef, resolve: (p) => p.roleGrant }) }),
  });

const roleGrantsWhere = connectionWhere((args: { programId: string }, ctx) =>
  roleGrantList(ctx.principal, rowId(args.programId, "Program")),
);

builder.queryField("roleGrants", (t) =>
  t.prismaConnection(
    {
      type: "RoleGrant",
      cursor: "id",
      complexity: connectionComplexity,
      description: "Who holds which role in a program (admin or the program's managers).",
      args: { programId: t.arg.id({ required: true }) },
      totalCount: (_p, args, ctx) => ctx.prisma.roleGrant.count({ where: roleGrantsWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.roleGrant.findMany({
          ...query,
          where: roleGrantsWhere(args, ctx),
          orderBy: { id: "asc" },
        }),
    },
    builder.connectionObject({ type: RoleGrantRef, name: "RoleGrantConnection" }, { name: "RoleGrantEdge" }),
  ),
);

builder.mutationFields((t) => ({
  requestLoginCode: t.field({
    type: RequestLoginCodePayload,
    description: "Email a 6-digit login code (valid 10 minutes, single use). At most 5 requests per email per hour.",
    skipTypeScopes: true,
    args: { input: t.arg({ type: RequestLoginCodeInput, required: true }) },
    errors: { types: [ValidationError] },
    resolve: (_root, { input }, ctx) => requestLoginCode(ctx, ctx.secrets, input),
  }),
  verifyLoginCode: t.field({
    type: LoginPayload,
    description: "Exchange an emailed code for a session token.",
    skipTypeScopes: true,
    args: { input: t.arg({ type: VerifyLoginCodeInput, required: true }) },
    errors: {
      types: [InvalidLoginCodeError, ValidationError],
    },
    resolve: (_root, { input }, ctx) => verifyLoginCode(ctx, ctx.secrets, input),
  }),
  logout: t.field({
    type: LogoutPayload,
    description: "Revoke the calling session token everywhere.",
    resolve: async (_root, _args, ctx) => {
      await logout(ctx);
      return { loggedOut: true };
    },
  }),
  grantRole: t.field({
    type: RoleGrantPayload("GrantRolePayload"),
    description:
      "Give a person a role (admins: any; a program's managers: roles in their program). Granting twice is a no-op.",
    args: { input: t.arg({ type: GrantRoleInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({
      roleGrant: await grantRole(ctx, {
        ...input,
        programId: optionalRowId(input.programId, "Program"),
        partnerId: optionalRowId(input.partnerId, "Partner"),
      }),
    }),
  }),
  revokeRole: t.field({
    type: RoleGrantPayload("RevokeRolePayload"),
    description: "Take a role away. Sessions keep working for the person's other roles.",
    args: { input: t.arg({ type: RevokeRoleInput, required: true }) },
    errors: { types: [NotFoundError] },
    resolve: async (_root, { input }, ctx) => ({ roleGrant: await revokeRole(ctx, rowId(input.id, "RoleGrant")) }),
  }),
}));
