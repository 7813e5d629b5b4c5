import { sessionFromJoinCode } from '@/lib/server/class-session-access';
import { respond } from '@/lib/server/http';
import { getClassHub } from '@/lib/server/live';
import { eventStreamResponse } from '@/lib/server/live/sse';

/** Server-sent events for a phone: a `state` event now, and again whenever the teacher changes it. */
export async function GET(request: Request, { params }: RouteContext<'/api/v1/class-sessions/[code]/events'>): Promise<Response> {
  return respond(request, 'GET /api/v1/class-sessions/{code}/events', async () => {
    const found = await sessionFromJoinCode(request, (await params).code);
    if (!found.ok) return found.outcome;
    const hub = getClassHub();
    return eventStreamResponse(request, (send) => hub.subscribe(found.value.id, { audience: 'phone', send }));
  });
}
