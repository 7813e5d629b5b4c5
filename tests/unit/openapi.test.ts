import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/openapi.json/route';

const API_ROOT = path.join(process.cwd(), 'app', 'api', 'v1');

/** Every route handler under app/api/v1, as an OpenAPI path (`[id]` → `{id}`). */
async function routePaths(): Promise<string[]> {
  const files = await readdir(API_ROOT, { recursive: true });
  return files
    .filter((file) => path.basename(file) === 'route.ts')
    .map((file) => `/api/v1/${path.dirname(file).split(path.sep).join('/')}`.replace(/\[(\w+)\]/g, '{$1}'))
    .sort();
}

interface Document {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: unknown }> }>>;
  components: { schemas: Record<string, { properties?: Record<string, { description?: string }> }> };
}

async function fetchDocument(): Promise<{ response: Response; document: Document }> {
  const response = await GET(new Request('http://localhost/api/v1/openapi.json'));
  const text = await response.text();
  return { response, document: JSON.parse(text) as Document };
}

describe('GET /api/v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document served as JSON, not cached', async () => {
    const { response, document } = await fetchDocument();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(document.openapi).toBe('3.1.0');
  });

  it('describes every route handler under app/api/v1, and nothing else', async () => {
    const { document } = await fetchDocument();
    expect(Object.keys(document.paths).sort()).toEqual(await routePaths());
    expect(Object.keys(document.paths).sort()).toEqual([
      '/api/v1/answers',
      '/api/v1/class-sessions/{code}',
      '/api/v1/class-sessions/{code}/choices',
      '/api/v1/class-sessions/{code}/events',
      '/api/v1/class-sessions/{code}/participants',
      '/api/v1/health',
      '/api/v1/openapi.json',
      '/api/v1/participants',
      '/api/v1/participants/{id}/progress',
      '/api/v1/results',
      '/api/v1/teach/class-sessions/{id}/commands',
      '/api/v1/teach/class-sessions/{id}/events',
    ]);
  });

  it('lists the error responses of each operation', async () => {
    const { document } = await fetchDocument();
    const statuses = (p: string, method: string) => Object.keys(document.paths[p]?.[method]?.responses ?? {});
    expect(statuses('/api/v1/participants', 'post')).toEqual(['200', '201', '400', '413', '422', '500', '503']);
    expect(statuses('/api/v1/answers', 'post')).toEqual(['200', '400', '404', '413', '422', '500', '503']);
    expect(statuses('/api/v1/participants/{id}/progress', 'get')).toEqual(['200', '400', '404', '500']);
    expect(statuses('/api/v1/class-sessions/{code}/participants', 'post')).toEqual(['200', '201', '400', '404', '409', '429', '500']);
    expect(statuses('/api/v1/results', 'get')).toEqual(['200', '400', '401', '404', '500']);
    expect(statuses('/api/v1/teach/class-sessions/{id}/commands', 'post')).toEqual(['200', '400', '401', '403', '404', '409', '422', '500']);
    expect(document.paths['/api/v1/answers']?.post?.responses['422']?.content).toEqual({
      'application/json': { schema: { $ref: '#/components/schemas/ApiError' } },
    });
  });

  it('takes its schemas and descriptions from the zod schemas', async () => {
    const { document } = await fetchDocument();
    const schemas = document.components.schemas;
    expect(Object.keys(schemas).sort()).toEqual([
      'ApiError',
      'ClassChoicesResponse',
      'ClassSessionState',
      'CreateParticipantBody',
      'JoinClassSessionBody',
      'JoinClassSessionResponse',
      'LiveCommandBody',
      'ParticipantResponse',
      'ProgressResponse',
      'ResultsResponse',
      'SubmitAnswersBody',
      'SubmitAnswersResponse',
    ]);
    expect(schemas.SubmitAnswersBody?.properties?.answers?.description).toBe('Up to 100 answers queued on the device. Each is judged on its own: one that is refused does not stop the others.');
    expect(schemas.CreateParticipantBody?.properties?.id?.description).toBe(
      'A random id the device makes for itself. It identifies no person.',
    );
    expect(JSON.stringify(document)).not.toContain('$schema');
  });

  it('points every $ref at a schema it defines', async () => {
    const { document } = await fetchDocument();
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.length).toBe(53);
    for (const name of refs) expect(Object.keys(document.components.schemas)).toContain(name);
  });
});
