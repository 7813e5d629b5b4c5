import { sessionForStaff } from '@/lib/server/class-session-access';
import { respond } from '@/lib/server/http';
import { getClassHub } from '@/lib/server/live';
import { eventStreamResponse } from '@/lib/server/live/sse';

/** Server-sent events for the teacher's screens: `live` events with the state, counts and any reveal. */
export async function GET(request: Request, { params }: RouteContext<'/api/v1/teach/class-sessions/[id]/events'>): Promise<Response> {
  return respond(request, 'GET /api/v1/teach/class-sessions/{id}/events', async () => {
    const found = await sessionForStaff((await params).id);
    if (!found.ok) return found.outcome;
    const hub = getClassHub();
    return eventStreamResponse(request, (send) => hub.subscribe(found.value.session.id, { audience: 'teacher', send }));
  });
}
