import { z } from 'zod';
import { answerSchema, submitAnswersEnvelopeSchema, type Answer, type SubmitAnswersResponse } from '@/lib/api/schemas';
import { getDatabase } from '@/lib/server/database';
import { submitAnswers, type SubmitAnswersInput, type UnreadableAnswer } from '@/lib/server/answers';
import { failure, parseJsonBody, respond, success, translateIssues, validate } from '@/lib/server/http';
import { getClassHub } from '@/lib/server/live';
import { moduleOfParticipant } from '@/lib/server/session-module';

/** A whole batch at once: the usual case, where every answer reads. */
const answersSchema = z.array(answerSchema);

/**
 * Stores a batch of answers from the device's queue; a receipt per answer. Each answer is read
 * and judged on its own, so one the server can never take is refused with its reason while the
 * rest of the batch is stored.
 */
export async function POST(request: Request): Promise<Response> {
  return respond(request, 'POST /api/v1/answers', async (locale) => {
    const envelope = await parseJsonBody(request, submitAnswersEnvelopeSchema, locale);
    if (!envelope.ok) return envelope;
    // One pass over the batch; only when something in it doesn't read is each answer read
    // again on its own, to refuse just that one with its own issues.
    const whole = answersSchema.safeParse(envelope.data.answers);
    const answers: (Answer | UnreadableAnswer)[] = whole.success
      ? whole.data
      : envelope.data.answers.map((raw, index) => {
          const answer = validate(answerSchema, raw, locale);
          if (answer.ok) return answer.data;
          const issues = answer.issues.map((issue) => ({ ...issue, path: `answers.${index}.${issue.path}` }));
          return { unreadable: true as const, id: raw.id, issues };
        });
    const input: SubmitAnswersInput = { participantId: envelope.data.participantId, sentAt: envelope.data.sentAt, answers };
    // Judged against the participant's class session's own module and version; on their own, the
    // module they registered for, at the version the whole batch was answered under if it is one of its own.
    const db = await getDatabase();
    const { structure, version } = await moduleOfParticipant(db, input.participantId, batchVersion(answers));
    const result = await submitAnswers(db, structure, version, input);
    if (result.ok) {
      // The teacher's counts move on; the hub throttles this to a few updates a second per class.
      if (result.classSessionId !== null && result.stored > 0) getClassHub().signal(result.classSessionId, 'answers');
      const refused = result.receipts.some(({ problems }) => problems !== undefined);
      const receipts = refused
        ? await Promise.all(
            result.receipts.map(async ({ problems, ...receipt }) =>
              problems === undefined ? receipt : { ...receipt, issues: await translateIssues(locale, problems) },
            ),
          )
        : result.receipts;
      return success({ receipts } satisfies SubmitAnswersResponse);
    }
    if (result.error === 'unknown_participant') return failure(404, 'unknown_participant');
    if (result.error === 'invalid_body') return failure(400, 'invalid_body', result.problems);
    return failure(422, 'invalid_answer', result.problems);
  });
}

/** The content version every answer in the batch names, if they all name one. */
function batchVersion(answers: readonly (Answer | UnreadableAnswer)[]): string | undefined {
  let version: string | undefined;
  for (const answer of answers) {
    if ('unreadable' in answer) return undefined;
    if (version !== undefined && answer.contentVersion !== version) return undefined;
    version = answer.contentVersion;
  }
  return version;
}
