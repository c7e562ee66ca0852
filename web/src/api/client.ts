import { currentLanguage } from '../i18n/i18n.tsx';

/** One field problem as the API reports it (RFC 9457 extension `errors`). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** A problem+json answer, thrown so pages can show it. */
export class ApiProblem extends Error {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];

  constructor(status: number, body: { code?: string; title?: string; detail?: string; errors?: FieldError[] }) {
    super(body.detail ?? body.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = body.code ?? 'UNKNOWN';
    this.title = body.title ?? `HTTP ${status}`;
    this.detail = body.detail ?? '';
    this.errors = body.errors ?? [];
  }

  /** The message for one form field, e.g. fieldError('body.name'). */
  fieldError(field: string): string | undefined {
    return this.errors.find((error) => error.field === field)?.message;
  }
}

let csrfToken: string | null = null;

/** Remembered from login and from GET sessions/current; sent with every change. */
export function rememberCsrfToken(token: string | null) {
  csrfToken = token;
}

/**
 * Asks the person to confirm who they are (password, app code or passkey); true when they did. Set by the dialog
 * in the page frame, so every form that changes roles, passwords or tokens gets the step-up without its own code.
 */
type Reauthenticator = () => Promise<boolean>;
let reauthenticator: Reauthenticator | undefined;
export function setReauthenticator(handler: Reauthenticator | undefined) {
  reauthenticator = handler;
}

export async function api<T>(
  path: string,
  options: { method?: string; body?: unknown; signal?: AbortSignal; withoutStepUp?: boolean; withoutTokenRenewal?: boolean; contentType?: string; idempotencyKey?: string } = {},
): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  // A submission sent twice (a double tap, a retry after a lost answer) is one report on the server.
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  // A FormData body (file upload) goes as multipart/form-data; the browser writes that header with its boundary.
  const isForm = options.body instanceof FormData;
  // A file sent as it is (a GeoJSON upload): its bytes, with the type the caller names.
  const isFile = options.body instanceof Blob;
  if (options.body !== undefined && !isForm) headers['content-type'] = isFile ? (options.contentType ?? 'application/octet-stream') : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : isForm || isFile ? (options.body as FormData | Blob) : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const isJson = (response.headers.get('content-type') ?? '').includes('json');
  const body = isJson ? await response.json() : undefined;
  if (!response.ok) {
    const problem = new ApiProblem(response.status, body ?? {});
    // The change needs a recent confirmation: ask for it, then make the same change once more.
    if (problem.code === 'REAUTHENTICATION_REQUIRED' && reauthenticator && !options.withoutStepUp && (await reauthenticator())) {
      return api<T>(path, { ...options, withoutStepUp: true });
    }
    // A change sent before the page knew its session's token (a click while the page was still loading): fetch
    // the token and send the same change once more, instead of asking the person to reload.
    const municipality = /^\/municipalities\/([^/?]+)/.exec(path)?.[1];
    if (problem.code === 'CSRF_TOKEN_INVALID' && municipality && !options.withoutTokenRenewal) {
      const session = await api<{ csrfToken?: string | null }>(`/municipalities/${municipality}/sessions/current`).catch(() => undefined);
      if (session?.csrfToken) {
        rememberCsrfToken(session.csrfToken);
        return api<T>(path, { ...options, withoutTokenRenewal: true });
      }
    }
    throw problem;
  }
  return body as T;
}

/** Paths below the municipality: tenantApi('helmond', '/neighbourhoods'). */
export function tenantPath(municipality: string, path: string): string {
  return `/municipalities/${encodeURIComponent(municipality)}${path}`;
}

/**
 * Sends a file as the body and tells how much of it has gone (0 to 1): a large upload (a province's map) shows a
 * progress bar. fetch cannot report upload progress, XMLHttpRequest can; answers and problems are read as api() does.
 */
export function uploadWithProgress<T>(path: string, file: Blob, options: { contentType: string; onProgress(fraction: number): void }): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1${path}`);
    request.setRequestHeader('accept', 'application/json');
    request.setRequestHeader('accept-language', currentLanguage());
    request.setRequestHeader('content-type', options.contentType);
    if (csrfToken) request.setRequestHeader('x-csrf-token', csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as T);
      else reject(new ApiProblem(request.status, (body as object | undefined) ?? {}));
    };
    request.onerror = () => reject(new Error(currentLanguage() === 'en' ? 'The connection broke off before the file was sent. Try again.' : 'De verbinding viel weg voordat het bestand verstuurd was. Probeer het opnieuw.'));
    request.send(file);
  });
}
