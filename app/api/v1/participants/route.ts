import { createParticipantBodySchema, type ParticipantResponse } from '@/lib/api/schemas';
import { getDatabase } from '@/lib/server/database';
import { parseJsonBody, respond, success } from '@/lib/server/http';
import { createParticipant } from '@/lib/server/participants';

/** Registers a device's participant id: 201 when new, 200 when it already existed. */
export async function POST(request: Request): Promise<Response> {
  return respond(request, 'POST /api/v1/participants', async (locale) => {
    const body = await parseJsonBody(request, createParticipantBodySchema, locale);
    if (!body.ok) return body;
    const { created } = await createParticipant(await getDatabase(), body.data);
    return success({ id: body.data.id, created } satisfies ParticipantResponse, created ? 201 : 200);
  });
}
