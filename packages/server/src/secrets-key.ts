// The key that seals server secrets, outside the database: SECRETS_KEY, or in development a key generated
// once into the data folder (never into the database), so a fresh checkout runs without setup.
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "pino";
import { parseSecretsKey, type SecretsKeySource } from "./config.js";
import type { SealKeys } from "./domain/kernel/seal.js";

export async function resolveSecretsKeys(source: SecretsKeySource, log: Logger): Promise<SealKeys> {
  if (source.kind === "given") return { current: source.current, previous: source.previous };
  return { current: await generatedKey(source.file, log), previous: source.previous };
}

async function generatedKey(file: string, log: Logger): Promise<Buffer> {
  try {
    return parseSecretsKey(await readFile(file, "utf8"), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  await mkdir(dirname(file), { recursive: true });
  // Written aside, then linked into place: two instances starting together never read a half-written key.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await writeFile(draft, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600 });
  try {
    await link(draft, file);
    log.warn({ file }, "SECRETS_KEY not set: generated a development key (set SECRETS_KEY in production)");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    await rm(draft, { force: true });
  }
  return parseSecretsKey(await readFile(file, "utf8"), file);
}
