import { submitAnswersEnvelopeSchema } from '@/lib/api/schemas';
import { failure, parseJsonBody, respond } from '@/lib/server/http';

/**
 * The throughput bench's baseline (bench/throughput.ts): reads and checks a body exactly as
 * POST /api/v1/answers does (the same size limit, JSON parsing and envelope schema), then
 * answers 204 without storing anything. It exists only while the server runs with
 * RK_BENCH_NOOP=1; otherwise it is a 404 like any unknown path, so production exposes nothing.
 */
export async function POST(request: Request): Promise<Response> {
  return respond(request, 'POST /api/bench/answers', async (locale) => {
    if (process.env.RK_BENCH_NOOP !== '1') return failure(404, 'not_found');
    const envelope = await parseJsonBody(request, submitAnswersEnvelopeSchema, locale);
    if (!envelope.ok) return envelope;
    return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  });
}
