import { submitAnswersBodySchema, type SubmitAnswersResponse } from '@/lib/api/schemas';
import { getModule } from '@/lib/content/load';
import { getDatabase } from '@/lib/server/database';
import { submitAnswers } from '@/lib/server/answers';
import { failure, parseJsonBody, respond, success } from '@/lib/server/http';
import { getClassHub } from '@/lib/server/live';

/** Stores a batch of answers from the device's queue; a receipt per answer. */
export async function POST(request: Request): Promise<Response> {
  return respond(request, 'POST /api/v1/answers', async (locale) => {
    const body = await parseJsonBody(request, submitAnswersBodySchema, locale);
    if (!body.ok) return body;
    const { structure, version } = await getModule();
    const result = await submitAnswers(await getDatabase(), structure, version, body.data);
    if (result.ok) {
      // The teacher's counts move on; the hub throttles this to a few updates a second per class.
      if (result.classSessionId !== null && result.stored > 0) getClassHub().signal(result.classSessionId, 'answers');
      return success({ receipts: result.receipts } satisfies SubmitAnswersResponse);
    }
    if (result.error === 'unknown_participant') return failure(404, 'unknown_participant');
    return failure(422, 'invalid_answer', result.problems);
  });
}
