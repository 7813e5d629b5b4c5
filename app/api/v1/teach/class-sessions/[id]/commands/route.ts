import { liveCommandBodySchema } from '@/lib/api/class-session-schemas';
import { sessionJourney, sessionJourneyOptions } from '@/lib/domain/session-journey';
import { crossSiteFailure, sessionForStaff } from '@/lib/server/class-session-access';
import { applyLiveCommand, sessionState } from '@/lib/server/class-sessions';
import { getDatabase } from '@/lib/server/database';
import { failure, parseJsonBody, respond, success } from '@/lib/server/http';
import { getClassHub } from '@/lib/server/live';
import { moduleOfSession } from '@/lib/server/session-module';

/** The teacher's live commands: go to a step, reveal the class's answers, hide the code, end. */
export async function POST(request: Request, { params }: RouteContext<'/api/v1/teach/class-sessions/[id]/commands'>): Promise<Response> {
  return respond(request, 'POST /api/v1/teach/class-sessions/{id}/commands', async (locale) => {
    const crossSite = crossSiteFailure(request);
    if (crossSite) return { ok: false, failure: crossSite };
    const found = await sessionForStaff((await params).id);
    if (!found.ok) return found.outcome;
    const body = await parseJsonBody(request, liveCommandBodySchema, locale);
    if (!body.ok) return body;
    const { session } = found.value;
    const { structure } = await moduleOfSession(await getDatabase(), session);
    const now = new Date();
    const result = await applyLiveCommand(
      await getDatabase(),
      session.id,
      body.data,
      sessionJourney(structure, sessionJourneyOptions(session)).lastStep,
      now,
    );
    if (!result.ok) {
      if (result.error === 'not_found') return failure(404, 'not_found');
      if (result.error === 'session_closed') return failure(409, 'session_closed');
      return failure(422, 'invalid_step');
    }
    getClassHub().signal(session.id, 'state');
    return success(sessionState(result.session, now));
  });
}
