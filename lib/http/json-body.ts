import { AppError } from './errors';

// The one way a JSON route reads its request body. A body is JSON or nothing: an empty body reads
// as {} (so a route whose fields are all optional can be POSTed bare), anything else must say
// application/json and parse. Requiring the JSON content type also keeps these routes out of reach
// of a cross-site HTML form, which can only send form and text types.

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** No body a person or script sends is deeper; deeper ones would overflow a recursive check. */
export const MAX_BODY_DEPTH = 64;

/** How deep `value` nests, counted without recursion and stopping past `limit`. */
function depthOver(value: unknown, limit: number): boolean {
  let level: unknown[] = [value];
  for (let depth = 0; level.length > 0; depth++) {
    if (depth > limit) return true;
    const next: unknown[] = [];
    for (const v of level) if (v !== null && typeof v === 'object') next.push(...Object.values(v));
    level = next;
  }
  return false;
}

/** The request's JSON body (or {} when empty); 415 for another content type, 400 for bad JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  const type = request.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new AppError(415, 'unsupported_media_type', `Send the body as JSON (content-type: application/json), not ${type || 'without a content type'}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON');
  }
  if (depthOver(body, MAX_BODY_DEPTH)) throw new AppError(400, 'invalid_json', `The request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  return body;
}
