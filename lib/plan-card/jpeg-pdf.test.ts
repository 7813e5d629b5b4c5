import { describe, expect, it } from 'vitest';
import { jpegToPdf } from './jpeg-pdf';

// The smallest byte run that starts like a JPEG; the writer copies it as it is.
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

function latin1(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => String.fromCharCode(b)).join('');
}

describe('jpegToPdf', () => {
  const pdf = jpegToPdf({ bytes: jpeg, width: 1080, height: 1350 });
  const text = latin1(pdf);

  it('writes a PDF header and end marker', () => {
    expect(text.startsWith('%PDF-1.4\n')).toBe(true);
    expect(text.endsWith('%%EOF\n')).toBe(true);
  });

  it('points every cross-reference entry at its object', () => {
    const startxref = Number(/startxref\n(\d+)\n/.exec(text)?.[1]);
    expect(text.slice(startxref, startxref + 4)).toBe('xref');
    const rows = text.slice(startxref).split('\n').slice(3, 8);
    expect(rows).toHaveLength(5);
    rows.forEach((row, i) => {
      const offset = Number(row.slice(0, 10));
      expect(text.slice(offset, offset + `${i + 1} 0 obj`.length)).toBe(`${i + 1} 0 obj`);
    });
  });

  it('embeds the JPEG unchanged with its length and size, on an A4-wide page of its proportions', () => {
    expect(text).toContain('/Width 1080 /Height 1350');
    expect(text).toContain(`/Filter /DCTDecode /Length ${jpeg.length} >>\nstream\n${latin1(jpeg)}\nendstream`);
    expect(text).toContain('/MediaBox [0 0 595.28 744.1]');
  });

  it('gives the content stream its true length', () => {
    const match = /<< \/Length (\d+) >>\nstream\n(.*)\nendstream/.exec(text);
    expect(match?.[2]?.length).toBe(Number(match?.[1]));
  });

  it('refuses what is not a JPEG', () => {
    expect(() => jpegToPdf({ bytes: new Uint8Array([0x89, 0x50]), width: 1, height: 1 })).toThrow('Not a JPEG');
    expect(() => jpegToPdf({ bytes: jpeg, width: 0, height: 1 })).toThrow('no size');
  });
});
