import { createParticipantBodySchema, type ParticipantResponse } from '@/lib/api/schemas';
import { getDatabase } from '@/lib/server/database';
import { failure, parseJsonBody, respond, success } from '@/lib/server/http';
import { createParticipant } from '@/lib/server/participants';

/** Registers a device's participant id: 201 when new, 200 when it already existed, 422 for a module never published. */
export async function POST(request: Request): Promise<Response> {
  return respond(request, 'POST /api/v1/participants', async (locale) => {
    const body = await parseJsonBody(request, createParticipantBodySchema, locale);
    if (!body.ok) return body;
    const result = await createParticipant(await getDatabase(), body.data);
    if (!result.ok) return failure(422, result.error);
    return success({ id: body.data.id, created: result.created } satisfies ParticipantResponse, result.created ? 201 : 200);
  });
}
