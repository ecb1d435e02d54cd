// Referral analytics over a range: clicks and conversions per day or hour, totals (conversion rate, EPC), and
// for managers the top partners of a project.
import { useMemo, useState } from "react";
import { AnalyticsDocument, LeadersDocument, ProjectListDocument, type StatsInterval } from "../../generated.js";
import { useFormat, useI18n } from "../../i18n/index.js";
import { Select } from "../../ui/field.js";
import { Empty, Loaded } from "../../ui/states.js";
import { TimeChart } from "../../ui/time-chart.js";
import { useQuery } from "../../ui/use-query.js";

const RANGES = {
  day: { hours: 24, interval: "HOUR" },
  week: { hours: 24 * 7, interval: "DAY" },
  month: { hours: 24 * 30, interval: "DAY" },
} as const;
type Range = keyof typeof RANGES;

/** The range's bounds, to the hour, so the variables stay equal across renders. */
export function useRange(range: Range): { from: string; to: string; interval: StatsInterval } {
  return useMemo(() => {
    const to = new Date();
    to.setMinutes(0, 0, 0);
    to.setHours(to.getHours() + 1);
    const from = new Date(to.getTime() - RANGES[range].hours * 3_600_000);
    return { from: from.toISOString(), to: to.toISOString(), interval: RANGES[range].interval };
  }, [range]);
}

export function RangeSelect({ value, onChange }: { value: Range; onChange: (range: Range) => void }) {
  const { t } = useI18n();
  return (
    <Select label={t("analytics.range")} value={value} onChange={(v) => onChange(v as Range)}>
      <option value="day">{t("analytics.day")}</option>
      <option value="week">{t("analytics.week")}</option>
      <option value="month">{t("analytics.month")}</option>
    </Select>
  );
}

export function Analytics({ programId, partnerId }: { programId: string; partnerId?: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const [range, setRange] = useState<Range>("week");
  const bounds = useRange(range);
  const stats = useQuery(AnalyticsDocument, { input: { programId, ...(partnerId ? { partnerId } : {}), ...bounds } });
  return (
    <section>
      <h1>{t("analytics.title")}</h1>
      <RangeSelect value={range} onChange={setRange} />
      <Loaded query={stats}>
        {({ referralStats: { totals, buckets } }) => (
          <>
            <dl className="tiles">
              <div>
                <dt>{t("stats.uniqueClicks")}</dt>
                <dd>{format.number(totals.uniqueClicks)}</dd>
              </div>
              <div>
                <dt>{t("stats.conversions")}</dt>
                <dd>{format.number(totals.conversions)}</dd>
              </div>
              <div>
                <dt>{t("stats.conversionRate")}</dt>
                <dd>{format.percent(totals.conversionRate)}</dd>
              </div>
              <div>
                <dt>{t("stats.epc")}</dt>
                <dd>{format.moneyList(totals.earningsPerClick)}</dd>
              </div>
              <div>
                <dt>{t("stats.revenue")}</dt>
                <dd>{format.moneyList(totals.revenue)}</dd>
              </div>
              <div>
                <dt>{t("stats.commissions")}</dt>
                <dd>{format.moneyList(totals.commissions)}</dd>
              </div>
            </dl>
            <TimeChart
              label={t("analytics.chartLabel", { clicks: totals.uniqueClicks, conversions: totals.conversions })}
              times={buckets.map((b) => b.start)}
              series={[
                { label: t("stats.uniqueClicks"), values: buckets.map((b) => b.values.uniqueClicks), color: "#1f5fa8" },
                { label: t("stats.conversions"), values: buckets.map((b) => b.values.conversions), color: "#b3261e" },
              ]}
            />
          </>
        )}
      </Loaded>
      {!partnerId && <TopPartners programId={programId} from={bounds.from} to={bounds.to} />}
    </section>
  );
}

function TopPartners({ programId, from, to }: { programId: string; from: string; to: string }) {
  const { t } = useI18n();
  const format = useFormat();
  const projects = useQuery(ProjectListDocument, { programId });
  const [chosen, setChosen] = useState("");
  const projectId = chosen || projects.data?.projects.nodes[0]?.id || "";
  const leaders = useQuery(LeadersDocument, { input: { projectId, from, to, first: 10 } }, !projectId);
  return (
    <>
      <h2>{t("analytics.top")}</h2>
      {projects.data && projects.data.projects.nodes.length === 0 ? (
        <Empty>{t("analytics.noProjects")}</Empty>
      ) : (
        <>
          <Select label={t("links.project")} value={projectId} onChange={setChosen}>
            {projects.data?.projects.nodes.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </Select>
          <Loaded query={leaders}>
            {(data) =>
              data.topPartners.length === 0 ? (
                <Empty>{t("analytics.noData")}</Empty>
              ) : (
                <table>
                  <caption className="visually-hidden">{t("analytics.top")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("conversions.partner")}</th>
                      <th scope="col">{t("stats.uniqueClicks")}</th>
                      <th scope="col">{t("stats.conversions")}</th>
                      <th scope="col">{t("stats.conversionRate")}</th>
                      <th scope="col">{t("stats.revenue")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.topPartners.map((row, index) => (
                      <tr key={row.partner?.id ?? index}>
                        <td>{row.partner?.name ?? "—"}</td>
                        <td className="number">{format.number(row.uniqueClicks)}</td>
                        <td className="number">{format.number(row.conversions)}</td>
                        <td className="number">{format.percent(row.conversionRate)}</td>
                        <td className="number">{format.money(row.revenue)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )
            }
          </Loaded>
        </>
      )}
    </>
  );
}
