import { describe, expect, it } from 'vitest';
import { diffModuleFiles, MAX_RECORDED_CHANGES } from './module-diff';

const json = (value: unknown) => JSON.stringify(value, null, 2);

describe('diffModuleFiles', () => {
  it('lists every file as added for a first version', () => {
    expect(diffModuleFiles(undefined, { 'a.json': '{}', 'b.json': '[]' })).toEqual([
      { file: 'a.json', path: '', change: 'added' },
      { file: 'b.json', path: '', change: 'added' },
    ]);
  });

  it('follows lists of objects by id, not position, and names what was added, removed and changed', () => {
    const before = { 'structure.json': json({ items: [{ id: 'q1', phases: ['main'] }, { id: 'q2', phases: ['main'] }] }) };
    const after = { 'structure.json': json({ items: [{ id: 'q2', phases: ['main', 'after'] }, { id: 'q3', phases: ['main'] }] }) };
    expect(diffModuleFiles(before, after)).toEqual([
      { file: 'structure.json', path: 'items.q1', change: 'removed' },
      { file: 'structure.json', path: 'items.q2.phases', change: 'changed' },
      { file: 'structure.json', path: 'items.q3', change: 'added' },
    ]);
  });

  it('tells a change of formatting only from a change of content, and a file gone or not JSON', () => {
    expect(diffModuleFiles({ 'a.json': '{"x":1}', 'b.json': '{}' }, { 'a.json': '{ "x": 1 }\n', 'c.json': '{' })).toEqual([
      { file: 'a.json', path: '', change: 'reformatted' },
      { file: 'b.json', path: '', change: 'removed' },
      { file: 'c.json', path: '', change: 'added' },
    ]);
    expect(diffModuleFiles({ 'a.json': '{"x":1}' }, { 'a.json': '{"x":' })).toEqual([{ file: 'a.json', path: '', change: 'changed' }]);
  });

  it('sums up a rewrite too large to list by its files', () => {
    const many = (n: number) => json(Object.fromEntries(Array.from({ length: MAX_RECORDED_CHANGES + 1 }, (_, i) => [`k${i}`, n])));
    expect(diffModuleFiles({ 'a.json': many(1) }, { 'a.json': many(2) })).toEqual([{ file: 'a.json', path: '', change: 'changed' }]);
  });
});
