// Copies text to the clipboard and says so (politely, for screen readers).
import { useState } from "react";
import { useI18n } from "../i18n/index.js";

export function CopyButton({ text, label, onCopied }: { text: string; label: string; onCopied?: () => void }) {
  const { t } = useI18n();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <>
      <button
        type="button"
        onClick={() =>
          navigator.clipboard.writeText(text).then(
            () => {
              setState("copied");
              onCopied?.();
            },
            () => setState("failed"),
          )
        }
      >
        {label}
      </button>
      <span role="status" className="muted">
        {state === "copied" ? t("copy.done") : state === "failed" ? t("copy.failed") : ""}
      </span>
    </>
  );
}
