import { buildOpenApiDocument } from '@/lib/api/openapi';
import { respond, success } from '@/lib/server/http';

let document: ReturnType<typeof buildOpenApiDocument> | undefined;

/** The OpenAPI 3.1 description of this API, generated from the request and response schemas. */
export async function GET(request: Request): Promise<Response> {
  return respond(request, 'GET /api/v1/openapi.json', async () => {
    document ??= buildOpenApiDocument();
    return success(document);
  });
}
