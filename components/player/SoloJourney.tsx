import type { Locale } from '@/i18n/routing';
import type { LoadedModule } from '@/lib/content/load';
import { getPlayerModule } from '@/lib/content/player';
import { buildJourney } from '@/lib/domain/journey';
import { firstScreen } from './first-screen';
import { Player } from './Player';
import { ResumeMarker } from './ResumeMarker';

/**
 * A module on your own: its intro, painted by the server; a device with a saved step goes back to
 * it. The device keeps one journey per module (its store is named by the module id), so two
 * modules never overwrite each other's progress.
 */
export async function SoloJourney({ locale, loaded }: { locale: Locale; loaded: LoadedModule }) {
  const module = await getPlayerModule(locale, loaded);
  const steps = buildJourney(module, { path: 'core', offerDeeper: true });
  const first = firstScreen(module, locale, steps, 0);
  return (
    <>
      <ResumeMarker storeKey={module.id} moduleText={first.moduleText} />
      <Player first={first} locale={locale} />
    </>
  );
}
