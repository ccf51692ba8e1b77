"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type ChartSeries = { label: string; counts: Record<string, number> }[];

/** Colours that stay apart for the common colour-vision deficiencies (Okabe–Ito). */
const COLOURS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7"];

/**
 * Reports received per period, stacked by category. The same numbers are in the table
 * view, which is what screen readers get; the chart itself is hidden from them.
 */
export function ReceivedChart({ data, series }: { data: ChartSeries; series: { key: string; name: string }[] }) {
  const rows = data.map((d) => ({ label: d.label, ...d.counts }));
  return (
    <div className="chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 8 }} accessibilityLayer={false}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12 }} minTickGap={16} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={56} />
          <Tooltip />
          <Legend />
          {series.map((s, i) => (
            <Bar key={s.key} dataKey={s.key} name={s.name} stackId="received" fill={COLOURS[i % COLOURS.length]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
