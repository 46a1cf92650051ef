// Reads and conditional writes of one object with its ETag, through the shared client
// (apiTagged, the ifMatch option, ConflictError). A write sends the ETag it read as If-Match;
// when someone else changed the object since, the server answers 412 and nothing is stored: the
// ConflictError then carries the version stored now and its ETag, read afresh here when the
// server's answer did not include it, so the form can always show both versions.
import { apiTagged, ConflictError, type Tagged } from '../api/client';

export { ConflictError, type Tagged };

export const getTagged = <T>(path: string): Promise<Tagged<T>> => apiTagged<T>(path);

/** PUT (with If-Match when an ETag is given) or POST; on 412, a ConflictError with the stored version. */
export async function writeTagged<T>(method: 'PUT' | 'POST', path: string, body: unknown, ifMatch?: string | null): Promise<Tagged<T>> {
  try {
    return await apiTagged<T>(path, { method, body, ifMatch: ifMatch ?? null });
  } catch (err) {
    if (err instanceof ConflictError && err.current === null) throw new ConflictError(err.detail, await getTagged<unknown>(path));
    throw err;
  }
}
