// Every call of the console to Tenantry's API: same-origin, the session cookie, and the session's CSRF token on
// changes. Errors keep Tenantry's code, field and fix, so that a page can show them as they are.

export interface ApiErrorDetail {
  readonly code: string;
  readonly message: string;
  readonly field?: string;
  readonly fix?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly detail: ApiErrorDetail;
  /** The whole answer: a refused action also carries its run. */
  readonly body: unknown;

  constructor(status: number, detail: ApiErrorDetail, body: unknown) {
    super(detail.message);
    this.status = status;
    this.detail = detail;
    this.body = body;
  }
}

let csrfToken: string | undefined;

/** The session's CSRF token, from GET /api/me; sent with every change. */
export function rememberCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

function detailOf(status: number, body: unknown): ApiErrorDetail {
  const error = (body as { error?: Partial<ApiErrorDetail> } | null)?.error;
  if (error && typeof error.message === "string") return { code: error.code ?? "error", message: error.message, ...(error.field ? { field: error.field } : {}), ...(error.fix ? { fix: error.fix } : {}) };
  return { code: "http_error", message: `Tenantry answered ${status}.` };
}

export interface ApiOptions {
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

export async function api<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, options: ApiOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json", "X-Tenantry-Client": "console", ...options.headers };
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["X-CSRF-Token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, credentials: "same-origin", ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}), ...(options.signal ? { signal: options.signal } : {}) });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, { code: "unreachable", message: "Tenantry could not be reached.", fix: "Check that Tenantry is running, then try again." }, null);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, detailOf(response.status, body), body);
  return body as T;
}

/** A path with its query: undefined and empty values are left out. */
export function withQuery(path: string, query: Record<string, string | number | boolean | undefined>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== "") params.set(name, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
