// Every failure shown as a sentence in the reader's language: a thrown PartnergraphError (transport, GraphQL
// errors) or a typed mutation failure ({ code, message, retryAt? }). Codes never reach the screen.
import { PartnergraphError } from "@partnergraph/sdk";
import { en, type MessageKey } from "./i18n/en.js";
import type { Translate } from "./i18n/index.js";

interface Failure {
  code: string;
  retryAt?: string | null | undefined;
}

/** The code of a failure, whichever way it came. */
export function codeOf(error: unknown): string {
  if (error instanceof PartnergraphError) return error.code;
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") return error.code;
  return "UNKNOWN_ERROR";
}

/** Whether the failure says the thing asked for does not exist for this caller. */
export function isNotFound(error: unknown): boolean {
  const code = codeOf(error);
  return code === "NOT_FOUND" || code === "PARTNER_NOT_FOUND";
}

export function errorMessage(
  t: Translate,
  error: unknown,
  formatTime: (iso: string) => string = (iso) => new Date(iso).toLocaleString(),
): string {
  const code = codeOf(error);
  const key = `error.${code}` as MessageKey;
  const retryAt = (error as Failure | undefined)?.retryAt;
  if (code === "DAILY_LIMIT_REACHED" && retryAt)
    return t("error.DAILY_LIMIT_REACHED_AT", { time: formatTime(retryAt) });
  if (code === "QUOTA_EXCEEDED" && error instanceof PartnergraphError && error.retryAfter !== undefined)
    return t("error.QUOTA_EXCEEDED_IN", { seconds: error.retryAfter });
  return key in en ? t(key) : t("error.generic");
}
