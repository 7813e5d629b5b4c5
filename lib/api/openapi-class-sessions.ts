/**
 * The class-session part of the OpenAPI document: joining, following a session's state, the
 * class's choices at a scenario decision, and the teacher's live commands and stream.
 */
import type { z } from 'zod';
import {
  classChoicesResponseSchema,
  classSessionStateSchema,
  joinClassSessionBodySchema,
  joinClassSessionResponseSchema,
  liveCommandBodySchema,
} from './class-session-schemas';
import { itemRefSchema } from './schemas';

type JsonObject = Record<string, unknown>;
type Helpers = {
  jsonSchema: (schema: z.ZodType, io: 'input' | 'output') => JsonObject;
  ref: (name: string) => JsonObject;
  ok: (description: string, schemaName: string) => JsonObject;
  error: (description: string) => JsonObject;
  acceptLanguage: JsonObject;
  internal: JsonObject;
};

const sse = (description: string): JsonObject => ({
  description,
  content: { 'text/event-stream': { schema: { type: 'string', description: 'Server-sent events; `data` is JSON.' } } },
});

export function classSessionPaths({ jsonSchema, ref, ok, error, acceptLanguage, internal }: Helpers): JsonObject {
  const code = {
    name: 'code',
    in: 'path',
    required: true,
    description: 'The join code, e.g. KTM4RX (any case; a space or dash is ignored).',
    schema: { type: 'string' },
  };
  const id = { name: 'id', in: 'path', required: true, description: 'The class session id.', schema: { type: 'string', format: 'uuid' } };
  const unknownSession = error('`unknown_session`: no session has this code.');
  const tooMany = error('`too_many_attempts`: too many wrong codes from this address; see Retry-After.');
  const staffOnly = error('`not_signed_in`: sign in as staff (the session cookie).');
  const notFound = error('`not_found`: no such session, or not one this member of staff may see.');
  return {
    '/api/v1/class-sessions/{code}': {
      get: {
        operationId: 'getClassSessionState',
        summary: 'A class session’s state',
        parameters: [code, acceptLanguage],
        responses: { '200': ok('The state phones follow.', 'ClassSessionState'), '404': unknownSession, '429': tooMany, '500': internal },
      },
    },
    '/api/v1/class-sessions/{code}/participants': {
      post: {
        operationId: 'joinClassSession',
        summary: 'Join a class session',
        description:
          'Idempotent: the same device id joining again changes nothing, not even the stored pairing hash. No name, no account. The optional pairing code is kept only as its SHA-256 hash, to pair a follow-up session with the same device, and is never returned.',
        parameters: [code, acceptLanguage],
        requestBody: { required: true, content: { 'application/json': { schema: ref('JoinClassSessionBody') } } },
        responses: {
          '200': ok('This device had already joined.', 'JoinClassSessionResponse'),
          '201': ok('Joined.', 'JoinClassSessionResponse'),
          '400': error('`invalid_json` or `invalid_body`.'),
          '404': unknownSession,
          '409': error('`session_closed`: the session takes no one new. `not_open_yet`: a scheduled follow-up before its day. `participant_conflict`: this id joined another session.'),
          '429': tooMany,
          '500': internal,
        },
      },
    },
    '/api/v1/class-sessions/{code}/events': {
      get: {
        operationId: 'followClassSession',
        summary: 'Follow a class session',
        description: 'Server-sent events: `state` (a ClassSessionState) at once and whenever the teacher changes it.',
        parameters: [code],
        responses: { '200': sse('The event stream.'), '404': unknownSession, '429': tooMany },
      },
    },
    '/api/v1/class-sessions/{code}/choices': {
      get: {
        operationId: 'getClassChoices',
        summary: 'What the class chose at a scenario decision',
        description:
          'The same released figures the projector shows: in a live session only once the teacher has revealed the story, in a self-paced one once 2k students have finished it. They change only by whole groups of at least k students; each small group shows as "fewer than k".',
        parameters: [code, { name: 'itemId', in: 'query', required: true, schema: jsonSchema(itemRefSchema, 'input') }, acceptLanguage],
        responses: { '200': ok('The disclosed choices.', 'ClassChoicesResponse'), '400': error('`invalid_body`: itemId is missing or not valid.'), '404': unknownSession },
      },
    },
    '/api/v1/teach/class-sessions/{id}/commands': {
      post: {
        operationId: 'sendLiveCommand',
        summary: 'A teacher’s live command',
        description: 'Staff only, from this site’s own pages (the Origin header must match).',
        parameters: [id, acceptLanguage],
        requestBody: { required: true, content: { 'application/json': { schema: ref('LiveCommandBody') } } },
        responses: {
          '200': ok('The session’s new state.', 'ClassSessionState'),
          '400': error('`invalid_json` or `invalid_body`.'),
          '401': staffOnly,
          '403': error('`forbidden_origin`: sent from another site.'),
          '404': notFound,
          '409': error('`session_closed`: the session has ended.'),
          '422': error('`invalid_step`: no such step in this session.'),
          '500': internal,
        },
      },
    },
    '/api/v1/teach/class-sessions/{id}/events': {
      get: {
        operationId: 'watchClassSession',
        summary: 'The teacher’s live view',
        description: 'Server-sent events: `live` with the state, counts and any revealed tallies, at most a few per second.',
        parameters: [id],
        responses: { '200': sse('The event stream.'), '401': staffOnly, '404': notFound },
      },
    },
  };
}

export function classSessionSchemas(jsonSchema: Helpers['jsonSchema']): JsonObject {
  return {
    ClassSessionState: jsonSchema(classSessionStateSchema, 'output'),
    JoinClassSessionBody: jsonSchema(joinClassSessionBodySchema, 'input'),
    JoinClassSessionResponse: jsonSchema(joinClassSessionResponseSchema, 'output'),
    ClassChoicesResponse: jsonSchema(classChoicesResponseSchema, 'output'),
    LiveCommandBody: jsonSchema(liveCommandBodySchema, 'input'),
  };
}
