/**
 * The player's module carries the sources an item's feedback or a story ending rests on, as a
 * fact's reveal does, so the screens can show them one tap away.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModuleFrom } from './load';
import { toPlayerModule } from './player';

const SAMPLE = path.resolve(import.meta.dirname, '../../tests/fixtures/content/modules/sample');

describe('toPlayerModule', () => {
  it('joins the sources named by an item and by an ending, and gives none where none are named', async () => {
    const loaded = await loadModuleFrom(SAMPLE);
    const item = loaded.structure.items.find((i) => i.id === 'q-full-car');
    const ending = loaded.structure.scenarios[0]?.nodes.find((n) => n.id === 'end-safe');
    if (!item || ending?.kind !== 'ending') throw new Error('the sample module has changed');
    item.sources = ['rospa-2002'];
    ending.sources = ['rospa-2002', 'ward-2005'];

    const player = toPlayerModule(loaded, 'pl');
    const rospa = loaded.structure.sources.find((s) => s.id === 'rospa-2002');
    expect(player.items.find((i) => i.id === 'q-full-car')?.sources).toEqual([
      { title: rospa?.title, publisher: rospa?.publisher, year: rospa?.year, ...(rospa?.url ? { url: rospa.url } : {}) },
    ]);
    expect(player.items.find((i) => i.id === 'q-first-year')?.sources).toEqual([]);
    const endingShown = player.scenarios[0]?.nodes['end-safe'];
    expect(endingShown?.kind === 'ending' ? endingShown.sources.map((s) => s.year) : null).toEqual([rospa?.year, 2005]);
    expect(endingShown?.kind === 'ending' ? endingShown.sources[1]?.title : null).toMatch(/Night-time/i);
  });
});
