import 'server-only';
import type { ModuleFiles } from '@/lib/domain/module-draft';

/**
 * The files of a new, empty module: valid JSON with every list empty and every string missing,
 * so the studio's check lists what the officer still has to write, at its place.
 */
export function newModuleFiles(moduleId: string, titles: Record<string, string>): ModuleFiles {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files: ModuleFiles = {
    'structure.json': json({ id: moduleId, sources: [], facts: [], misconceptions: [], items: [], attitudeItems: [], scenarios: [], plans: [], pictures: [] }),
  };
  for (const [locale, title] of Object.entries(titles)) {
    files[`${locale}.json`] = json({
      title,
      tagline: '',
      intro: '',
      contentNote: '',
      summary: { heading: '', body: '' },
      considerations: {},
      facts: {},
      misconceptions: {},
      items: {},
      attitudeItems: {},
      scenarios: {},
      plans: {},
      pictures: {},
    });
    files[`teacher-notes/${locale}.json`] = json({ notes: {} });
  }
  return files;
}
