import { classChoicesQuerySchema } from '@/lib/api/class-session-schemas';
import { getDatabase } from '@/lib/server/database';
import { sessionFromJoinCode } from '@/lib/server/class-session-access';
import { classChoicesAt } from '@/lib/server/class-choices';
import { failure, respond, success, validate } from '@/lib/server/http';

/**
 * "What your class chose" at one scenario decision, for the phones: the story's release, the same
 * figures the projector shows, which change only on a reveal or by whole groups of students
 * (DESIGN.md, disclosure control; lib/domain/live-release.ts).
 */
export async function GET(request: Request, { params }: RouteContext<'/api/v1/class-sessions/[code]/choices'>): Promise<Response> {
  return respond(request, 'GET /api/v1/class-sessions/{code}/choices', async (locale) => {
    const found = await sessionFromJoinCode(request, (await params).code);
    if (!found.ok) return found.outcome;
    const query = validate(classChoicesQuerySchema, Object.fromEntries(new URL(request.url).searchParams), locale);
    if (!query.ok) return failure(400, 'invalid_body', query.issues);
    const choices = await classChoicesAt(await getDatabase(), found.value, query.data.itemId);
    return choices ? success(choices) : failure(404, 'not_found');
  });
}
