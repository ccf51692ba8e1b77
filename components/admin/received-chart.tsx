"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { label: string; counts: Record<string, number> }[];

/** Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito). */
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"];

/**
 * Reports received per period, stacked by category. The same numbers are in the table
 * view, which is what screen readers get; the chart itself is hidden from them. The legend
 * is written in the body colour beside a swatch of each series' colour (the colours
 * themselves are too light for text on white), top to bottom as the stack is drawn.
 */
export function ReceivedChart({ data, series, legendLabel }: { data: ChartSeries; series: { key: string; name: string }[]; legendLabel: string }) {
  const rows = data.map((d) => ({ label: d.label, ...d.counts }));
  const colour = (i: number) => COLOURS[i % COLOURS.length];
  return (
    <figure className="chart-figure">
    <ul className="chart-legend" aria-label={legendLabel}>
      {series.map((s, i) => ({ ...s, i })).reverse().map((s) => (
        <li key={s.key}>
          <span className="chart-legend__swatch" style={{ background: colour(s.i) }} aria-hidden="true" />
          {s.name}
        </li>
      ))}
    </ul>
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={56} />
          <Tooltip />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="received" fill={colour(i)} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
    </figure>
  );
}
