/**
 * The officers' results filters, from a query string: the results page's GET form, the CSV
 * and the API all read them with this one schema. Empty fields mean "any". Every check carries
 * a key of `Results.filterErrors`, so each error is shown in the reader's language.
 */
import { z } from 'zod';
import { CLASS_SESSION_MODES } from '@/lib/domain/enums';
import type { Messages } from '@/messages';

export type FilterErrorKey = keyof Messages['Results']['filterErrors'];
const problem = (key: FilterErrorKey) => ({ error: key });

/** A form's empty field is the same as a field left out. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

export const resultsFiltersSchema = z
  .object({
    organisation: optional(z.uuid(problem('organisationInvalid')))
      .describe('Only this organisation (its id).'),
    area: optional(z.string().trim().max(200, problem('areaInvalid'))).describe('Only organisations in this area.'),
    term: optional(z.string().trim().regex(/^\d{4}-(autumn|spring|summer)$/, problem('termInvalid'))).describe(
      'Only sessions started in this school term, e.g. `2025-autumn` (autumn 2025) or `2025-spring` (spring 2026).',
    ),
    year: optional(z.string().trim().regex(/^\d{4}$/, problem('yearInvalid'))).describe(
      'Only sessions started in this school year, e.g. `2025` (September 2025 to August 2026). Choose a term or a year, not both. There are no free date windows: whole terms and years keep selections too coarse to single out a class (decision note 010).',
    ),
    module: optional(z.string().trim().regex(/^[a-z0-9-]{1,64}$/, problem('moduleInvalid'))).describe('Only this module.'),
    version: optional(z.string().trim().regex(/^[0-9a-f]{12}$/, problem('versionInvalid'))).describe(
      'Only sessions on this content version (the 12-character hash).',
    ),
    mode: optional(z.enum(CLASS_SESSION_MODES, problem('modeInvalid'))).describe('Only live or only self-paced sessions.'),
  })
  .check((ctx) => {
    const { term, year } = ctx.value;
    if (term !== undefined && year !== undefined) {
      ctx.issues.push({ code: 'custom', input: term, path: ['term'], message: 'termAndYear' satisfies FilterErrorKey });
    }
  });

export type ResultsFilters = z.output<typeof resultsFiltersSchema>;
export const RESULTS_FILTER_FIELDS = ['organisation', 'area', 'term', 'year', 'module', 'version', 'mode'] as const;
