import { describe, expect, it } from 'vitest';
import { CARD_HEIGHT, CARD_WIDTH, layoutPlanCard, wrapText, type DrawOp, type PlanCardContent } from './card-layout';

/** A stand-in for canvas measuring: every character is half the font size wide. */
const measure = (text: string, font: string) => text.length * Number(/(\d+)px/.exec(font)?.[1] ?? 0) * 0.5;

const content = (plans: PlanCardContent['plans']): PlanCardContent => ({
  appName: 'Roads Kill – take control',
  title: 'My plan',
  ifLabel: 'If',
  thenLabel: 'then',
  plans,
  supportHeading: 'Someone to talk to',
  supportLines: ['Childline 0800 1111', 'Samaritans 116 123'],
});

const texts = (ops: DrawOp[]) => ops.filter((op) => op.kind === 'text');
const sizeOf = (op: { font: string }) => Number(/(\d+)px/.exec(op.font)?.[1]);

describe('wrapText', () => {
  it('breaks on spaces within the width', () => {
    expect(wrapText('one two three four', 40, '10px x', measure)).toEqual(['one two', 'three', 'four']);
  });
  it('breaks a word too long for a line between characters', () => {
    expect(wrapText('abcdefghij', 25, '10px x', measure)).toEqual(['abcde', 'fghij']);
  });
});

describe('layoutPlanCard', () => {
  it('draws every word of every plan and the support lines, inside the card', () => {
    const plans = [
      { if: 'a friend offers me a lift after drinking', then: 'I will say no and ring home' },
      { if: 'there are more people than seats', then: 'I will get the bus' },
    ];
    const ops = layoutPlanCard(content(plans), measure);
    const drawn = texts(ops).map((op) => op.text).join(' ');
    for (const word of plans.flatMap((p) => `${p.if} ${p.then}`.split(' '))) expect(drawn).toContain(word);
    expect(drawn).toContain('Childline 0800 1111');
    for (const op of texts(ops)) {
      expect(op.x + measure(op.text, op.font)).toBeLessThanOrEqual(CARD_WIDTH);
      expect(op.y).toBeLessThanOrEqual(CARD_HEIGHT);
    }
  });

  it('draws one short plan in large type and shrinks the type so that four long plans still fit', () => {
    const planSize = (ops: DrawOp[]) => Math.max(...texts(ops).filter((op) => op.text.startsWith('I ')).map(sizeOf));
    const one = layoutPlanCard(content([{ if: 'I drive', then: 'I put my phone away' }]), measure);
    expect(planSize(one)).toBeGreaterThanOrEqual(54);
    const long = { if: 'I know that I will be driving friends home late tonight after the party ends', then: 'I will not drink anything at all and tell them early' };
    const four = layoutPlanCard(content([long, long, long, long]), measure);
    expect(planSize(four)).toBeLessThan(planSize(one));
    const support = texts(four).find((op) => op.text === 'Someone to talk to');
    const lastPlanLine = Math.max(...texts(four).filter((op) => op.text.includes('early')).map((op) => op.y));
    expect(lastPlanLine).toBeLessThan(support?.y ?? 0);
  });
});
