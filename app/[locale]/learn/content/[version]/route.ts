import { isLocale } from '@/i18n/routing';
import { getPlayerModule, playerModulePath } from '@/lib/content/player';
import { failure, respond } from '@/lib/server/http';

/**
 * The whole module as the player reads it, for one locale: the page sends only its first screen
 * (components/player/first-screen.ts). Named by its content version, so it never changes and
 * every cache may keep it; an older version's address leads to the current one.
 */
export async function GET(request: Request, { params }: RouteContext<'/[locale]/learn/content/[version]'>): Promise<Response> {
  return respond(request, 'GET /[locale]/learn/content/[version]', async () => {
    const { locale, version } = await params;
    if (!isLocale(locale)) return failure(404, 'not_found');
    const module = await getPlayerModule(locale);
    if (module.version !== decodeURIComponent(version)) {
      return new Response(null, { status: 307, headers: { Location: playerModulePath(locale, module.version), 'Cache-Control': 'no-store' } });
    }
    return Response.json(module, { headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } });
  });
}
