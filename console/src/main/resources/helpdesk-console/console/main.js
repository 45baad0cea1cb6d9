// The shell: sign-in, navigation and the hash router (#/queues/open, #/tickets/1042, #/customers/x, #/reports, #/admin).
import { html } from 'lit';
import { LightElement } from './base.js';
import { Api } from './api.js';
import { loadConfig, currentSession, localSignIn, cognitoSignIn, completeCognitoSignIn, signOut } from './auth.js';
import { parseRoute } from './queue-views.js';
import './queues.js';
import './ticket.js';
import './customer.js';
import './reports.js';
import './admin.js';

class HdApp extends LightElement {
  static properties = { config: { state: true }, session: { state: true }, route: { state: true }, error: { state: true } };

  constructor() {
    super();
    this.route = parseRoute(location.hash);
    window.addEventListener('hashchange', () => { this.route = parseRoute(location.hash); });
  }

  async connectedCallback() {
    super.connectedCallback();
    this.replaceChildren();
    try {
      this.config = await loadConfig();
      const returned = this.config.auth === 'cognito' ? await completeCognitoSignIn(this.config) : null;
      this.session = returned || currentSession();
    } catch (e) {
      this.error = e.message;
    }
  }

  get api() {
    if (!this._api || this._api.session !== this.session) {
      this._api = new Api(this.config.apiUrl, this.session, () => { this.session = null; this.error = 'Your session has ended: sign in again.'; });
    }
    return this._api;
  }

  render() {
    if (!this.config) return html`<p class="boot" role="status">${this.error || 'Loading the helpdesk console…'}</p>`;
    if (!this.session) return this.renderSignIn();
    return html`
      <a class="skip" href="#main">Skip to content</a>
      <header class="top">
        <a class="brand" href="#/queues/open">Helpdesk</a>
        <nav aria-label="Sections">
          <a href="#/queues/open" aria-current=${this.route.screen === 'queues' ? 'page' : 'false'}>Queues</a>
          <a href="#/reports" aria-current=${this.route.screen === 'reports' ? 'page' : 'false'}>Reports</a>
          <a href="#/admin" aria-current=${this.route.screen === 'admin' ? 'page' : 'false'}>Admin</a>
        </nav>
        <span class="who">${this.session.name} (${this.session.role})</span>
        <button class="link" @click=${() => signOut(this.config)}>Sign out</button>
      </header>
      <main id="main" tabindex="-1">${this.renderScreen()}</main>`;
  }

  renderScreen() {
    const r = this.route;
    switch (r.screen) {
      case 'tickets': return html`<hd-ticket .api=${this.api} .session=${this.session} .ticketRef=${r.arg}></hd-ticket>`;
      case 'customers': return html`<hd-customer .api=${this.api} .customer=${r.arg}></hd-customer>`;
      case 'reports': return html`<hd-reports .api=${this.api} .session=${this.session}></hd-reports>`;
      case 'admin': return html`<hd-admin .api=${this.api} .session=${this.session}></hd-admin>`;
      default: return html`<hd-queues .api=${this.api} .session=${this.session} .view=${r.arg || 'open'} .filter=${r.extra || ''}></hd-queues>`;
    }
  }

  renderSignIn() {
    const cognito = this.config.auth === 'cognito';
    return html`
      <main id="main" class="signin">
        <h1>Helpdesk</h1>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        ${cognito ? html`
          <p>Sign in with your helpdesk account.</p>
          <button class="primary" @click=${() => cognitoSignIn(this.config)}>Sign in</button>` : html`
          <form @submit=${this.onLocalSignIn} aria-describedby="local-hint">
            <p id="local-hint">Local stack: sign in as any agent id; the stack mints a token for it.</p>
            <label for="signin-sub">Agent id</label>
            <input id="signin-sub" name="sub" required autocomplete="username" value="alice">
            <label for="signin-role">Role</label>
            <select id="signin-role" name="role">
              <option value="agent">agent</option>
              <option value="admin">admin</option>
            </select>
            <button class="primary" type="submit">Sign in</button>
          </form>`}
      </main>`;
  }

  async onLocalSignIn(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    try {
      this.session = await localSignIn(this.config, String(form.get('sub')).trim(), String(form.get('role')));
      this.error = null;
      if (!location.hash) location.hash = '#/queues/open';
    } catch (err) {
      this.error = err.message;
    }
  }
}

customElements.define('hd-app', HdApp);
