// Reads and conditional writes of one object with its ETag. A write sends the ETag it read as
// If-Match; when someone else changed the object since, the server answers 412 and the write is
// refused: ConflictError then carries the version now stored (and its ETag), so the user can
// compare both and choose.
import { ApiError, rawRequest, type FieldProblem } from '../api/client';

export interface Tagged<T> {
  data: T;
  etag: string | null;
}

export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(readonly current: Tagged<unknown>) {
    super('someone else changed this since you opened it');
  }
}

export async function getTagged<T>(path: string): Promise<Tagged<T>> {
  const response = await rawRequest(path);
  return { data: (await response.json()) as T, etag: response.headers.get('etag') };
}

/** PUT (with If-Match when an ETag is given) or POST; on 412, the stored version as a ConflictError. */
export async function writeTagged<T>(method: 'PUT' | 'POST', path: string, body: unknown, ifMatch?: string | null): Promise<Tagged<T>> {
  // The shared client sends no extra headers yet: this write adds If-Match itself, with the same
  // CSRF token the client keeps for the tab (sessionStorage, see api/client.ts).
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', 'Content-Type': 'application/json' };
  const csrf = readCsrf();
  if (csrf) headers['X-CSRF-Token'] = csrf;
  if (ifMatch) headers['If-Match'] = ifMatch;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'Network error', 'the server could not be reached; check that `deeds serve` is running');
  }
  if (response.status === 412) throw new ConflictError(await getTagged(path));
  if (!response.ok) throw await problemOf(response);
  return { data: (await response.json()) as T, etag: response.headers.get('etag') };
}

function readCsrf(): string | null {
  try {
    return sessionStorage.getItem('deeds.csrf');
  } catch {
    return null;
  }
}

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const p = JSON.parse(text) as { title?: string; detail?: string; errors?: FieldProblem[] };
    return new ApiError(response.status, p.title ?? response.statusText, p.detail ?? '', Array.isArray(p.errors) ? p.errors : []);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`, text.slice(0, 300));
  }
}
