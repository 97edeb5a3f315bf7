// Which time each chart and date filter places things by, said in words with the zone, so a
// reader knows a late webhook did not put a call on "today" (issue 15). One place for the words:
// the calls list's date filter and every analytics chart use them.

export type TimeBasis = 'happened' | 'reported' | 'raised';

const WORDS: Record<TimeBasis, string> = {
  happened: 'By when the call happened',
  reported: 'By when the provider reported them',
  raised: 'By when they were raised',
};

/** "By when the call happened (Asia/Kolkata)". */
export function timeBasisCaption(basis: TimeBasis, zone: string): string {
  return `${WORDS[basis]} (${zone})`;
}
