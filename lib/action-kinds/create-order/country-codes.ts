// Shopify addresses take ISO codes; the agent says "India". Country names come from the
// runtime's own region names (Intl), so no table goes stale; Indian states, where most of these
// orders ship, are listed because Intl has no subdivision names.

let byName: Map<string, string> | undefined;

function countryNames(): Map<string, string> {
  if (byName) return byName;
  const names = new Map<string, string>([
    ['usa', 'US'],
    ['united states of america', 'US'],
    ['uk', 'GB'],
    ['great britain', 'GB'],
    ['england', 'GB'],
    ['uae', 'AE'],
  ]);
  const display = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const name = display.of(code);
      if (name) names.set(name.toLowerCase(), code);
    }
  }
  byName = names;
  return names;
}

export function countryCode(country: string): string | null {
  const value = country.trim();
  if (/^[A-Za-z]{2}$/.test(value)) return value.toUpperCase();
  return countryNames().get(value.toLowerCase()) ?? null;
}

const INDIAN_STATES: Record<string, string> = {
  'andaman and nicobar islands': 'AN',
  'andhra pradesh': 'AP',
  'arunachal pradesh': 'AR',
  assam: 'AS',
  bihar: 'BR',
  chandigarh: 'CH',
  chhattisgarh: 'CG',
  'dadra and nagar haveli and daman and diu': 'DN',
  delhi: 'DL',
  'new delhi': 'DL',
  goa: 'GA',
  gujarat: 'GJ',
  haryana: 'HR',
  'himachal pradesh': 'HP',
  'jammu and kashmir': 'JK',
  jharkhand: 'JH',
  karnataka: 'KA',
  kerala: 'KL',
  ladakh: 'LA',
  lakshadweep: 'LD',
  'madhya pradesh': 'MP',
  maharashtra: 'MH',
  manipur: 'MN',
  meghalaya: 'ML',
  mizoram: 'MZ',
  nagaland: 'NL',
  odisha: 'OR',
  puducherry: 'PY',
  punjab: 'PB',
  rajasthan: 'RJ',
  sikkim: 'SK',
  'tamil nadu': 'TN',
  telangana: 'TS',
  tripura: 'TR',
  'uttar pradesh': 'UP',
  uttarakhand: 'UK',
  'west bengal': 'WB',
};

/** A province code Shopify accepts, or null when we cannot tell (the name then goes in a note attribute). */
export function provinceCode(province: string, country: string | null): string | null {
  const value = province.trim();
  if (/^[A-Za-z]{2,3}$/.test(value)) return value.toUpperCase();
  if (country === 'IN') return INDIAN_STATES[value.toLowerCase()] ?? null;
  return null;
}
