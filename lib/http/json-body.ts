import { AppError } from './errors';

// The one way a JSON route reads its request body. A body is JSON or nothing: an empty body reads
// as {} (so a route whose fields are all optional can be POSTed bare), anything else must say
// application/json and parse. Requiring the JSON content type also keeps these routes out of reach
// of a cross-site HTML form, which can only send form and text types.

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The request's JSON body (or {} when empty); 415 for another content type, 400 for bad JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return {};
  const type = request.headers.get('content-type') ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new AppError(415, 'unsupported_media_type', `Send the body as JSON (content-type: application/json), not ${type || 'without a content type'}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError(400, 'invalid_json', 'The request body is not valid JSON');
  }
}
