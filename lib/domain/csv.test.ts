import { describe, expect, it } from 'vitest';
import { csvDocument, csvField } from './csv';

describe('csv', () => {
  it('quotes only what must be quoted, and doubles quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "no"')).toBe('"say ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(-5)).toBe('-5');
  });

  it('makes text that starts like a formula inert, numbers stay numbers', () => {
    for (const text of ['=1+1', '+44', '-x', '@SUM(A1)', '\tx', '\rx']) expect(csvField(text).replace(/^"/, '')).toMatch(/^'/);
    expect(csvField('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('writes a BOM and ends every line with CRLF', () => {
    expect(csvDocument([['a', 1], ['ł', 2]])).toBe('\uFEFFa,1\r\nł,2\r\n');
  });
});
