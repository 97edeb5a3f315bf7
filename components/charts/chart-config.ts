// A chart's series: label and colour per data key. Colours are Tailwind 4 theme variables (with
// the palette value as fallback, since Tailwind only emits the variables a page uses), chosen
// from a colour-blind-safe set (Okabe–Ito hues) and never the only cue: tooltips name each series.

export interface SeriesStyle {
  label: string;
  /** A Tailwind colour token, e.g. 'blue-600'. */
  color: ChartColor;
}

export type ChartConfig = Record<string, SeriesStyle>;

export const CHART_COLORS = {
  'blue-600': '#2563eb',
  'orange-500': '#f97316',
  'emerald-600': '#059669',
  'rose-600': '#e11d48',
  'violet-600': '#7c3aed',
  'amber-400': '#fbbf24',
  'sky-400': '#38bdf8',
  'slate-500': '#64748b',
  'pink-400': '#f472b6',
  'teal-700': '#0f766e',
} as const;

export type ChartColor = keyof typeof CHART_COLORS;

const ORDER = Object.keys(CHART_COLORS) as ChartColor[];

/** The CSS variable a series is painted with inside the chart (shadcn's --color-<key>). */
export const seriesVar = (key: string) => `var(--color-${cssKey(key)})`;

/** Any data key (a metadata value, an agent id) made safe as a custom property name. */
export function cssKey(key: string): string {
  return key.replace(/[^a-zA-Z0-9_-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`);
}

/** The custom properties for a chart container: each series → a Tailwind theme colour. */
export function configStyle(config: ChartConfig): Record<string, string> {
  return Object.fromEntries(Object.entries(config).map(([key, s]) => [`--color-${cssKey(key)}`, `var(--color-${s.color}, ${CHART_COLORS[s.color]})`]));
}

/** A config for keys known only at run time, in palette order, with fixed colours where given. */
export function autoConfig(keys: string[], fixed: Partial<Record<string, ChartColor>> = {}, label: (k: string) => string = (k) => k): ChartConfig {
  const free = ORDER.filter((c) => !Object.values(fixed).includes(c));
  let i = 0;
  return Object.fromEntries(keys.map((k) => [k, { label: label(k), color: fixed[k] ?? free[i++ % free.length] ?? 'slate-500' }]));
}
