// Runs before the app's modules have loaded (index.html names it before main.js; it imports one small module):
// starts reading the deployment's settings and, when the tab is signed in and opens on a queue, asks for that
// queue's first page at once, so the API works while the browser fetches and compiles the console. The queue
// screen then takes that answer (takePrefetched) instead of asking again.
import { apiUrl, PAGE_SIZE, parseRoute, queueQuery } from './queue-views.js';

const SESSION_KEY = 'hd.session';

let config;
/** The deployment's settings: console/config.json (the local stack serves one; a deployment writes one). Read once. */
export function loadConfig() {
  config ??= fetch('console/config.json', { cache: 'no-store' }).then(async res => {
    if (!res.ok) throw new Error('console/config.json is missing (HTTP ' + res.status + ')');
    const c = await res.json();
    c.apiUrl = (c.apiUrl || '').replace(/\/+$/, '');
    return c;
  });
  return config;
}

/** The session kept for this tab: {token, sub, name, role, expiresAt}, or null when none is valid. */
export function currentSession() {
  try {
    const s = JSON.parse(sessionStorage.getItem(SESSION_KEY) || 'null');
    if (s && Date.parse(s.expiresAt) > Date.now() + 30_000) return s;
  } catch { /* an unreadable session is no session */ }
  sessionStorage.removeItem(SESSION_KEY);
  return null;
}

export function keepSession(session) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function forgetSession() {
  sessionStorage.removeItem(SESSION_KEY);
}

/** The headers of every API call (Api.request sends the same). */
export function apiHeaders(token) {
  return { Authorization: 'Bearer ' + token, Accept: 'application/json' };
}

let prefetched = null;

/** The early answer for exactly this GET with this token, once; null when there is none (any later call asks anew). */
export function takePrefetched(url, token) {
  const p = prefetched;
  if (!p || p.url !== url || p.token !== token) return null;
  prefetched = null;
  return p.response;
}

function prefetchQueue(session) {
  const route = parseRoute(location.hash);
  if (route.screen !== 'queues' || new URLSearchParams(location.search).has('code')) return;
  // the session names the API it was signed in against: no wait for config.json (a stale URL only wastes this request)
  const api = typeof session.apiUrl === 'string' ? Promise.resolve(session.apiUrl) : loadConfig().then(c => c.apiUrl);
  api.then(base => {
    const url = apiUrl(base, '/tickets', { ...queueQuery(route.arg || 'open', route.extra, session), limit: PAGE_SIZE });
    performance.mark('hd:queue-requested'); // the browser test reports when the list was asked for
    const response = fetch(url, { headers: apiHeaders(session.token) }).then(res => {
      performance.mark('hd:queue-answered');
      return res;
    });
    prefetched = { url, token: session.token, response };
    // a request nobody takes (the app changed its mind) must not surface as an unhandled rejection
    prefetched.response.catch(() => {});
  }).catch(() => { /* the app reads the settings itself and reports what is wrong */ });
}

const session = currentSession();
loadConfig().catch(() => {});
if (session) prefetchQueue(session);
