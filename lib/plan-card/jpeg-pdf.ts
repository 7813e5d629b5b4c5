/**
 * A one-page PDF holding one JPEG image, written by hand: PDF readers decode JPEG themselves
 * (the DCTDecode filter), so the file needs no library, only its cross-reference table. Pure.
 * The page is A4 wide with the image's proportions, so the card prints or saves at full width.
 */

const A4_WIDTH_PT = 595.28;

export interface JpegImage {
  bytes: Uint8Array;
  width: number;
  height: number;
}

function ascii(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

export function jpegToPdf(image: JpegImage): Uint8Array<ArrayBuffer> {
  if (image.bytes[0] !== 0xff || image.bytes[1] !== 0xd8) throw new Error('Not a JPEG image');
  if (!(image.width > 0 && image.height > 0)) throw new Error('The image has no size');
  const pageWidth = A4_WIDTH_PT;
  const pageHeight = Number(((A4_WIDTH_PT * image.height) / image.width).toFixed(2));
  const draw = `q ${pageWidth} 0 0 ${pageHeight} 0 0 cm /Card Do Q`;

  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (part: Uint8Array) => {
    parts.push(part);
    length += part.length;
  };
  const object = (n: number, body: Uint8Array[]) => {
    offsets[n] = length;
    push(ascii(`${n} 0 obj\n`));
    for (const b of body) push(b);
    push(ascii('\nendobj\n'));
  };

  // The binary comment line tells transfer tools the file is binary (PDF 32000-1, 7.5.2).
  push(new Uint8Array([...ascii('%PDF-1.4\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a]));
  object(1, [ascii('<< /Type /Catalog /Pages 2 0 R >>')]);
  object(2, [ascii('<< /Type /Pages /Kids [3 0 R] /Count 1 >>')]);
  object(3, [
    ascii(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pageWidth} ${pageHeight}] /Resources << /XObject << /Card 4 0 R >> >> /Contents 5 0 R >>`),
  ]);
  object(4, [
    ascii(
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${image.bytes.length} >>\nstream\n`,
    ),
    image.bytes,
    ascii('\nendstream'),
  ]);
  object(5, [ascii(`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`)]);

  const xref = length;
  const rows = offsets.slice(1).map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`);
  push(ascii(`xref\n0 ${offsets.length}\n0000000000 65535 f \n${rows.join('')}`));
  push(ascii(`trailer\n<< /Size ${offsets.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));

  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
