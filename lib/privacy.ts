// What a viewer may not see: a call's names, phone numbers, emails and address lines, wherever
// they appear. Two nets, applied together:
// 1. What the call's own structured data names (personalDataIn: numbers, emails, the values of
//    name and address fields in metadata, variables, action payloads, provider fields) is masked
//    wherever it recurs, free text included: "deliver to 12 MG Road" in a transcript, a first
//    name in a summary, a number written as bare digits.
// 2. Phone numbers and emails are masked by their shape anywhere in any string, and so is a
//    street address said in a sentence (a house number, capitalised words, a street word).
// Address objects are reduced to their city. Pure: the read models (lib/queries/privacy.ts)
// decide who gets masked data and hand in what each call names.

/** The strings one call (or any set of records) names as personal data. */
export interface PersonalData {
  phones: string[];
  emails: string[];
  names: string[];
  addressLines: string[];
}

export const NO_PERSONAL_DATA: PersonalData = { phones: [], emails: [], names: [], addressLines: [] };

const DOTS = '•••';

/** `+916296641821` → `+91•••••1821`: country code and last four digits stay. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length < 7) return DOTS;
  const prefix = value.trim().startsWith('+') ? `+${digits.slice(0, 2)}` : digits.slice(0, 2);
  return `${prefix}•••••${digits.slice(-4)}`;
}

/** `jane.doe@example.com` → `j•••@example.com`. */
export function maskEmail(value: string): string {
  const [local = '', domain = ''] = value.split('@');
  return `${local.slice(0, 1)}${DOTS}@${domain}`;
}

/** `Asha Verma` → `A••• V•••`. */
export function maskName(value: string): string {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => `${Array.from(w)[0] ?? ''}${DOTS}`)
    .join(' ');
}

// ---- shapes -------------------------------------------------------------------------------

const PHONE_CHARS = /^\+?[\d\s().-]+$/;
const DATE_LIKE = /^(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
const DECIMAL = /^\d+\.\d+$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const digitCount = (value: string) => value.replace(/\D/g, '').length;

/** A phone number by its shape: 8–15 digits in phone punctuation, not a date or a decimal. */
function isPhoneShaped(value: string): boolean {
  const v = value.trim();
  const n = digitCount(v);
  return n >= 8 && n <= 15 && PHONE_CHARS.test(v) && !DATE_LIKE.test(v) && !DECIMAL.test(v);
}

// Inside free text: a run of digits and phone punctuation, not glued to a word or another number.
const PHONE_IN_TEXT = /(?<![\p{L}\p{N}_+.-])\+?\d[\d\s().-]{5,22}\d(?![\p{L}\p{N}_])/gu;
const EMAIL_IN_TEXT = /[^\s@"'<>(),;:[\]{}]+@[^\s@"'<>(),;:[\]{}]+\.[a-z]{2,}/gi;

// A street address said in a sentence, when no field of the call names it: a house number, then
// capitalised words (or numbers) up to the last of them, one of which names a kind of street or
// building: "221, Green Park Society, Civil Lines, Jaipur 302012".
const STREET_WORD =
  /(?<![A-Za-z])(Road|Rd|Street|St|Lane|Ln|Marg|Nagar|Society|Apartments?|Apts?|Residency|Towers?|Colony|Sector|Chowk|Enclave|Complex|Avenue|Ave|Block|Layout|Park|Bagh|Vihar|Puram|Gali|Galli|Lines|Heights|Plaza|Circle|Cross|Building|Bldg|Floor|Mansion|Villas?|Gardens?|Estate|Phase|Extension|Bazaar|Market|Mohalla|Peth|Drive|Boulevard|Blvd|Way|Close|Court|Ct|Square|Sq|Terrace|Place|Pl)(?![A-Za-z])/;
const ADDRESS_IN_TEXT = /(?<![\w/-])\d{1,5}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?,?(?:\s+(?:[A-Z][\w.'’-]*|\d{1,6}),?)*\s+(?:[A-Z][\w.'’-]*|\d{1,6})/g;
const maskAddressInText = (m: string) => (STREET_WORD.test(m) ? DOTS : m);

// ---- which fields name what ----------------------------------------------------------------

const ID_KEY = /(^id$|Id$|_id$|^id_|Ids?$|_ids?$|^uuid$|Url$|_url$|^url$)/;
const PHONE_KEY = /phone|mobile|msisdn|whatsapp|number$|^(to|from|caller|callee|ani|dnis)$/i;
const NAME_KEY = /^(?:customer|client|contact|recipient|caller|callee|user|buyer|first|last|full|given|family|middle|sur|display|billing|shipping)[_-]?name$/i;
const PERSON_CONTEXT = /customer|client|contact|recipient|caller|callee|user|buyer|person|shipping|billing|address/i;
const EMAIL_KEY = /e-?mail/i;
const ADDRESS_KEY = /address|street|landmark|^zip|postal|pincode/i;
const NOT_ADDRESS_KEY = /e-?mail|^ip|_ip|ip_?address|mac|url|wallet/i;
/** Kept in an address: what a viewer may see of it. */
const KEPT_ADDRESS_FIELDS = new Set(['city', 'province', 'state', 'country', 'countrycode', 'country_code', 'provincecode', 'province_code', 'region']);

const isAddressKey = (key: string | null) => key !== null && ADDRESS_KEY.test(key) && !NOT_ADDRESS_KEY.test(key);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);

class Collector {
  phones = new Set<string>();
  emails = new Set<string>();
  names = new Set<string>();
  addressLines = new Set<string>();

  result(): PersonalData {
    return { phones: [...this.phones], emails: [...this.emails], names: [...this.names], addressLines: [...this.addressLines] };
  }

  addAddress(value: string): void {
    const v = value.trim();
    if (v.length >= 4) this.addressLines.add(v);
    for (const part of v.split(/[,\n;]/)) if (part.trim().length >= 5) this.addressLines.add(part.trim());
  }

  walk(value: unknown, key: string | null, context: string, siblings: Record<string, unknown> | null): void {
    if (typeof value === 'number' && key && PHONE_KEY.test(key) && Number.isInteger(value) && String(value).length >= 8) {
      this.phones.add(String(value));
      return;
    }
    if (typeof value === 'string') {
      this.string(value, key, context, siblings);
      return;
    }
    if (Array.isArray(value)) {
      for (const v of value) this.walk(v, key, context, null);
      return;
    }
    if (!isRecord(value)) return;
    const here = `${context}/${key ?? ''}`;
    if (isAddressKey(key)) {
      for (const [k, v] of Object.entries(value)) {
        if (
          typeof v === 'string' &&
          !KEPT_ADDRESS_FIELDS.has(k.toLowerCase()) &&
          !PHONE_KEY.test(k) &&
          !EMAIL_KEY.test(k) &&
          !NAME_KEY.test(k) &&
          k !== 'name'
        ) {
          this.addAddress(v);
        }
      }
    }
    for (const [k, v] of Object.entries(value)) this.walk(v, k, here, value);
  }

  string(raw: string, key: string | null, context: string, siblings: Record<string, unknown> | null): void {
    const value = raw.trim();
    if (!value) return;
    if (EMAIL.test(value)) {
      this.emails.add(value);
      return;
    }
    const idKey = key !== null && ID_KEY.test(key);
    if (!idKey && (isPhoneShaped(value) || (key && PHONE_KEY.test(key) && PHONE_CHARS.test(value) && digitCount(value) >= 7))) {
      this.phones.add(value);
      return;
    }
    if (key === null || idKey) return;
    const personal = (k: string) => PHONE_KEY.test(k) || EMAIL_KEY.test(k);
    if (NAME_KEY.test(key) || (key.toLowerCase() === 'name' && (PERSON_CONTEXT.test(context) || (siblings && Object.keys(siblings).some(personal))))) {
      if (/\p{L}/u.test(value) && value.length <= 100) this.names.add(value);
      return;
    }
    if (isAddressKey(key) && value.length <= 300) this.addAddress(value);
  }
}

/** Every name, number, email and address line the given records name in their fields. */
export function personalDataIn(...sources: unknown[]): PersonalData {
  const c = new Collector();
  for (const source of sources) c.walk(source, null, '', null);
  return c.result();
}

export function mergePersonalData(...all: PersonalData[]): PersonalData {
  const unique = (pick: (p: PersonalData) => string[]) => [...new Set(all.flatMap(pick))];
  return { phones: unique((p) => p.phones), emails: unique((p) => p.emails), names: unique((p) => p.names), addressLines: unique((p) => p.addressLines) };
}

// ---- masking -----------------------------------------------------------------------------

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A literal whose spaces may be any run of whitespace. */
const literalPattern = (literal: string) => literal.trim().split(/\s+/).map(escapeRegExp).join('\\s+');
// Whole words only: no letter or digit touches the match on either side. Every code unit past
// Latin-1's symbols counts as a letter: a \p{L} class would cost ~2 ms to compile per masker.
const WORD_CHAR = 'A-Za-z0-9\\u00C0-\\uFFFF';
const wholeWords = (alternatives: string[]) => `(?<![${WORD_CHAR}])(?:${alternatives.join('|')})(?![${WORD_CHAR}])`;

/** A pattern, its replacement, and a cheap test that says when running the pattern is pointless. */
type Rule = [RegExp, (match: string) => string, (text: string) => boolean];

const hasDigit = (text: string) => /\d/.test(text);

function phoneRules(phones: string[]): Rule[] {
  const variants = new Set<string>();
  for (const phone of phones) {
    const digits = phone.replace(/\D/g, '');
    if (digits.length < 5) continue;
    variants.add(digits);
    // As people say it: without the country code (the last ten digits).
    if (digits.length > 10) variants.add(digits.slice(-10));
  }
  if (variants.size === 0) return [];
  // Longest first, each digit allowed the punctuation people put between digits.
  const alternatives = [...variants].sort((a, b) => b.length - a.length).map((d) => d.split('').join('[\\s().-]*'));
  return [[new RegExp(`(?<!\\d)(?:\\+[\\s(]*)?(?:${alternatives.join('|')})(?!\\d)`, 'g'), maskPhone, hasDigit]];
}

const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s,.-])(\S)/g, (_, sep: string, c: string) => `${sep}${c.toUpperCase()}`);

/**
 * One regex for a list of literals, longest first. `anyCase` adds the casings people write (as
 * given, lower, UPPER, Title) instead of the `i` flag: a case-insensitive class over every
 * non-Latin letter takes milliseconds to compile, and an export compiles one regex per call.
 */
function literalRules(values: string[], anyCase: boolean, replace: (m: string) => string): Rule[] {
  const given = values.map((v) => v.trim()).filter(Boolean);
  const all = anyCase ? given.flatMap((v) => [v, v.toLowerCase(), v.toUpperCase(), titleCase(v)]) : given;
  const sorted = [...new Set(all)].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return [];
  const heads = [...new Set(sorted.map((v) => v.split(/\s+/)[0] as string))];
  return [[new RegExp(wholeWords(sorted.map(literalPattern)), 'g'), replace, (text) => heads.some((h) => text.includes(h))]];
}

function rulesFor(known: PersonalData): { known: Rule[]; shapes: Rule[] } {
  const nameParts = known.names.flatMap((n) => n.split(/\s+/)).filter((w) => Array.from(w).length >= 3);
  return {
    known: [
      ...literalRules(known.emails, true, maskEmail),
      ...phoneRules(known.phones),
      ...literalRules(known.addressLines, true, () => DOTS),
      // A whole name in any usual casing; one part of it as written (so "Will" the name, not "will" the word).
      ...literalRules(known.names, true, maskName),
      ...literalRules(nameParts, false, maskName),
    ],
    shapes: [
      [EMAIL_IN_TEXT, maskEmail, (text) => text.includes('@')],
      [PHONE_IN_TEXT, (m) => (isPhoneShaped(m) ? maskPhone(m) : m), hasDigit],
      [ADDRESS_IN_TEXT, maskAddressInText, hasDigit],
    ],
  };
}

function apply(rules: Rule[], text: string): string {
  let out = text;
  for (const [pattern, replace, mayMatch] of rules) {
    if (!mayMatch(out)) continue;
    pattern.lastIndex = 0;
    out = out.replace(pattern, replace);
  }
  return out;
}

export interface Masker {
  /** A deep copy with the personal data masked; the input is untouched. */
  <T>(value: T): T;
  text(value: string): string;
}

/**
 * A masker for data about one call (or several): `known` is what their structured data names.
 * Whatever the masked value itself names is added, so a lone record is masked on its own too.
 */
export function createMasker(known: PersonalData = NO_PERSONAL_DATA): Masker {
  const cache = new Map<string, { known: Rule[]; shapes: Rule[] }>();
  const rulesOf = (extra: PersonalData) => {
    const all = mergePersonalData(known, extra);
    const id = JSON.stringify(all);
    let rules = cache.get(id);
    if (!rules) {
      rules = rulesFor(all);
      cache.set(id, rules);
    }
    return rules;
  };
  const maskString = (value: string, key: string | null, rules: { known: Rule[]; shapes: Rule[] }) => {
    const once = apply(rules.known, value);
    // Ids are not numbers to hide, unless the call's own data says so (handled above).
    return key !== null && ID_KEY.test(key) ? once : apply(rules.shapes, once);
  };
  const walk = (value: unknown, key: string | null, rules: { known: Rule[]; shapes: Rule[] }): unknown => {
    if (typeof value === 'string') return maskString(value, key, rules);
    if (typeof value === 'number' && key && PHONE_KEY.test(key) && Number.isInteger(value) && String(value).length >= 8) return maskPhone(String(value));
    if (Array.isArray(value)) return value.map((v) => walk(v, key, rules));
    if (!isRecord(value)) return value;
    if (isAddressKey(key)) return typeof value.city === 'string' ? { city: maskString(value.city, 'city', rules) } : {};
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k, rules)]));
  };
  const mask = (<T>(value: T): T => walk(value, null, rulesOf(personalDataIn(value))) as T) as Masker;
  mask.text = (value: string) => maskString(value, null, rulesOf(NO_PERSONAL_DATA));
  return mask;
}

/** A deep copy with personal data masked: what `known` names, what the value names, and every number and email by shape. */
export function maskPersonalData<T>(value: T, known: PersonalData = NO_PERSONAL_DATA): T {
  return createMasker(known)(value);
}

/** Free text (an error message quoting a body, a transcript line) with personal data in it masked. */
export function maskText(text: string, known: PersonalData = NO_PERSONAL_DATA): string {
  return createMasker(known).text(text);
}

/** One field's value as a viewer may see it: `customer_name`'s "Asha Verma" → "A••• V•••" (a chart's series named by a metadata value). */
export function maskFieldValue(key: string, value: string): string {
  const masked = maskPersonalData({ [key]: value })[key];
  return typeof masked === 'string' ? masked : '•••';
}
