/**
 * The OpenAPI 3.1 document of the JSON API, generated from the same zod schemas the route
 * handlers parse with, so the description can't drift from the code. OpenAPI 3.1 schemas are
 * JSON Schema 2020-12, which is what `z.toJSONSchema()` writes.
 */
import { z } from 'zod';
import {
  apiErrorSchema,
  createParticipantBodySchema,
  participantIdSchema,
  participantResponseSchema,
  progressResponseSchema,
  submitAnswersBodySchema,
  submitAnswersResponseSchema,
} from './schemas';
import { classSessionPaths, classSessionSchemas } from './openapi-class-sessions';
import { resultsPaths, resultsSchemas } from './openapi-results';

type JsonObject = Record<string, unknown>;

/** The JSON Schema of a zod schema, as a request (`input`) or as a response (`output`). */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonObject {
  // `$schema` belongs at the top of a standalone document, not inside an OpenAPI one.
  return Object.fromEntries(Object.entries(z.toJSONSchema(schema, { io })).filter(([key]) => key !== '$schema'));
}

const ref = (name: string): JsonObject => ({ $ref: `#/components/schemas/${name}` });

const jsonContent = (schema: JsonObject) => ({ 'application/json': { schema } });

const ok = (description: string, schemaName: string): JsonObject => ({
  description,
  content: jsonContent(ref(schemaName)),
});

const error = (description: string): JsonObject => ({ description, content: jsonContent(ref('ApiError')) });

const errors = {
  invalidBody: error('`invalid_json`: the body is not JSON. `invalid_body`: a field is missing or not valid; `issues` names each one (e.g. `answers.0.itemId`). Nothing is stored.'),
  tooLarge: error('`body_too_large`: the body is over 256 KB. Send fewer answers at a time.'),
  unknownParticipant: error('`unknown_participant`: register the participant first.'),
  internal: error('`internal_error`: nothing was stored; try again later.'),
  unavailable: {
    ...error('`database_unavailable`: the database can\'t be reached; nothing was stored. Try again after `Retry-After` seconds.'),
    headers: { 'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer' } } },
  },
} as const;

const acceptLanguage: JsonObject = {
  name: 'Accept-Language',
  in: 'header',
  required: false,
  description: 'The language of error messages: en-GB (default) or pl.',
  schema: { type: 'string' },
};

export function buildOpenApiDocument(): JsonObject {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Roads Kill – take control API',
      version: '1',
      description:
        'The student app stores anonymous participants and their answers here, and follows class sessions. A participant is a random id made by the device; nothing identifies a person. Every answer carries an id made by the device, and the server stores each id once.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    paths: {
      '/api/v1/participants': {
        post: {
          operationId: 'createParticipant',
          summary: 'Register a participant',
          description:
            "Idempotent: registering the same id again changes nothing, not even the stored pairing hash or module. The optional pairing code is kept only as its SHA-256 hash and is never returned. A student on their own takes `moduleId` (default roads-kill) at `contentVersion` (default, or when that version was never published here: the module's current version); their answers are judged against that module and version.",
          parameters: [acceptLanguage],
          requestBody: { required: true, content: jsonContent(ref('CreateParticipantBody')) },
          responses: {
            '200': ok('The participant already existed.', 'ParticipantResponse'),
            '201': ok('The participant was created.', 'ParticipantResponse'),
            '400': errors.invalidBody,
            '413': errors.tooLarge,
            '422': error('`unknown_module`: no module with that id was ever published. Nothing is stored.'),
            '500': errors.internal,
            '503': errors.unavailable,
          },
        },
      },
      '/api/v1/answers': {
        post: {
          operationId: 'submitAnswers',
          summary: 'Send a batch of answers',
          description:
            'Each answer is judged on its own: one that does not fit the module, or whose time falls outside the session (after correcting the device clock by `sentAt`), gets a "refused" receipt with its issues, and the rest are stored. Only when no answer can be taken is the batch refused as a whole (400 or 422). An id already stored, or a second answer to the same item in the same phase, is acknowledged as "duplicate" and not stored again. A class session that has closed takes answers given before its close for 24 hours more.',
          parameters: [acceptLanguage],
          requestBody: { required: true, content: jsonContent(ref('SubmitAnswersBody')) },
          responses: {
            '200': ok('A receipt for every answer, in the order sent.', 'SubmitAnswersResponse'),
            '400': errors.invalidBody,
            '404': errors.unknownParticipant,
            '413': errors.tooLarge,
            '422': error('`invalid_answer`: no answer in the batch fits the module (unknown item or option, wrong phase or kind, a time outside the session); `issues` names each one. Nothing is stored.'),
            '500': errors.internal,
            '503': errors.unavailable,
          },
        },
      },
      '/api/v1/participants/{id}/progress': {
        get: {
          operationId: 'getProgress',
          summary: 'What a participant has answered',
          description: 'The ids, items and phases answered, never the answers themselves.',
          parameters: [
            { name: 'id', in: 'path', required: true, schema: jsonSchema(participantIdSchema, 'input') },
            acceptLanguage,
          ],
          responses: {
            '200': ok('The answers stored so far.', 'ProgressResponse'),
            '400': error('`invalid_participant_id`: the id is not a UUID.'),
            '404': errors.unknownParticipant,
            '500': errors.internal,
          },
        },
      },
      ...classSessionPaths({ jsonSchema, ref, ok, error, acceptLanguage, internal: errors.internal }),
      ...resultsPaths({ jsonSchema, ok, error, acceptLanguage, internal: errors.internal }),
      '/api/v1/health': {
        get: {
          operationId: 'getHealth',
          summary: 'Whether this instance can reach its database',
          description: 'For a load balancer or a monitor: one `SELECT 1` with a 2-second limit. HEAD answers the same status without a body.',
          responses: {
            '200': { description: 'Healthy: the database answered.', content: jsonContent({ type: 'object' }) },
            '503': {
              description: 'Unhealthy: the database is unreachable or too slow. `Retry-After` says when to look again.',
              headers: { 'Retry-After': { description: 'Seconds.', schema: { type: 'integer' } } },
              content: jsonContent({ type: 'object' }),
            },
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'getOpenApiDocument',
          summary: 'This document',
          responses: { '200': { description: 'The OpenAPI 3.1 document.', content: jsonContent({ type: 'object' }) } },
        },
      },
    },
    components: {
      schemas: {
        CreateParticipantBody: jsonSchema(createParticipantBodySchema, 'input'),
        ParticipantResponse: jsonSchema(participantResponseSchema, 'output'),
        SubmitAnswersBody: jsonSchema(submitAnswersBodySchema, 'input'),
        SubmitAnswersResponse: jsonSchema(submitAnswersResponseSchema, 'output'),
        ProgressResponse: jsonSchema(progressResponseSchema, 'output'),
        ...classSessionSchemas(jsonSchema),
        ...resultsSchemas(jsonSchema),
        ApiError: jsonSchema(apiErrorSchema, 'output'),
      },
    },
  };
}
