// GET /api/openapi.json — the OpenAPI 3.1 description of the JSON API. Public: it describes the
// API and holds no data, like any published API reference.
import { openApiDocument } from '@/lib/openapi/document';

// Built once per process: the routes and their schemas do not change while it runs.
let document: ReturnType<typeof openApiDocument> | undefined;

export function GET(): Response {
  document ??= openApiDocument();
  return Response.json(document, { headers: { 'cache-control': 'public, max-age=300' } });
}
