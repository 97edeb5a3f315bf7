import { AppError } from './errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path id that is not a uuid names nothing: 404, before the database sees it. */
export function uuidParam(id: string, what: string): string {
  if (!UUID.test(id)) throw new AppError(404, 'not_found', `No ${what} with id ${id}`);
  return id;
}
