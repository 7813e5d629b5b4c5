import { describe, expect, it } from 'vitest';
import { MAX_MODULE_CHARACTERS } from '@/lib/content/check-files';
import { DRAFT_MAX_CHARACTERS, changedFiles, draftProblems } from './module-draft';

const required = ['structure.json', 'en-GB.json', 'pl.json'];
const good = { 'structure.json': '{"id":"x"}\n', 'en-GB.json': '{}', 'pl.json': '{}', 'teacher-notes/pl.json': '{}' };

describe('module drafts', () => {
  it('accepts well-formed files', () => {
    expect(draftProblems(good, required)).toEqual([]);
  });

  it('refuses control characters, raw or escaped, but not line breaks', () => {
    expect(draftProblems({ ...good, 'pl.json': '{"a":"x\u0000"}' }, required)).toEqual([{ key: 'controlCharacters', file: 'pl.json' }]);
    expect(draftProblems({ ...good, 'pl.json': '{"a":"x\\u0007"}' }, required)).toEqual([{ key: 'controlCharacters', file: 'pl.json' }]);
    expect(draftProblems({ ...good, 'pl.json': '{"a":"x\\n\\t"}\n' }, required)).toEqual([]);
  });

  it('refuses bad paths, bad JSON, missing files and too many files', () => {
    expect(draftProblems({ ...good, '../etc/passwd': '{}' }, required)).toEqual([{ key: 'badPath', file: '../etc/passwd' }]);
    expect(draftProblems({ ...good, 'pl.json': '{"a":' }, required)).toEqual([{ key: 'notJson', file: 'pl.json' }]);
    expect(draftProblems({ 'structure.json': '{}' }, required).map((p) => p.file)).toEqual(['en-GB.json', 'pl.json']);
    expect(draftProblems(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`f${i}.json`, '{}'])), required)[0]?.key).toBe('tooManyFiles');
    expect(draftProblems('{}', required)).toEqual([{ key: 'notJson' }]);
  });

  it('refuses a draft over the size limit, the content check\'s own', () => {
    expect(DRAFT_MAX_CHARACTERS).toBe(MAX_MODULE_CHARACTERS);
    const big = JSON.stringify({ a: 'ż'.repeat(DRAFT_MAX_CHARACTERS) });
    expect(draftProblems({ ...good, 'pl.json': big }, required)).toMatchObject([{ key: 'tooLarge' }]);
    const justUnder = JSON.stringify({ a: 'ż'.repeat(DRAFT_MAX_CHARACTERS - 2000) });
    expect(draftProblems({ ...good, 'pl.json': justUnder }, required)).toEqual([]);
  });

  it('lists the files that differ', () => {
    expect(changedFiles(good, { ...good, 'pl.json': '{"a":"b"}', 'new.json': '{}' })).toEqual(['new.json', 'pl.json']);
  });
});
