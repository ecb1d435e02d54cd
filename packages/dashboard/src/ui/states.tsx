// Loading, empty, error and not-found states, the same everywhere.
import type { ReactNode } from "react";
import { errorMessage } from "../errors.js";
import { useFormat, useI18n } from "../i18n/index.js";
import type { QueryState } from "./use-query.js";

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t("state.loading")}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: (() => void) | undefined }) {
  const { t } = useI18n();
  const format = useFormat();
  return (
    <div className="error" role="alert">
      <p>{errorMessage(t, error, format.dateTime)}</p>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t("action.retry")}
        </button>
      )}
    </div>
  );
}

export function NotFound() {
  const { t } = useI18n();
  return (
    <section>
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <a href="/partner/">{t("notFound.home")}</a>
    </section>
  );
}

/** Renders a query's data, or its loading or error state. */
export function Loaded<R>({ query, children }: { query: QueryState<R>; children: (data: R) => ReactNode }) {
  if (query.error) return <ErrorNote error={query.error} onRetry={query.reload} />;
  if (!query.data) return <Loading />;
  return <>{children(query.data)}</>;
}
