import { participantIdSchema, type ProgressResponse } from '@/lib/api/schemas';
import { getDatabase } from '@/lib/server/database';
import { getProgress } from '@/lib/server/answers';
import { failure, respond, success, validate } from '@/lib/server/http';
import { moduleOfParticipant } from '@/lib/server/session-module';

/** What a participant has answered (ids, items, phases), so a device can rebuild its queue. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  return respond(request, 'GET /api/v1/participants/[id]/progress', async (locale) => {
    const id = validate(participantIdSchema, (await params).id, locale);
    if (!id.ok) return failure(400, 'invalid_participant_id', id.issues.map((issue) => ({ ...issue, path: 'id' })));
    const db = await getDatabase();
    const progress = await getProgress(db, id.data);
    if (progress === null) return failure(404, 'unknown_participant');
    const { version } = await moduleOfParticipant(db, id.data);
    return success({
      participantId: id.data,
      contentVersion: version,
      answered: progress.answered,
      replayed: progress.replayed,
    } satisfies ProgressResponse);
  });
}
