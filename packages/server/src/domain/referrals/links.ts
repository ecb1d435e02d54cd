// Referral links: a partner's code in a project, redirecting to a destination. Managers create links for any
// partner of their program; a partner (key or user) for itself. Codes are random or custom, URL-safe, lower
// case and unique across the server (the redirect path names no program).
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { ReferralLink } from "../../generated/prisma/client.js";
import type { Call } from "../kernel/deps.js";
import { AuthError, ConflictError, ErrorCode, NotFoundError, ValidationError } from "../kernel/errors.js";
import { canManageProgram, ownPartnerIds, type Principal, requireAuthenticated } from "../kernel/principal.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { type Loose, parseInput } from "../kernel/values.js";
import { requirePartner } from "../partners/partners.js";
import { visiblePartners } from "../partners/scope.js";
import { audit } from "../programs/audit.js";

/** Codes in /r/<code>: 3-64 of a-z, 0-9, "-" and "_", starting with a letter or digit. */
export const CODE_PATTERN = /^[a-z0-9][a-z0-9_-]{2,63}$/;
const RANDOM_CODE_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"; // no 0/o, 1/l: codes are read aloud and typed
const RANDOM_CODE_LENGTH = 10; // 32^10 ≈ 10^15

/** A destination must be an absolute http(s) URL without credentials: the redirect never goes anywhere else. */
export const destinationUrl = z
  .string()
  .trim()
  .max(2048, "must be at most 2048 characters")
  .superRefine((value, ctx) => {
    const url = URL.canParse(value) ? new URL(value) : null;
    const problem = !url
      ? "must be an absolute URL"
      : !["http:", "https:"].includes(url.protocol)
        ? "must use http or https"
        : url.username || url.password
          ? "must not carry credentials"
          : !url.hostname
            ? "must name a host"
            : null;
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const CreateLinkInput = z.object({
  destinationUrl,
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(CODE_PATTERN, "must be 3-64 letters, digits, '-' or '_', starting with a letter or digit")
    .nullish(),
});
export type CreateLinkInput = Loose<z.input<typeof CreateLinkInput>>;

export function randomCode(): string {
  let code = "";
  for (let i = 0; i < RANDOM_CODE_LENGTH; i++) code += RANDOM_CODE_ALPHABET[randomInt(RANDOM_CODE_ALPHABET.length)];
  return code;
}

/** The public URL of a code. */
export function linkUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/r/${code}`;
}

/**
 * Creates a link for a partner in a project (default: the partner's default project). The partner must be
 * a live member of the project. A custom code already taken is a CONFLICT on `code`.
 */
export async function createReferralLink(
  call: Call,
  partnerId: string,
  projectId: string | null,
  input: CreateLinkInput,
): Promise<ReferralLink> {
  requireAuthenticated(call.principal);
  const data = parseInput(CreateLinkInput, input);
  for (let attempt = 0; ; attempt++) {
    const code = data.code ?? randomCode();
    try {
      return await call.prisma.$transaction(async (tx) => {
        const partner = requirePartner(
          await tx.partner.findFirst({ where: { AND: [visiblePartners(call.principal), { id: partnerId }] } }),
        );
        requireOwnOrManaged(call.principal, partner);
        const targetProject = projectId ?? partner.defaultProjectId;
        if (!targetProject)
          throw new ValidationError([{ path: "projectId", message: "the partner has no default project: name one" }]);
        const membership = await tx.projectMembership.findUnique({
          where: { projectId_partnerId: { projectId: targetProject, partnerId } },
          select: { project: { select: { programId: true } } },
        });
        if (!membership || membership.project.programId !== partner.programId)
          throw new NotFoundError(ErrorCode.NOT_FOUND, "Project not found, or the partner is not a member");
        const link = await tx.referralLink.create({
          data: {
            programId: partner.programId,
            projectId: targetProject,
            partnerId,
            code,
            destinationUrl: data.destinationUrl,
          },
        });
        await audit(tx, call, {
          action: "referralLink.create",
          targetType: "ReferralLink",
          targetId: link.id,
          programId: link.programId,
          after: link,
        });
        return link;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      if (data.code) throw new ConflictError("This code is taken", "code");
      if (attempt >= 3) throw error; // four random collisions in a row: something else is wrong
    }
  }
}

/** Managers act for any partner of their program; a partner only for itself. */
function requireOwnOrManaged(p: Principal, partner: { id: string; programId: string }): void {
  if (canManageProgram(p, partner.programId) || ownPartnerIds(p).includes(partner.id)) return;
  throw new AuthError(ErrorCode.INSUFFICIENT_PARTNER_PERMISSIONS, "Partners may create links only for themselves");
}
