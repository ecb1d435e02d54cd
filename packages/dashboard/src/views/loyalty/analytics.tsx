// Loyalty analytics of a business: views, followers, points issued and redeemed, stamps, active members,
// redemptions per bucket, and its most popular rewards.
import { useState } from "react";
import { LoyaltyAnalyticsDocument } from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { Empty, Loaded } from "../../ui/states.js";
import { TimeChart } from "../../ui/time-chart.js";
import { useQuery } from "../../ui/use-query.js";
import { RangeSelect, useRange } from "../referrals/analytics.js";

export function LoyaltyAnalytics({ programId, partnerId }: { programId: string; partnerId: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const [range, setRange] = useState<"day" | "week" | "month">("week");
  const bounds = useRange(range);
  const stats = useQuery(LoyaltyAnalyticsDocument, { input: { programId, partnerId, topRewards: 5, ...bounds } });
  return (
    <section>
      <h1>{t("loyaltyStats.title")}</h1>
      <RangeSelect value={range} onChange={setRange} />
      <Loaded query={stats}>
        {({ loyaltyStats: { totals, buckets, popularRewards } }) => (
          <>
            <dl className="tiles">
              {(
                [
                  ["loyaltyStats.cardViews", totals.cardViews],
                  ["loyaltyStats.newFollowers", totals.newFollowers],
                  ["loyaltyStats.pointsIssued", totals.pointsIssued],
                  ["loyaltyStats.pointsRedeemed", totals.pointsRedeemed],
                  ["loyaltyStats.stampsCollected", totals.stampsCollected],
                  ["loyaltyStats.activeMembers", totals.activeMembers],
                  ["loyaltyStats.redemptions", totals.redemptions],
                ] as const
              ).map(([key, value]) => (
                <div key={key}>
                  <dt>{t(key)}</dt>
                  <dd>{value == null ? "—" : format.number(value)}</dd>
                </div>
              ))}
            </dl>
            <TimeChart
              label={t("loyaltyStats.chartLabel", { stamps: totals.stampsCollected, points: totals.pointsIssued })}
              times={buckets.map((b) => b.start)}
              series={[
                {
                  label: t("loyaltyStats.pointsIssued"),
                  values: buckets.map((b) => b.values.pointsIssued),
                  color: "#1f5fa8",
                },
                {
                  label: t("loyaltyStats.stampsCollected"),
                  values: buckets.map((b) => b.values.stampsCollected),
                  color: "#2e7d32",
                },
                {
                  label: t("loyaltyStats.redemptions"),
                  values: buckets.map((b) => b.values.redemptions),
                  color: "#b3261e",
                },
              ]}
            />
            <h2>{t("loyaltyStats.popular")}</h2>
            {popularRewards.length === 0 ? (
              <Empty>{t("analytics.noData")}</Empty>
            ) : (
              <ol>
                {popularRewards.map((row) => (
                  <li key={row.reward.id}>
                    {row.reward.title}: {t("loyaltyStats.redeemedTimes", { count: format.number(row.redemptions) })}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
