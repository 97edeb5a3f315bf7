import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv';

describe('csvField', () => {
  it('leaves plain values alone and writes nothing for null', () => {
    expect(csvField('completed')).toBe('completed');
    expect(csvField(12.5)).toBe('12.5');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('quotes commas, quotes and line breaks, doubling inner quotes', () => {
    expect(csvField('Pune, MH')).toBe('"Pune, MH"');
    expect(csvField('She said "yes"')).toBe('"She said ""yes"""');
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });

  it('defuses spreadsheet formulas but keeps phone numbers and negative numbers', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('-2+3')).toBe("'-2+3"); // Excel evaluates it
    expect(csvField('+cmd|calc')).toBe("'+cmd|calc");
    expect(csvField('+919876543210')).toBe('+919876543210');
    expect(csvField('+91 98765 43210')).toBe('+91 98765 43210');
    expect(csvField('+91•••••3210')).toBe('+91•••••3210');
    expect(csvField('-12.5')).toBe('-12.5');
  });
});

describe('csvRow', () => {
  it('joins fields and ends the line with CRLF', () => {
    expect(csvRow(['a', 'b,c', null, 3])).toBe('a,"b,c",,3\r\n');
  });
});
