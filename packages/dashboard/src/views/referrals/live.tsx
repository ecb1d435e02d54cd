// The live view: conversions and commissions as they are recorded, and the last hour's counters. After a dropped
// socket the feed is reconciled with a query, so nothing recorded meanwhile is missing.
import { useCallback, useEffect, useRef, useState } from "react";
import { client } from "../../api.js";
import {
  CommissionListDocument,
  type CommissionRowFragment,
  ConversionListDocument,
  type ConversionRowFragment,
  LiveCommissionsDocument,
  LiveConversionsDocument,
  LiveCountersDocument,
  type StatsValuesFragment,
} from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { Empty } from "../../ui/states.js";
import { useSubscription } from "../../ui/use-subscription.js";
import { CommissionTable, ConversionTable } from "./tables.js";

const FEED_SIZE = 50;
/** liveStats sends a snapshot at least every 10 s: a longer silence means the socket was down meanwhile. */
const SILENCE_MS = 15_000;

/** Rows by id (a newer copy replaces an older one), newest first, at most FEED_SIZE. */
function merge<T extends { id: string }>(rows: readonly T[], incoming: readonly T[], at: (row: T) => string): T[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const row of incoming) byId.set(row.id, row);
  return [...byId.values()].sort((a, b) => at(b).localeCompare(at(a))).slice(0, FEED_SIZE);
}

export function LiveView({ programId, partnerId }: { programId: string; partnerId?: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const filter = { programId, ...(partnerId ? { partnerId } : {}) };
  const [conversions, setConversions] = useState<ConversionRowFragment[]>([]);
  const [commissions, setCommissions] = useState<CommissionRowFragment[]>([]);
  const [counters, setCounters] = useState<StatsValuesFragment>();
  const lastSnapshot = useRef(0);

  const key = JSON.stringify(filter);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the filter.
  const reconcile = useCallback(() => {
    const listFilter = partnerId ? { partnerId } : {};
    client.request(ConversionListDocument, { programId, filter: listFilter }).then(
      (data) => setConversions((rows) => merge(rows, data.conversions.nodes, (r) => r.occurredAt)),
      () => undefined, // the next snapshot tries again
    );
    client.request(CommissionListDocument, { programId, filter: listFilter }).then(
      (data) => setCommissions((rows) => merge(rows, data.commissions.nodes, (r) => r.earnedAt)),
      () => undefined,
    );
  }, [key]);

  useEffect(() => {
    lastSnapshot.current = 0;
    reconcile();
  }, [reconcile]);

  const status = useSubscription(LiveCountersDocument, { filter }, (event) => {
    const now = Date.now();
    if (lastSnapshot.current && now - lastSnapshot.current > SILENCE_MS) reconcile();
    lastSnapshot.current = now;
    setCounters(event.liveStats.values);
  });
  useSubscription(LiveConversionsDocument, { filter }, (event) => {
    const row = event.conversionCreated.conversion;
    if (row) setConversions((rows) => merge(rows, [row], (r) => r.occurredAt));
  });
  useSubscription(LiveCommissionsDocument, { filter }, (event) => {
    const row = event.commissionChanged.commission;
    if (row) setCommissions((rows) => merge(rows, [row], (r) => r.earnedAt));
  });

  // A socket that comes back after a drop resubscribes: reconcile then too.
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === "reconnecting" && status === "live") reconcile();
    previous.current = status;
  }, [status, reconcile]);

  return (
    <section>
      <h1>{t("live.title")}</h1>
      <p role="status" className={`live-status ${status}`}>
        {t(`live.${status}`)}
      </p>
      <dl className="tiles" aria-label={t("live.counters")}>
        <div>
          <dt>{t("stats.uniqueClicks")}</dt>
          <dd data-testid="live-clicks">{counters ? format.number(counters.uniqueClicks) : "—"}</dd>
        </div>
        <div>
          <dt>{t("stats.conversions")}</dt>
          <dd data-testid="live-conversions">{counters ? format.number(counters.conversions) : "—"}</dd>
        </div>
        <div>
          <dt>{t("stats.conversionRate")}</dt>
          <dd>{counters ? format.percent(counters.conversionRate) : "—"}</dd>
        </div>
        <div>
          <dt>{t("stats.revenue")}</dt>
          <dd>{counters ? format.moneyList(counters.revenue) : "—"}</dd>
        </div>
        <div>
          <dt>{t("stats.commissions")}</dt>
          <dd>{counters ? format.moneyList(counters.commissions) : "—"}</dd>
        </div>
      </dl>
      <h2>{t("live.conversions")}</h2>
      {conversions.length === 0 ? (
        <Empty>{t("live.waiting")}</Empty>
      ) : (
        <ConversionTable rows={conversions} caption={t("live.conversions")} />
      )}
      <h2>{t("live.commissions")}</h2>
      {commissions.length === 0 ? (
        <Empty>{t("live.waiting")}</Empty>
      ) : (
        <CommissionTable rows={commissions} caption={t("live.commissions")} />
      )}
    </section>
  );
}
