// Secrets the server mints for itself on first start, stored in the database so every instance shares them,
// sealed under SECRETS_KEY so that a copy of the database alone cannot sign sessions. Rows written in clear
// by older versions, or sealed with SECRETS_KEY_PREVIOUS, are sealed again with the current key when read.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";
import { isSealed, type Sealer } from "../kernel/seal.js";

export class UnreadableSecretError extends Error {
  override name = "UnreadableSecretError";
}

export async function serverSecret(prisma: PrismaClient, sealer: Sealer, name: string): Promise<Buffer> {
  const context = `server-secret:${name}`;
  const existing = await prisma.serverSecret.findUnique({ where: { name } });
  if (!existing) {
    try {
      await prisma.serverSecret.create({ data: { name, value: sealer.seal(randomBytes(32), context) } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error; // another instance minted it first: use theirs
    }
    return serverSecret(prisma, sealer, name);
  }
  if (!isSealed(existing.value)) {
    const value = Buffer.from(existing.value, "base64url");
    await reseal(prisma, name, existing.value, sealer.seal(value, context));
    return value;
  }
  const opened = sealer.open(existing.value, context);
  if (!opened)
    throw new UnreadableSecretError(
      `Server secret "${name}" does not open with SECRETS_KEY (nor SECRETS_KEY_PREVIOUS): wrong key? After a rotation, set the old key as SECRETS_KEY_PREVIOUS.`,
    );
  if (opened.stale) await reseal(prisma, name, existing.value, sealer.seal(opened.value, context));
  return opened.value;
}

/** Only if nobody changed it since it was read: instances starting together agree on one value. */
async function reseal(prisma: PrismaClient, name: string, was: string, value: string): Promise<void> {
  await prisma.serverSecret.updateMany({ where: { name, value: was }, data: { value } });
}
