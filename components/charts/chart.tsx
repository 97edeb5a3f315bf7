'use client';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type ChartConfig, configStyle, seriesVar } from './chart-config';
import { ChartTooltipContent } from './chart-tooltip';

// The one Recharts wrapper: bars (stacked or side by side) or lines over buckets, painted from a
// typed series config, with exact-number tooltips and a click on any bar or point reported as
// (bucket, series) so the page can open the calls behind it.

export type ChartRow = { bucket: string } & Record<string, number | string>;

export interface ChartProps {
  kind: 'bar' | 'stacked' | 'line';
  data: ChartRow[];
  config: ChartConfig;
  /** Accessible name of the chart (it is an image to a screen reader; the CSV holds the table). */
  label: string;
  format?: (n: number) => string;
  tickLabel?: (bucket: string) => string;
  onSelect?: (bucket: string, series: string) => void;
  height?: number;
  /** Counts: whole-number ticks only. */
  integer?: boolean;
  /** Categories rather than time: every label shown. */
  categorical?: boolean;
}

const defaultFormat = (n: number) => n.toLocaleString('en', { maximumFractionDigits: 2 });

function bucketOf(entry: unknown): string | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const payload = (entry as { payload?: unknown }).payload;
  const bucket = payload && typeof payload === 'object' ? (payload as { bucket?: unknown }).bucket : undefined;
  return typeof bucket === 'string' ? bucket : undefined;
}

export function Chart({
  kind,
  data,
  config,
  label,
  format = defaultFormat,
  tickLabel = (b) => b,
  onSelect,
  height = 260,
  integer = false,
  categorical = false,
}: ChartProps) {
  const keys = Object.keys(config);
  const axes = (
    <>
      <CartesianGrid vertical={false} stroke="#e2e8f0" />
      <XAxis
        dataKey="bucket"
        tickFormatter={tickLabel}
        tick={{ fontSize: 12, fill: '#475569' }}
        tickLine={false}
        axisLine={false}
        minTickGap={16}
        interval={categorical ? 0 : 'preserveEnd'}
      />
      <YAxis
        tickFormatter={(n: number) => format(n)}
        tick={{ fontSize: 12, fill: '#475569' }}
        tickLine={false}
        axisLine={false}
        width={56}
        allowDecimals={!integer}
      />
      <Tooltip
        cursor={{ fill: 'rgba(148,163,184,0.15)' }}
        content={({ active, payload, label: l }) => (
          <ChartTooltipContent
            active={active}
            payload={payload}
            label={typeof l === 'string' ? tickLabel(l) : l}
            config={config}
            format={format}
            total={kind === 'stacked'}
          />
        )}
      />
      {keys.length > 1 && <Legend formatter={(value: string) => config[value]?.label ?? value} wrapperStyle={{ fontSize: 12 }} />}
    </>
  );
  const pointer = onSelect ? 'cursor-pointer' : undefined;
  return (
    <div role="img" aria-label={label} style={configStyle(config)} className="w-full" data-testid="chart">
      <ResponsiveContainer width="100%" height={height}>
        {kind === 'line' ? (
          <LineChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            {axes}
            {keys.map((k) => (
              <Line
                key={k}
                type="monotone"
                dataKey={k}
                stroke={seriesVar(k)}
                strokeWidth={2}
                connectNulls
                isAnimationActive={false}
                dot={{ r: 2 }}
                activeDot={{
                  r: 5,
                  className: pointer,
                  onClick: (_: unknown, e: unknown) => {
                    const b = bucketOf(e);
                    if (b) onSelect?.(b, k);
                  },
                }}
              />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 0 }}>
            {axes}
            {keys.map((k) => (
              <Bar
                key={k}
                dataKey={k}
                stackId={kind === 'stacked' ? 'a' : undefined}
                fill={seriesVar(k)}
                className={pointer}
                isAnimationActive={false}
                onClick={(entry: unknown) => {
                  const b = bucketOf(entry);
                  if (b) onSelect?.(b, k);
                }}
              />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
