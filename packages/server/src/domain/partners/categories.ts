// Partner categories: a program-defined list for reporting (Hospitality, Aviation, ...).
import { z } from "zod";
import type { PartnerCategory } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, NotFoundError } from "../kernel/errors.js";
import { requireProgramManager } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { parseInput } from "../kernel/values.js";
import { audit } from "../programs/audit.js";
import { requireProgram } from "../programs/programs.js";
import { visiblePartnerCategories } from "./scope.js";

const CategoryName = z.object({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
});
const duplicate = () => new ConflictError("This program already has a category with that name", "name");

export async function createPartnerCategory(
  call: Call,
  programId: string,
  input: { name: string },
): Promise<PartnerCategory> {
  requireProgramManager(call.principal, programId);
  const { name } = parseInput(CategoryName, input);
  try {
    return await call.prisma.$transaction(async (tx) => {
      requireProgram(await tx.program.findUnique({ where: { id: programId }, select: { id: true } }));
      const category = await tx.partnerCategory.create({ data: { programId, name } });
      await audit(tx, call, {
        action: "partnerCategory.create",
        targetType: "PartnerCategory",
        targetId: category.id,
        programId,
        after: category,
      });
      return category;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function renamePartnerCategory(call: Call, id: string, input: { name: string }): Promise<PartnerCategory> {
  const { name } = parseInput(CategoryName, input);
  try {
    return await call.prisma.$transaction(async (tx) => {
      const before = await managedCategory(tx, call, id);
      const after = await tx.partnerCategory.update({ where: { id }, data: { name } });
      await audit(tx, call, {
        action: "partnerCategory.rename",
        targetType: "PartnerCategory",
        targetId: id,
        programId: after.programId,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Deleting a category that partners (live or deleted, for their history) still use is a CONFLICT. */
export async function deletePartnerCategory(call: Call, id: string): Promise<PartnerCategory> {
  return call.prisma.$transaction(async (tx) => {
    const category = await managedCategory(tx, call, id);
    if (await tx.partner.count({ where: { categoryId: id } })) {
      throw new ConflictError("Partners use this category: move them to another one first");
    }
    await tx.partnerCategory.delete({ where: { id } });
    await audit(tx, call, {
      action: "partnerCategory.delete",
      targetType: "PartnerCategory",
      targetId: id,
      programId: category.programId,
      before: category,
    });
    return category;
  });
}

async function managedCategory(tx: Tx, call: Call, id: string): Promise<PartnerCategory> {
  const category = await tx.partnerCategory.findFirst({ where: { id, ...visiblePartnerCategories(call.principal) } });
  if (!category) throw new NotFoundError(undefined, "Partner category not found");
  requireProgramManager(call.principal, category.programId);
  return category;
}
