/**
 * How long a chart may take to draw its first bars after the page opens. The analytics page draws
 * in the browser: Recharts' chunk is fetched and evaluated, every chart's data is fetched, then
 * each chart renders. On the 2-core CI machine shared with builds (load 12–16) that measured 8 to
 * 24 s from navigation to the first bar, 4 to 17 s of it script, against the 10 s default for
 * one wait. The wait is still on what the page shows; only its bound is wider.
 */
export const FIRST_DRAW = { timeout: 45_000 };
