// Secrets the server mints for itself on first start, stored in the database so every instance shares them.
import { randomBytes } from "node:crypto";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { isUniqueViolation } from "../kernel/prisma-errors.js";

export async function serverSecret(prisma: PrismaClient, name: string): Promise<Buffer> {
  const existing = await prisma.serverSecret.findUnique({ where: { name } });
  if (existing) return Buffer.from(existing.value, "base64url");
  try {
    await prisma.serverSecret.create({ data: { name, value: randomBytes(32).toString("base64url") } });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // another instance minted it first: use theirs
  }
  return Buffer.from((await prisma.serverSecret.findUniqueOrThrow({ where: { name } })).value, "base64url");
}
