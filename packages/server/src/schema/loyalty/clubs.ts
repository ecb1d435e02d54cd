// Clubs and their staff: types, queries and mutations (thin: decode ids, call the domain, shape results).
import { ValidationError } from "../../domain/kernel/errors.js";
import { createClub, updateClub } from "../../domain/loyalty/clubs.js";
import { clubList, visibleClubStaff, visibleClubs } from "../../domain/loyalty/scope.js";
import { addClubStaff, type ClubStaffWithUser, removeClubStaff, updateClubStaff } from "../../domain/loyalty/staff.js";
import { canSeePartner } from "../../domain/partners/scope.js";
import type { Club } from "../../generated/prisma/client.js";
import { ClubRole, ClubStatus } from "../../generated/prisma/enums.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { optionalRowId, rowId } from "../ids.js";
import { PartnerRef, PartnerRefInput, partnerRef } from "../partners/partners.js";

export const ClubStatusEnum = builder.enumType(ClubStatus, {
  name: "ClubStatus",
  description: "An INACTIVE club's staff have no access through it (its cards stay on the partner's other clubs).",
});

export const ClubRoleEnum = builder.enumType(ClubRole, {
  name: "ClubRole",
  description:
    "STAFF award points and stamps and redeem rewards on the club's cards; a CLUB_MANAGER also adds and removes the club's STAFF.",
});

export const ClubStaffRef = builder.prismaObject("ClubStaff", {
  description: "A person working in a club.",
  fields: (t) => ({
    email: t.string({ select: { user: { select: { email: true } } }, resolve: (s) => s.user.email }),
    user: t.relation("user"),
    role: t.expose("role", { type: ClubRoleEnum }),
    club: t.relation("club"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const clubStaffWhere = connectionWhere((_args: object, ctx) => visibleClubStaff(ctx.principal));

export const ClubRef = builder.prismaNode("Club", {
  id: { field: "id" },
  nullable: true,
  description: "A partner's location or department: staff work in clubs, cards are assigned to clubs.",
  findUnique: (id, ctx) => ({ id, AND: [visibleClubs(ctx.principal)] }),
  fields: (t) => ({
    name: t.exposeString("name", { description: "Unique within the partner." }),
    address: t.exposeString("address", { nullable: true }),
    status: t.expose("status", { type: ClubStatusEnum }),
    program: t.relation("program"),
    partner: t.field({
      type: PartnerRef,
      nullable: true,
      description: "The partner's record, for its program's managers and the partner itself; null for staff.",
      select: (_args, _ctx, nested) => ({ partner: nested(true) }),
      resolve: (club, _args, ctx) => (canSeePartner(ctx.principal, club.partner) ? club.partner : null),
    }),
    partnerName: t.string({
      description: "The business's name, for everyone who sees the club.",
      select: { partner: { select: { name: true } } },
      resolve: (c) => c.partner.name,
    }),
    staff: t.relatedConnection("staff", {
      cursor: "clubId_userId",
      complexity: connectionComplexity,
      totalCount: true,
      description:
        "Who works here, longest-serving first: all of them for owners and the club's managers; staff see only themselves.",
      query: (args, ctx) => ({
        where: clubStaffWhere(args, ctx),
        orderBy: [{ createdAt: "asc" }, { userId: "asc" }],
      }),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

export const ClubConnection = builder.connectionObject({ type: ClubRef, name: "ClubConnection" }, { name: "ClubEdge" });

const CreateClubInput = builder.inputType("CreateClubInput", {
  fields: (t) => ({
    partner: t.field({
      type: PartnerRefInput,
      required: true,
      description: "The business the club belongs to (fixed once created).",
    }),
    name: t.string({ required: true, description: "1-200 characters, unique within the partner." }),
    address: t.string({ description: "At most 500 characters." }),
  }),
});
const UpdateClubInput = builder.inputType("UpdateClubInput", {
  description: "Only the fields present change; null clears the address.",
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string(),
    address: t.string(),
    status: t.field({ type: ClubStatusEnum }),
  }),
});
const ClubStaffInput = builder.inputType("ClubStaffInput", {
  fields: (t) => ({
    clubId: t.id({ required: true }),
    email: t.string({
      required: true,
      description: "The person's email; adding one without an account creates it (they log in with an emailed code).",
    }),
    role: t.field({ type: ClubRoleEnum, required: true }),
  }),
});
const RemoveClubStaffInput = builder.inputType("RemoveClubStaffInput", {
  fields: (t) => ({ clubId: t.id({ required: true }), email: t.string({ required: true }) }),
});

const ClubPayload = (name: string) =>
  builder
    .objectRef<{ club: Club }>(name)
    .implement({ fields: (t) => ({ club: t.field({ type: ClubRef, resolve: (p) => p.club }) }) });
const ClubStaffPayload = (name: string) =>
  builder
    .objectRef<{ staff: ClubStaffWithUser }>(name)
    .implement({ fields: (t) => ({ staff: t.field({ type: ClubStaffRef, resolve: (p) => p.staff }) }) });
const RemoveClubStaffPayload = builder.objectRef<{ club: Club; email: string }>("RemoveClubStaffPayload").implement({
  fields: (t) => ({
    club: t.field({ type: ClubRef, resolve: (p) => p.club }),
    email: t.exposeString("email", { description: "Who was removed." }),
  }),
});

builder.queryFields((t) => ({
  clubs: t.prismaConnection(
    {
      type: "Club",
      cursor: "id",
      complexity: connectionComplexity,
      description:
        "Clubs of a program or of one partner, oldest first: owners see the partner's clubs, staff the clubs they work in.",
      args: { programId: t.arg.id(), partnerId: t.arg.id(), status: t.arg({ type: ClubStatusEnum }) },
      totalCount: (_p, args, ctx) => ctx.prisma.club.count({ where: clubsWhere(args, ctx) }),
      resolve: (query, _r, args, ctx) =>
        ctx.prisma.club.findMany({ ...query, where: clubsWhere(args, ctx), orderBy: { id: "asc" } }),
    },
    ClubConnection,
  ),
}));

const clubsWhere = connectionWhere(
  (args: { programId?: string | null; partnerId?: string | null; status?: ClubStatus | null }, ctx) => {
    if (!args.programId && !args.partnerId)
      throw new ValidationError([{ path: "programId", message: "give programId or partnerId" }]);
    return clubList(ctx.principal, {
      programId: optionalRowId(args.programId, "Program"),
      partnerId: optionalRowId(args.partnerId, "Partner"),
      status: args.status,
    });
  },
);

builder.mutationFields((t) => ({
  createClub: t.field({
    type: ClubPayload("CreateClubPayload"),
    description: "Add a club to a partner (the program's managers or the partner).",
    args: { input: t.arg({ type: CreateClubInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => ({ club: await createClub(ctx, partnerRef(input.partner), input) }),
  }),
  updateClub: t.field({
    type: ClubPayload("UpdateClubPayload"),
    description: "Rename, move or (de)activate a club (the program's managers or the partner).",
    args: { input: t.arg({ type: UpdateClubInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input: { id, ...patch } }, ctx) => ({
      club: await updateClub(ctx, rowId(id, "Club"), patch),
    }),
  }),
  addClubStaff: t.field({
    type: ClubStaffPayload("AddClubStaffPayload"),
    description:
      "Add a person to a club. Owners add either role; the club's managers add STAFF to their own club. Adding someone already there in the same role returns them; in another role is a CONFLICT.",
    args: { input: t.arg({ type: ClubStaffInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => ({ staff: await addClubStaff(ctx, rowId(input.clubId, "Club"), input) }),
  }),
  updateClubStaff: t.field({
    type: ClubStaffPayload("UpdateClubStaffPayload"),
    description: "Change a person's role in a club (owners: a club manager may not promote or demote).",
    args: { input: t.arg({ type: ClubStaffInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_r, { input }, ctx) => ({ staff: await updateClubStaff(ctx, rowId(input.clubId, "Club"), input) }),
  }),
  removeClubStaff: t.field({
    type: RemoveClubStaffPayload,
    description:
      "Remove a person from a club (owners; the club's managers remove STAFF of their own club). Their access through it ends at once.",
    args: { input: t.arg({ type: RemoveClubStaffInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: (_r, { input }, ctx) => removeClubStaff(ctx, rowId(input.clubId, "Club"), input),
  }),
}));
