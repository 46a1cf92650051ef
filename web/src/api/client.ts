// The one way the UI talks to the server: JSON over fetch, the session cookie sent by the
// browser, the CSRF token added to every write, and problem+json errors turned into ApiError.
// Objects, evidence items and settings come with an ETag (apiTagged); a write may send it back
// as If-Match (the `ifMatch` option), and a refused one (412) is a ConflictError that carries the
// version stored now and its ETag, as the server sends them (docs/api.md, Conditional writes).

export interface FieldProblem {
  field: string;
  message: string;
}

/** An API failure in words: the problem's title and detail, and the fields it names. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(readonly status: number, readonly title: string, readonly detail: string, readonly errors: FieldProblem[] = []) {
    super(detail || title);
  }
}

// The token comes only with sign-in, and the cookie is HttpOnly: keep it for the tab's life so
// a reload does not lose the ability to write.
const CSRF_KEY = 'deeds.csrf';
let csrfToken: string | null = readStoredToken();

function readStoredToken(): string | null {
  try {
    return globalThis.sessionStorage?.getItem(CSRF_KEY) ?? null;
  } catch {
    return null;
  }
}

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
  try {
    if (token) sessionStorage.setItem(CSRF_KEY, token);
    else sessionStorage.removeItem(CSRF_KEY);
  } catch {
    // Storage can be disabled; the token then lasts until the page is reloaded.
  }
}

export function hasCsrfToken(): boolean {
  return csrfToken !== null;
}

/** A body with the ETag it came with (null when the answer had none). */
export interface Tagged<T> {
  data: T;
  etag: string | null;
}

/**
 * A conditional write refused with 412: someone changed the object since it was read. `current`
 * is the version stored now and its ETag (null if the server did not send it): show both, then
 * write again with `current.etag` as If-Match to overwrite on purpose.
 */
export class ConflictError<T = unknown> extends ApiError {
  override name = 'ConflictError';
  constructor(detail: string, readonly current: Tagged<T> | null) {
    super(412, 'Precondition Failed', detail);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** The ETag read with the object: the write happens only if it is still that version (else ConflictError). */
  ifMatch?: string | null;
}

/** Builds `/api/...?a=b`, leaving out empty values. */
export function apiPath(path: string, query: Record<string, string | number | undefined | null> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function rawRequest(path: string, options: RequestOptions = {}): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json, */*' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let response: Response;
  try {
    response = await fetch(path, {
      method, headers, credentials: 'same-origin', signal: options.signal,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(0, 'Network error', 'the server could not be reached; check that `deeds serve` is running');
  }
  if (!response.ok) throw await problemOf(response);
  return response;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await rawRequest(path, options);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/** Like api, with the answer's ETag: read an object with it, and write with `ifMatch` to get the new one. */
export async function apiTagged<T>(path: string, options: RequestOptions = {}): Promise<Tagged<T>> {
  const response = await rawRequest(path, options);
  return { data: (response.status === 204 ? undefined : await response.json()) as T, etag: response.headers.get('etag') };
}

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const p = JSON.parse(text) as { title?: string; detail?: string; errors?: FieldProblem[]; current?: { etag?: unknown; value?: unknown } };
    if (response.status === 412) {
      const current = p.current && typeof p.current.etag === 'string' ? { data: p.current.value, etag: p.current.etag } : null;
      return new ConflictError(p.detail ?? '', current);
    }
    return new ApiError(response.status, p.title ?? response.statusText, p.detail ?? '', Array.isArray(p.errors) ? p.errors : []);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`, text.slice(0, 300));
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.status === 404;
