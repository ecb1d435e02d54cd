// A new partner API key, shown once: copy it now, it is not shown again (only its hash is stored).
import { useState } from "react";
import { useI18n } from "../../i18n/index.js";
import { CopyButton } from "../../ui/copy.js";
import { Dialog } from "../../ui/dialog.js";

export function KeyDialog({ name, apiKey, onClose }: { name: string; apiKey: string; onClose: () => void }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <Dialog title={t("key.title", { name })} onClose={onClose}>
      <p>{t("key.once")}</p>
      <p>
        <code className="secret" data-testid="api-key">
          {apiKey}
        </code>
      </p>
      <div className="buttons">
        <CopyButton text={apiKey} label={t("key.copy")} onCopied={() => setCopied(true)} />
        <button type="button" onClick={onClose}>
          {copied ? t("action.done") : t("key.closeWithout")}
        </button>
      </div>
    </Dialog>
  );
}
