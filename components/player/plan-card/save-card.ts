/**
 * Draws the plan card on a canvas and hands it to the student as a PNG or a PDF file, all on the
 * device: nothing is sent anywhere. Loaded only when the student taps a save button, so it
 * costs nothing on the page's first load.
 */
import { CARD_HEIGHT, CARD_WIDTH, layoutPlanCard, type DrawOp, type PlanCardContent } from '@/lib/plan-card/card-layout';
import { jpegToPdf } from '@/lib/plan-card/jpeg-pdf';

export type CardFormat = 'png' | 'pdf';

function paint(context: CanvasRenderingContext2D, ops: DrawOp[]): void {
  context.textBaseline = 'alphabetic';
  for (const op of ops) {
    if (op.kind === 'rect') {
      context.fillStyle = op.colour;
      context.beginPath();
      if (op.radius > 0 && typeof context.roundRect === 'function') context.roundRect(op.x, op.y, op.width, op.height, op.radius);
      else context.rect(op.x, op.y, op.width, op.height);
      context.fill();
    } else {
      context.font = op.font;
      context.fillStyle = op.colour;
      context.fillText(op.text, op.x, op.y);
    }
  }
}

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`The canvas gave no ${type} image`))), type, quality);
  });
}

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the file after click() returns; let them finish first.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function drawPlanCard(content: PlanCardContent): Promise<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  canvas.width = CARD_WIDTH;
  canvas.height = CARD_HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on a canvas');
  // The system font may still be loading on a first visit; draw with it, not a fallback.
  await document.fonts.ready;
  const measure = (text: string, font: string) => {
    context.font = font;
    return context.measureText(text).width;
  };
  paint(context, layoutPlanCard(content, measure));
  return canvas;
}

export async function savePlanCard(content: PlanCardContent, format: CardFormat, fileName: string): Promise<void> {
  const canvas = await drawPlanCard(content);
  if (format === 'png') {
    download(await toBlob(canvas, 'image/png'), `${fileName}.png`);
    return;
  }
  const jpeg = new Uint8Array(await (await toBlob(canvas, 'image/jpeg', 0.9)).arrayBuffer());
  const pdf = jpegToPdf({ bytes: jpeg, width: canvas.width, height: canvas.height });
  download(new Blob([pdf], { type: 'application/pdf' }), `${fileName}.pdf`);
}
