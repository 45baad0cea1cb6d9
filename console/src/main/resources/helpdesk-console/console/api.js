// The console's only way to the backend: the public API, with the signed-in user's bearer token.
import { apiHeaders, takePrefetched } from './early.js';
import { apiUrl } from './queue-views.js';

/** An answer that is not 2xx: the API's RFC 9457 problem (or what came instead), its status and ETag. */
export class ApiError extends Error {
  constructor(status, problem, etag) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem || {};
    this.etag = etag;
  }
}

/** A strong ETag "7" as the version 7 (the API's ETags are ticket versions). */
export function versionOf(etag) {
  const m = /"(\d+)"/.exec(etag || '');
  return m ? Number(m[1]) : null;
}

export class Api {
  /** @param base the API's URL without a trailing slash ('' = this origin); @param session {token}; @param onExpired called on 401 */
  constructor(base, session, onExpired) {
    this.base = base;
    this.session = session;
    this.onExpired = onExpired;
  }

  url(path, query) {
    return apiUrl(this.base, path, query);
  }

  /** GET a JSON resource: {body, etag}. */
  async get(path, query) {
    return this.request('GET', path, { query });
  }

  /** A change: {body, etag}; ifMatch guards it against a concurrent change (412 otherwise). */
  async send(method, path, body, ifMatch) {
    return this.request(method, path, { body, ifMatch });
  }

  async request(method, path, { query, body, ifMatch } = {}) {
    const headers = apiHeaders(this.session.token);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (ifMatch) headers['If-Match'] = ifMatch;
    const url = this.url(path, query);
    // the queue's first page may already be on its way (early.js asked while the modules loaded)
    const early = method === 'GET' ? takePrefetched(url, this.session.token) : null;
    let res;
    try {
      res = await (early || fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }));
    } catch (e) {
      throw new ApiError(0, { title: 'Network error', detail: 'the API did not answer (' + e.message + ')' });
    }
    const etag = res.headers.get('ETag');
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = { detail: text.slice(0, 300) }; }
    if (res.status === 401 && this.onExpired) this.onExpired();
    if (!res.ok) throw new ApiError(res.status, json, etag);
    return { body: json, etag, status: res.status };
  }

  /** Downloads an attachment: the API answers 303 to a short-lived link, which fetch follows. */
  async download(downloadPath, filename) {
    const res = await fetch(this.base + downloadPath, { headers: { Authorization: 'Bearer ' + this.session.token } });
    if (!res.ok) throw new ApiError(res.status, { detail: 'the download failed (HTTP ' + res.status + ')' });
    const blob = await res.blob();
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = filename || 'attachment';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  }
}
