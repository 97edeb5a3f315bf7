// Enumerations shared by the URL, the API schema and the buckets, with no imports of their own,
// so browser code can use them without pulling zod schemas in.
export const GRANULARITIES = ['day', 'week', 'month'] as const;
export type Granularity = (typeof GRANULARITIES)[number];

export const BREAKDOWNS = ['none', 'provider', 'agent', 'meta'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
