import 'server-only';
import { routing, type Locale } from '@/i18n/routing';
import type { LoadedModule } from '@/lib/content/load';
import { toPlayerModule, type PlayerModule } from '@/lib/content/player';
import { moduleStructureSchema, moduleTextSchema, type ModuleText } from '@/lib/content/schema';
import { contentVersion } from '@/lib/content/version';
import { buildJourney, type JourneyStep } from '@/lib/domain/journey';
import type { ModuleFiles } from '@/lib/domain/module-draft';

/**
 * A draft as the player would show it in each locale: the same rendering of content the student
 * pages use (lib/content/player.ts), and every screen of the longest journey (before and after
 * questions, the deeper sections). Null when the files don't match the schema yet.
 */
export function previewDraft(files: ModuleFiles): { modules: Record<Locale, PlayerModule>; steps: JourneyStep[] } | null {
  const parse = (name: string): unknown => {
    try {
      return JSON.parse(files[name] ?? 'null') as unknown;
    } catch {
      return null;
    }
  };
  const rawStructure = parse('structure.json');
  const structure = moduleStructureSchema.safeParse(rawStructure);
  if (!structure.success) return null;
  const rawText: Record<string, unknown> = {};
  const text = {} as Record<Locale, ModuleText>;
  for (const locale of routing.locales) {
    rawText[locale] = parse(`${locale}.json`);
    const parsed = moduleTextSchema.safeParse(rawText[locale]);
    if (!parsed.success) return null;
    text[locale] = parsed.data;
  }
  const loaded: LoadedModule = { structure: structure.data, text, version: contentVersion({ structure: rawStructure, text: rawText }) };
  try {
    const modules = Object.fromEntries(routing.locales.map((locale) => [locale, toPlayerModule(loaded, locale)])) as Record<Locale, PlayerModule>;
    return { modules, steps: buildJourney(structure.data, { beforeAfter: true, path: 'full' }) };
  } catch {
    // Content the cross-file check would refuse (an edge to no node): nothing to draw yet.
    return null;
  }
}
