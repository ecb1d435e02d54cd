import { ConflictError, NotFoundError, ValidationError } from "../../domain/kernel/errors.js";
import {
  createPartnerCategory,
  deletePartnerCategory,
  renamePartnerCategory,
} from "../../domain/partners/categories.js";
import { partnerCategoryList, visiblePartnerCategories } from "../../domain/partners/scope.js";
import type { PartnerCategory } from "../../generated/prisma/client.js";
import { builder, connectionComplexity } from "../builder.js";
import { connectionWhere } from "../connections.js";
import { WRITE_ERRORS } from "../errors.js";
import { rowId } from "../ids.js";

export const PartnerCategoryRef = builder.prismaNode("PartnerCategory", {
  // Unknown or invisible ids resolve `node` to null instead of throwing.
  nullable: true,
  id: { field: "id" },
  description: "A program-defined reporting category for partners, e.g. Hospitality or Aviation.",
  findUnique: (id, ctx) => ({ id, ...visiblePartnerCategories(ctx.principal) }),
  fields: (t) => ({
    name: t.exposeString("name"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});

const CategoryPayload = (name: string) =>
  builder.objectRef<{ category: PartnerCategory }>(name).implement({
    fields: (t) => ({ category: t.field({ type: PartnerCategoryRef, resolve: (p) => p.category }) }),
  });

const CreatePartnerCategoryInput = builder.inputType("CreatePartnerCategoryInput", {
  fields: (t) => ({ programId: t.id({ required: true }), name: t.string({ required: true }) }),
});
const RenamePartnerCategoryInput = builder.inputType("RenamePartnerCategoryInput", {
  fields: (t) => ({ id: t.id({ required: true }), name: t.string({ required: true }) }),
});
const DeletePartnerCategoryInput = builder.inputType("DeletePartnerCategoryInput", {
  fields: (t) => ({ id: t.id({ required: true }) }),
});

const categoriesWhere = connectionWhere((args: { programId: string }, ctx) =>
  partnerCategoryList(ctx.principal, rowId(args.programId, "Program")),
);

builder.queryField("partnerCategories", (t) =>
  t.prismaConnection(
    {
      type: "PartnerCategory",
      cursor: "id",
      complexity: connectionComplexity,
      description: "A program's partner categories, by name.",
      args: { programId: t.arg.id({ required: true }) },
      totalCount: (_p, args, ctx) => ctx.prisma.partnerCategory.count({ where: categoriesWhere(args, ctx) }),
      resolve: (query, _root, args, ctx) =>
        ctx.prisma.partnerCategory.findMany({
          ...query,
          where: categoriesWhere(args, ctx),
          orderBy: [{ name: "asc" }, { id: "asc" }],
        }),
    },
    builder.connectionObject(
      { type: PartnerCategoryRef, name: "PartnerCategoryConnection" },
      { name: "PartnerCategoryEdge" },
    ),
  ),
);

builder.mutationFields((t) => ({
  createPartnerCategory: t.field({
    type: CategoryPayload("CreatePartnerCategoryPayload"),
    description: "Add a partner category to a program (admin or the program's managers). Names are unique per program.",
    args: { input: t.arg({ type: CreatePartnerCategoryInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({
      category: await createPartnerCategory(ctx, rowId(input.programId, "Program"), input),
    }),
  }),
  renamePartnerCategory: t.field({
    type: CategoryPayload("RenamePartnerCategoryPayload"),
    args: { input: t.arg({ type: RenamePartnerCategoryInput, required: true }) },
    errors: { types: WRITE_ERRORS },
    resolve: async (_root, { input }, ctx) => ({
      category: await renamePartnerCategory(ctx, rowId(input.id, "PartnerCategory"), input),
    }),
  }),
  deletePartnerCategory: t.field({
    type: CategoryPayload("DeletePartnerCategoryPayload"),
    description: "Delete an unused category; one that partners use is a CONFLICT.",
    args: { input: t.arg({ type: DeletePartnerCategoryInput, required: true }) },
    errors: {
      types: [ConflictError, NotFoundError, ValidationError],
    },
    resolve: async (_root, { input }, ctx) => ({
      category: await deletePartnerCategory(ctx, rowId(input.id, "PartnerCategory")),
    }),
  }),
}));
