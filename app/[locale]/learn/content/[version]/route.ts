import { isLocale } from '@/i18n/routing';
import { getPlayerModule, playerModulePath } from '@/lib/content/player';
import { failure, respond } from '@/lib/server/http';
import { getDatabase } from '@/lib/server/database';
import { moduleOfVersionOrCurrent } from '@/lib/server/session-module';

/**
 * The whole module as the player reads it, for one locale: the page sends only its first screen
 * (components/player/first-screen.ts). Named by its content version, so it never changes and
 * every cache may keep it. Every published version of every module is served (a running class
 * session keeps its version, decision note 017); an unknown version's address leads to the
 * current roads-kill module.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/learn/content/[version]'>): Promise<Response> {
  return respond(request, 'GET /[locale]/learn/content/[version]', async () => {
    const { locale, version } = await params;
    if (!isLocale(locale)) return failure(404, 'not_found');
    // Any published version of any module (a class session keeps its own); else the current roads-kill.
    const asked = decodeURIComponent(version);
    const module = await getPlayerModule(locale, await moduleOfVersionOrCurrent(await getDatabase(), asked));
    if (module.version !== asked) {
      return new Response(null, { status: 307, headers: { Location: playerModulePath(locale, module.version), 'Cache-Control': 'no-store' } });
    }
    return Response.json(module, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
  });
}
