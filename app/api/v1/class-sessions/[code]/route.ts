import { sessionFromJoinCode } from '@/lib/server/class-session-access';
import { sessionState } from '@/lib/server/class-sessions';
import { respond, success } from '@/lib/server/http';

/** The state a phone follows, for a first look before the event stream opens. */
export async function GET(request: Request, { params }: RouteContext<'/api/v1/class-sessions/[code]'>): Promise<Response> {
  return respond(request, 'GET /api/v1/class-sessions/{code}', async () => {
    const found = await sessionFromJoinCode(request, (await params).code);
    if (!found.ok) return found.outcome;
    return success(sessionState(found.value, new Date()));
  });
}
