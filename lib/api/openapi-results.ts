/** The officers' results part of the OpenAPI document. */
import type { z } from 'zod';
import { resultsResponseSchema } from './results-response-schema';
import { RESULTS_FILTER_FIELDS, resultsFiltersSchema } from './results-schemas';

type JsonObject = Record<string, unknown>;
type Helpers = {
  jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => JsonObject;
  ok: (description: string, schemaName: string) => JsonObject;
  error: (description: string) => JsonObject;
  acceptLanguage: JsonObject;
  internal: JsonObject;
};

export function resultsPaths({ ok, error, acceptLanguage, internal }: Helpers): JsonObject {
  const filters = RESULTS_FILTER_FIELDS.map((name) => ({
    name,
    in: 'query',
    required: false,
    description: resultsFiltersSchema.shape[name].description,
    schema: { type: 'string' },
  }));
  return {
    '/api/v1/results': {
      get: {
        operationId: 'getOfficerResults',
        summary: 'Results across schools, for officers',
        description:
          'Officers and administrators only (the staff session cookie). Every figure is disclosed: a count from 1 to k−1 (k = 10 or more) is "fewer than k", counts are rounded to the nearest 5, and a figure that would give a hidden one away is withheld. Never a single student’s answers.',
        parameters: [...filters, acceptLanguage],
        responses: {
          '200': ok('The filters read, the disclosed results and question quality.', 'ResultsResponse'),
          '400': error('`invalid_filters`: a filter is not valid; `issues` names each one, in the request’s language.'),
          '401': error('`not_signed_in`: sign in as staff (the session cookie).'),
          '404': error('`not_found`: signed in, but not as an officer or administrator.'),
          '500': internal,
        },
      },
    },
  };
}

export function resultsSchemas(jsonSchema: Helpers['jsonSchema']): JsonObject {
  return { ResultsResponse: jsonSchema(resultsResponseSchema, 'output') };
}
