/**
 * The plan card as drawing operations: a pure layout that a canvas (draw-card.ts) paints. Text
 * is measured through a callback, so the layout can be tested without a browser.
 */

export interface PlanCardContent {
  appName: string;
  title: string;
  ifLabel: string;
  thenLabel: string;
  plans: readonly { if: string; then: string }[];
  supportHeading: string;
  supportLines: readonly string[];
}

export type DrawOp =
  | { kind: 'rect'; x: number; y: number; width: number; height: number; colour: string; radius: number }
  | { kind: 'text'; text: string; x: number; y: number; font: string; colour: string };

/** Width of `text` drawn in `font` (a CSS font shorthand). */
export type Measure = (text: string, font: string) => number;

/** Portrait 4:5, the shape a phone's gallery shows whole; 1080 px wide stays sharp on any phone. */
export const CARD_WIDTH = 1080;
export const CARD_HEIGHT = 1350;

/** The app's palette (components/ui/global.css). */
export const COLOURS = {
  brand: '#12263a',
  brandInk: '#ffffff',
  paper: '#f6f7f9',
  card: '#ffffff',
  ink: '#13202e',
  inkSoft: '#3d4b5a',
  accent: '#0b5cad',
  focus: '#ffbf47',
  line: '#c9d1da',
} as const;

const FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
const MARGIN = 64;
const PLAN_PADDING = 36;
const STRIPE = 12;
/** The if–then in the largest type that lets every plan and the support lines fit. */
const PLAN_SIZES = [60, 54, 48, 42, 38, 34, 30, 27, 24, 21, 18];

export function font(size: number, weight: 400 | 700 | 800 = 400): string {
  return `${weight} ${size}px ${FAMILY}`;
}

/** Greedy line breaking on spaces; a word wider than the line is broken between characters. */
export function wrapText(text: string, maxWidth: number, fontSpec: string, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate, fontSpec) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = '';
    let rest = word;
    while (measure(rest, fontSpec) > maxWidth && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && measure(rest.slice(0, cut), fontSpec) > maxWidth) cut -= 1;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

interface Block {
  ops: DrawOp[];
  height: number;
}

function textLines(lines: string[], x: number, y: number, size: number, weight: 400 | 700 | 800, colour: string): Block {
  const lineHeight = Math.round(size * 1.25);
  const ops: DrawOp[] = lines.map((text, i) => ({ kind: 'text', text, x, y: y + i * lineHeight + size, font: font(size, weight), colour }));
  return { ops, height: lines.length * lineHeight };
}

function planBlock(plan: { if: string; then: string }, content: PlanCardContent, y: number, size: number, measure: Measure): Block {
  const x = MARGIN + STRIPE + PLAN_PADDING;
  const width = CARD_WIDTH - 2 * MARGIN - STRIPE - 2 * PLAN_PADDING;
  const labelSize = Math.max(18, Math.round(size * 0.5));
  const ops: DrawOp[] = [];
  let cursor = y + PLAN_PADDING;
  for (const [label, text, weight] of [
    [content.ifLabel, plan.if, 400],
    [content.thenLabel, plan.then, 700],
  ] as const) {
    const labelBlock = textLines([label.toLocaleUpperCase()], x, cursor, labelSize, 800, COLOURS.accent);
    ops.push(...labelBlock.ops);
    cursor += labelBlock.height + 4;
    const body = textLines(wrapText(text, width, font(size, weight), measure), x, cursor, size, weight, COLOURS.ink);
    ops.push(...body.ops);
    cursor += body.height + Math.round(size * 0.4);
  }
  const height = cursor - y + PLAN_PADDING - Math.round(size * 0.4);
  const frame: DrawOp[] = [
    { kind: 'rect', x: MARGIN, y, width: CARD_WIDTH - 2 * MARGIN, height, colour: COLOURS.card, radius: 24 },
    { kind: 'rect', x: MARGIN, y, width: STRIPE, height, colour: COLOURS.accent, radius: 0 },
  ];
  return { ops: [...frame, ...ops], height };
}

/** Paints the card: the app's name on its brand band, the plans in large type, then the support lines. */
export function layoutPlanCard(content: PlanCardContent, measure: Measure): DrawOp[] {
  const header: DrawOp[] = [
    { kind: 'rect', x: 0, y: 0, width: CARD_WIDTH, height: CARD_HEIGHT, colour: COLOURS.paper, radius: 0 },
    { kind: 'rect', x: 0, y: 0, width: CARD_WIDTH, height: 132, colour: COLOURS.brand, radius: 0 },
    { kind: 'rect', x: 0, y: 132, width: CARD_WIDTH, height: 10, colour: COLOURS.focus, radius: 0 },
    ...textLines(wrapText(content.appName, CARD_WIDTH - 2 * MARGIN, font(40, 800), measure).slice(0, 1), MARGIN, 42, 40, 800, COLOURS.brandInk).ops,
  ];
  const title = textLines([content.title], MARGIN, 182, 72, 800, COLOURS.brand);
  const plansTop = 182 + title.height + 28;

  const supportWidth = CARD_WIDTH - 2 * MARGIN;
  const supportHeading = wrapText(content.supportHeading, supportWidth, font(32, 700), measure);
  const supportLines = content.supportLines.flatMap((line) => wrapText(line, supportWidth, font(30, 400), measure));
  const supportHeight = (supportHeading.length * 40 + supportLines.length * 38) + 16;
  const supportTop = CARD_HEIGHT - MARGIN - supportHeight;

  const gap = 24;
  let plans: Block[] = [];
  for (const size of PLAN_SIZES) {
    plans = [];
    let y = plansTop;
    for (const plan of content.plans) {
      const block = planBlock(plan, content, y, size, measure);
      plans.push(block);
      y += block.height + gap;
    }
    if (y - gap <= supportTop - 32) break;
  }

  const support: DrawOp[] = [
    { kind: 'rect', x: MARGIN, y: supportTop - 24, width: CARD_WIDTH - 2 * MARGIN, height: 4, colour: COLOURS.line, radius: 0 },
    ...textLines(supportHeading, MARGIN, supportTop, 32, 700, COLOURS.brand).ops,
    ...textLines(supportLines, MARGIN, supportTop + supportHeading.length * 40 + 8, 30, 400, COLOURS.inkSoft).ops,
  ];
  return [...header, ...title.ops, ...plans.flatMap((p) => p.ops), ...support];
}
