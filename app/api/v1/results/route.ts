import { createTranslator } from 'next-intl';
import { parseResultsQuery } from '@/lib/api/results-query';
import { getCurrentStaff } from '@/lib/server/auth/current-staff';
import { getDatabase } from '@/lib/server/database';
import { failure, respond, success } from '@/lib/server/http';
import { loadOfficerResults } from '@/lib/server/officer-results';
import { loadMessages } from '@/messages';

/**
 * Officers' results as JSON, in disclosed form only (k = 10, counts rounded to 5): the filters
 * read, the results and question quality. 401 signed out; 404 for a teacher, as for anything
 * else a member of staff may not see; 400 with a translated issue per filter that doesn't parse.
 */
export async function GET(request: Request): Promise<Response> {
  return respond(request, 'GET /api/v1/results', async (locale) => {
    const staff = await getCurrentStaff();
    if (staff === null) return failure(401, 'not_signed_in');
    if (staff.role !== 'officer' && staff.role !== 'administrator') return failure(404, 'not_found');
    const parsed = parseResultsQuery(new URL(request.url).searchParams);
    if (!parsed.ok) {
      const t = createTranslator({ locale, messages: await loadMessages(locale), namespace: 'Results.filterErrors' });
      return failure(
        400,
        'invalid_filters',
        parsed.problems.map((p) => ({ path: p.field, message: t(p.key) })),
      );
    }
    const { results, quality, positions } = await loadOfficerResults(await getDatabase(), parsed.filters);
    return success({ filters: parsed.filters, results, quality, positions });
  });
}
