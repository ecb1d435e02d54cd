// A time series chart (uPlot, loaded with the first chart so the first page does not carry it). The canvas is
// described for screen readers by `label`; the figures it draws are also shown as text beside it.
import { useContext, useEffect, useRef } from "react";
import { TimeZoneContext } from "../i18n/index.js";

export interface Series {
  label: string;
  values: number[];
  color: string;
}

export function TimeChart({ label, times, series }: { label: string; times: string[]; series: Series[] }) {
  const box = useRef<HTMLDivElement>(null);
  const timeZone = useContext(TimeZoneContext);
  const key = JSON.stringify([times, series, timeZone]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the data.
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    Promise.all([import("uplot"), import("uplot/dist/uPlot.min.css")]).then(([{ default: UPlot }]) => {
      const target = box.current;
      if (cancelled || !target) return;
      chart = new UPlot(
        {
          width: Math.max(300, target.clientWidth),
          height: 260,
          series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2 }))],
          axes: [{}, {}],
          // The axis in the program's time zone, like every other date on screen.
          ...(timeZone ? { tzDate: (ts: number) => UPlot.tzDate(new Date(ts * 1000), timeZone) } : {}),
        },
        [times.map((iso) => Date.parse(iso) / 1000), ...series.map((s) => s.values)],
        target,
      );
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [key]);
  return <div className="chart" ref={box} role="img" aria-label={label} />;
}
