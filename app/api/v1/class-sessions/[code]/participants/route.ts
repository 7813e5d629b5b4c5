import { joinClassSessionBodySchema, type JoinClassSessionResponse } from '@/lib/api/class-session-schemas';
import { sessionJourneyOptions } from '@/lib/domain/session-journey';
import { sessionFromJoinCode } from '@/lib/server/class-session-access';
import { joinClassSession, sessionState } from '@/lib/server/class-sessions';
import { getDatabase } from '@/lib/server/database';
import { failure, parseJsonBody, respond, success } from '@/lib/server/http';
import { getClassHub } from '@/lib/server/live';

/** A device joins a class session under its own random id: 201 when new, 200 when it had already. */
export async function POST(request: Request, { params }: RouteContext<'/api/v1/class-sessions/[code]/participants'>): Promise<Response> {
  return respond(request, 'POST /api/v1/class-sessions/{code}/participants', async (locale) => {
    const body = await parseJsonBody(request, joinClassSessionBodySchema, locale);
    if (!body.ok) return body;
    const found = await sessionFromJoinCode(request, (await params).code);
    if (!found.ok) return found.outcome;
    const now = new Date();
    const result = await joinClassSession(await getDatabase(), { joinCode: found.value.joinCode, ...body.data }, now);
    if (!result.ok) {
      if (result.error === 'unknown_session') return failure(404, 'unknown_session');
      return failure(409, result.error);
    }
    if (result.created) getClassHub().signal(result.session.id, 'answers');
    return success(
      {
        participantId: body.data.participantId,
        created: result.created,
        ...sessionJourneyOptions(result.session),
        state: sessionState(result.session, now),
      } satisfies JoinClassSessionResponse,
      result.created ? 201 : 200,
    );
  });
}
