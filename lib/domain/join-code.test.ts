import { describe, expect, it } from 'vitest';
import { formatJoinCode, JOIN_CODE_ALPHABET, joinCodeFromBytes, normaliseJoinCode } from './join-code';

describe('join codes', () => {
  it('maps bytes onto the alphabet, skipping bytes that would bias it', () => {
    // 240 = 256 - 256 % 30 is the first biased byte: skipped. Index 29 is '9', the last character.
    expect(joinCodeFromBytes(Uint8Array.from([0, 240, 1, 29, 30, 59, 255, 2]))).toBe('AB9A9C');
  });

  it('fails loudly rather than making a short code', () => {
    expect(() => joinCodeFromBytes(Uint8Array.from([250, 251, 1]))).toThrow(RangeError);
  });

  it('has no characters that read alike', () => {
    for (const c of ['0', 'O', '1', 'I', 'L', 'V']) expect(JOIN_CODE_ALPHABET).not.toContain(c);
  });

  it('accepts what students type: any case, spaces or a dash', () => {
    expect(normaliseJoinCode(' ktm 4rx ')).toBe('KTM4RX');
    expect(normaliseJoinCode('KTM-4RX')).toBe('KTM4RX');
    expect(normaliseJoinCode('KTM4R')).toBeNull();
    expect(normaliseJoinCode('KTM4R0')).toBeNull();
  });

  it('groups the code in threes for reading aloud', () => {
    expect(formatJoinCode('KTM4RX')).toBe('KTM 4RX');
  });
});
