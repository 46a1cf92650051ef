// The one way the UI talks to the server: JSON over fetch, the session cookie sent by the
// browser, the CSRF token added to every write, and problem+json errors turned into ApiError.

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

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
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

async function problemOf(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const p = JSON.parse(text) as { title?: string; detail?: string; errors?: FieldProblem[] };
    return new ApiError(response.status, p.title ?? response.statusText, p.detail ?? '', Array.isArray(p.errors) ? p.errors : []);
  } catch {
    return new ApiError(response.status, response.statusText || `HTTP ${response.status}`, text.slice(0, 300));
  }
}

export const isNotFound = (err: unknown): boolean => err instanceof ApiError && err.status === 404;
