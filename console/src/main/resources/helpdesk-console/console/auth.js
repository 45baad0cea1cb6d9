// Signing in. Locally: a token from the local stack's POST /_local/token. In AWS: Cognito's hosted sign-in
// (authorization code with PKCE, a public client without a secret); the console keeps the ID token, which
// carries cognito:groups (the API's role) and is what the API's JWT authorizer accepts for this client.

import { currentSession, forgetSession, keepSession, loadConfig } from './early.js';

export { currentSession, loadConfig };

const PKCE_KEY = 'hd.pkce';

function claimsOf(token) {
  const part = token.split('.')[1] || '';
  const json = atob(part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '='));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, c => c.charCodeAt(0))));
}

/** The tab's session for this token; it keeps the API's URL too, so early.js can ask the API before config.json is read. */
export function sessionFromToken(token, apiUrl) {
  const c = claimsOf(token);
  const groups = c['cognito:groups'] || [];
  const role = c.role || (groups.includes('admin') ? 'admin' : groups.includes('lead') ? 'lead' : groups[0] || 'agent');
  const session = {
    token, sub: c.sub, name: c.name || c.email || c.sub, role, apiUrl,
    expiresAt: new Date((c.exp || 0) * 1000).toISOString(),
  };
  keepSession(session);
  return session;
}

export function signOut(config) {
  forgetSession();
  if (config.auth === 'cognito') {
    const q = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUri });
    location.assign(config.cognitoDomain + '/logout?' + q);
  } else {
    location.hash = '';
    location.reload();
  }
}

/** The local stack's sign-in: any agent id, role agent or admin (or lead). */
export async function localSignIn(config, sub, role) {
  const res = await fetch(config.apiUrl + '/_local/token', {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sub, role }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(body.detail || 'the local stack refused the sign-in (HTTP ' + res.status + ')');
  return sessionFromToken(body.token, config.apiUrl);
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Off to Cognito's hosted sign-in page, with a PKCE challenge and a state kept for the way back. */
export async function cognitoSignIn(config) {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const challenge = base64Url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  sessionStorage.setItem(PKCE_KEY, JSON.stringify({ verifier, state, hash: location.hash }));
  const q = new URLSearchParams({
    response_type: 'code', client_id: config.clientId, redirect_uri: config.redirectUri,
    scope: 'openid email profile', code_challenge_method: 'S256', code_challenge: challenge, state,
  });
  location.assign(config.cognitoDomain + '/oauth2/authorize?' + q);
}

/** Back from Cognito with ?code=...&state=...: trades the code for tokens; null when this is no such return. */
export async function completeCognitoSignIn(config) {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  if (!code) return null;
  const pending = JSON.parse(sessionStorage.getItem(PKCE_KEY) || 'null');
  sessionStorage.removeItem(PKCE_KEY);
  history.replaceState(null, '', location.pathname + (pending?.hash || ''));
  if (!pending || pending.state !== params.get('state')) throw new Error('the sign-in came back with an unknown state; sign in again');
  const res = await fetch(config.cognitoDomain + '/oauth2/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', client_id: config.clientId, code,
      redirect_uri: config.redirectUri, code_verifier: pending.verifier,
    }),
  });
  const body = await res.json().catch(() => ({}));
  if (!res.ok || !body.id_token) throw new Error('Cognito refused the sign-in: ' + (body.error || res.status));
  return sessionFromToken(body.id_token, config.apiUrl);
}
