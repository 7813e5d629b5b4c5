import { describe, expect, it } from 'vitest';
import { cardSupportLines } from './support-lines';

describe('cardSupportLines', () => {
  it('keeps the contacts a student can phone or text, named in the locale, in order', () => {
    const lines = cardSupportLines(
      [
        { id: 'samaritans', phone: '116 123' },
        { id: 'shout', sms: { number: '85258', message: 'SHOUT' } },
        { id: 'web-only' },
        { id: 'untranslated', phone: '0800 000' },
      ],
      { samaritans: { name: 'Samaritans' }, shout: { name: 'Shout' }, 'web-only': { name: 'A website' } },
    );
    expect(lines).toEqual([
      { name: 'Samaritans', phone: '116 123' },
      { name: 'Shout', sms: { number: '85258', message: 'SHOUT' } },
    ]);
  });
});
