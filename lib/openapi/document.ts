import { z } from 'zod';
import { API_ROUTES, type ApiRoute } from './routes';

// The OpenAPI 3.1 document of the JSON API, built from the route list and the zod schemas the
// routes validate with. OpenAPI 3.1 schemas are JSON Schema 2020-12, zod's default target; `io:
// 'input'` describes what a client sends (defaults optional, `true` as well as `yes`), and a
// transform with no JSON form becomes `{}` rather than failing the whole document.

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const errorRef = { $ref: '#/components/schemas/Error' };
const jsonError = (description: string) => ({ description, content: { 'application/json': { schema: errorRef } } });

const SECURITY: Record<ApiRoute['auth'], Record<string, string[]>[]> = {
  user: [{ bearerToken: [] }, { sessionCookie: [] }],
  cron: [{ cronSecret: [] }],
  webhook: [],
  none: [],
};

function parameters(route: ApiRoute) {
  const out: object[] = [];
  for (const [name, schema] of Object.entries(route.pathParams ?? {})) {
    out.push({ name, in: 'path', required: true, schema: jsonSchema(schema), ...(route.params?.[name] ? { description: route.params[name] } : {}) });
  }
  if (route.query) {
    const object = jsonSchema(route.query) as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, schema] of Object.entries(object.properties ?? {})) {
      const description = route.params?.[name];
      out.push({ name, in: 'query', required: object.required?.includes(name) ?? false, schema, ...(description ? { description } : {}) });
    }
  }
  return out;
}

function responses(route: ApiRoute) {
  const out: Record<string, object> = {};
  for (const [status, description] of Object.entries(route.responses)) {
    const code = Number(status);
    if (code >= 400) out[status] = jsonError(description);
    else {
      const csv = { 'text/csv': { schema: { type: 'string' } } };
      const json = { 'application/json': { schema: {} } };
      out[status] = { description, content: route.csv === 'only' ? csv : route.csv === 'also' ? { ...json, ...csv } : json };
    }
  }
  if (route.auth === 'webhook') return out;
  const add = (code: number, description: string) => {
    out[code] ??= jsonError(description);
  };
  if (route.query || route.body || route.pathParams)
    add(400, 'Invalid input (`invalid_request`, naming the parameter or field; `invalid_json` for a body that is not JSON)');
  if (route.auth === 'user') {
    add(401, 'No session or Bearer token, or the token is unknown or revoked');
    add(403, `The role lacks the permission (${route.permission ?? 'none'}), or a cookie-authenticated change came from another site`);
  }
  if (route.auth === 'cron') add(401, 'Missing or wrong CRON_SECRET bearer');
  if (route.body) add(415, 'The body is not sent as application/json');
  add(503, 'The database is unavailable; try again shortly');
  return out;
}

function operation(route: ApiRoute) {
  const body = route.body
    ? { required: true, content: { 'application/json': { schema: jsonSchema(route.body) } } }
    : route.bodyDescription
      ? { required: true, description: route.bodyDescription, content: { 'application/json': { schema: { type: 'object' } } } }
      : undefined;
  return {
    summary: route.summary,
    tags: [route.tag],
    ...(route.permission ? { description: `Needs the \`${route.permission}\` permission.` } : {}),
    security: SECURITY[route.auth],
    parameters: parameters(route),
    ...(body ? { requestBody: body } : {}),
    responses: responses(route),
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, object>> = {};
  for (const route of API_ROUTES) {
    paths[route.path] ??= {};
    paths[route.path]![route.method] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Callboard API',
      version: '1',
      description:
        'Calls, deliveries, actions and analytics of AI voice-agent webhooks. Every error body is `{ "error": { "code", "message" } }`. Authenticate with a session cookie or `Authorization: Bearer <token>` (a token acts as its user, with that role).',
    },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
        },
      },
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (create one on the API tokens page or with `npm run token:create`).' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'better-auth.session_token',
          description: 'A signed-in session (`__Secure-better-auth.session_token` over https). Changes need a same-origin request.',
        },
        cronSecret: { type: 'http', scheme: 'bearer', description: 'CRON_SECRET, as the scheduler sends it.' },
      },
    },
  };
}
