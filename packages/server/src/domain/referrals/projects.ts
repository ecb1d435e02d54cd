// Referral projects: a program's campaigns of links, with their attribution and dedup windows and currency;
// and partners' memberships (a partner's default project is applied to the links it creates).
import { z } from "zod";
import type { ProjectMembership, ReferralProject } from "../../generated/prisma/client.js";
import type { Call, Tx } from "../kernel/deps.js";
import { ConflictError, ErrorCode, NotFoundError } from "../kernel/errors.js";
import { requireProgramManager } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { programRows } from "../kernel/row-filters.js";
import { currencyCode, type Loose, name, parseInput } from "../kernel/values.js";
import { requirePartner } from "../partners/partners.js";
import { audit } from "../programs/audit.js";
import { requireConfigured, requireProgram } from "../programs/programs.js";
import { projectById } from "./scope.js";

const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/, "must be 1-64 lower-case letters, digits and inner hyphens");

const ProjectFields = {
  name,
  slug,
  status: z.enum(["ACTIVE", "INACTIVE"]),
  attributionWindowDays: z.number().int().min(1, "must be at least 1 day").max(3650, "must be at most 3650 days"),
  clickDedupWindowSeconds: z
    .number()
    .int()
    .min(0, "must not be negative")
    .max(30 * 86400, "must be at most 30 days"),
};
const CreateProjectInput = z.object({
  ...ProjectFields,
  status: ProjectFields.status.nullish().transform((v) => v ?? "ACTIVE"),
  attributionWindowDays: ProjectFields.attributionWindowDays.nullish().transform((v) => v ?? 90),
  clickDedupWindowSeconds: ProjectFields.clickDedupWindowSeconds.nullish().transform((v) => v ?? 3600),
  currency: currencyCode.nullish(),
});
const UpdateProjectInput = z.object({
  name: name.optional(),
  slug: slug.optional(),
  status: ProjectFields.status.optional(),
  attributionWindowDays: ProjectFields.attributionWindowDays.optional(),
  clickDedupWindowSeconds: ProjectFields.clickDedupWindowSeconds.optional(),
});
export type CreateProjectInput = Loose<z.input<typeof CreateProjectInput>>;
export type UpdateProjectInput = Loose<z.input<typeof UpdateProjectInput>>;

const duplicateSlug = () => new ConflictError("Another project of this program has this slug", "slug");

/** A project; its currency defaults to the program's and is fixed once created (its money is in it). */
export async function createProject(
  call: Call,
  programId: string,
  input: CreateProjectInput,
): Promise<ReferralProject> {
  requireProgramManager(call.principal, programId);
  const { currency, ...data } = parseInput(CreateProjectInput, input);
  return uniqueSlug(() =>
    call.prisma.$transaction(async (tx) => {
      const program = requireConfigured(requireProgram(await tx.program.findUnique({ where: { id: programId } })));
      const project = await tx.referralProject.create({
        data: { ...data, programId, currency: currency ?? program.currency },
      });
      await audit(tx, call, {
        action: "project.create",
        targetType: "ReferralProject",
        targetId: project.id,
        programId,
        after: project,
      });
      return project;
    }),
  );
}

export async function updateProject(
  call: Call,
  projectId: string,
  patch: UpdateProjectInput,
): Promise<ReferralProject> {
  const data = parseInput(UpdateProjectInput, Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== null)));
  return uniqueSlug(() =>
    call.prisma.$transaction(async (tx) => {
      const before = await managedProject(tx, call, projectId);
      const after = await tx.referralProject.update({ where: { id: before.id }, data });
      await audit(tx, call, {
        action: "project.update",
        targetType: "ReferralProject",
        targetId: after.id,
        programId: after.programId,
        before,
        after,
      });
      return after;
    }),
  );
}

/**
 * Makes a partner a member of a project (again without error if it already is). `makeDefault`, or being the
 * partner's first project, makes it the partner's default project.
 */
export async function addPartnerToProject(
  call: Call,
  projectId: string,
  partnerId: string,
  makeDefault: boolean,
): Promise<ProjectMembership> {
  return call.prisma.$transaction(async (tx) => {
    const project = await managedProject(tx, call, projectId);
    const partner = requirePartner(
      await tx.partner.findFirst({ where: { id: partnerId, programId: project.programId, deletedAt: null } }),
    );
    const existing = await tx.projectMembership.findUnique({
      where: { projectId_partnerId: { projectId, partnerId } },
    });
    const membership =
      existing ?? (await tx.projectMembership.create({ data: { programId: project.programId, projectId, partnerId } }));
    const setDefault = makeDefault || partner.defaultProjectId === null;
    if (setDefault && partner.defaultProjectId !== projectId)
      await tx.partner.update({ where: { id: partnerId }, data: { defaultProjectId: projectId } });
    if (!existing || setDefault) {
      await audit(tx, call, {
        action: "project.addPartner",
        targetType: "ReferralProject",
        targetId: projectId,
        programId: project.programId,
        after: { partnerId, defaultProject: setDefault || partner.defaultProjectId === projectId },
      });
    }
    return membership;
  });
}

/** Ends a membership: the partner's links stay and keep redirecting; it is no longer the default project. */
export async function removePartnerFromProject(
  call: Call,
  projectId: string,
  partnerId: string,
): Promise<ReferralProject> {
  return call.prisma.$transaction(async (tx) => {
    const project = await managedProject(tx, call, projectId);
    const { count } = await tx.projectMembership.deleteMany({ where: { projectId, partnerId } });
    if (!count) throw new NotFoundError(ErrorCode.PARTNER_NOT_FOUND, "The partner is not a member of this project");
    await tx.partner.updateMany({
      where: { id: partnerId, defaultProjectId: projectId },
      data: { defaultProjectId: null },
    });
    await audit(tx, call, {
      action: "project.removePartner",
      targetType: "ReferralProject",
      targetId: projectId,
      programId: project.programId,
      before: { partnerId },
    });
    return project;
  });
}

// Reads --------------------------------------------------------------------------------------------------

export function requireProject<T>(row: T | null | undefined): T {
  if (!row) throw new NotFoundError(ErrorCode.NOT_FOUND, "Project not found");
  return row;
}

/** A project the caller can see (managers: their program's; partners: their memberships). */
export async function visibleProject(
  tx: Tx,
  call: Pick<Call, "principal">,
  projectId: string,
): Promise<ReferralProject> {
  return requireProject(await tx.referralProject.findFirst({ where: projectById(call.principal, projectId) }));
}

/** A project the caller may manage: a permission error for the program's partners and staff, else NOT_FOUND. */
export async function managedProject(
  tx: Tx,
  call: Pick<Call, "principal">,
  projectId: string,
): Promise<ReferralProject> {
  const project = requireProject(
    await tx.referralProject.findFirst({ where: { id: projectId, ...programRows(call.principal) } }),
  );
  requireProgramManager(call.principal, project.programId);
  return project;
}

async function uniqueSlug<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateSlug();
    throw error;
  }
}
