// CSV per RFC 4180, safe to open in a spreadsheet.

// A cell starting with one of these is run as a formula by Excel, Sheets and LibreOffice.
const FORMULA_START = /^[=+\-@\t\r]/;
// ...unless it is just a number or a phone number (masked ones too), which must stay as the data
// says: nothing in one can call a function.
const NUMERIC = /^[+-]?[\d\s().•-]*\d[\d\s().•-]*$/;

export type CsvValue = string | number | boolean | null | undefined;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text) && !NUMERIC.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, CRLF-terminated as RFC 4180 asks. */
export function csvRow(values: CsvValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
