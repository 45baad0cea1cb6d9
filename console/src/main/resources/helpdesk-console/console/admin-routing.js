// Routing rules and agents (PUT/GET/DELETE /routing-rules, PUT/GET /agents, PATCH /agents/me; issue 16 "Routing").
// Built against that contract: while a stack has no such routes (404), each part says so instead of failing.
import { html } from 'lit';
import { LightElement } from './base.js';
import { INTENTS, problemText } from './format.js';

const CHANNELS = ['email', 'chat', 'phone', 'social', 'web', 'api'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];

const list = v => String(v || '').split(',').map(x => x.trim()).filter(Boolean);
const itemsOf = body => Array.isArray(body) ? body : body?.items || [];

/** Only what the form filled in: an empty field is no condition (or no action). */
function compact(o) {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined && !(Array.isArray(v) && !v.length)));
}

export function ruleFromForm(f) {
  const total = String(f.get('orderTotalOver') || '').trim();
  return {
    order: Number(f.get('order') || 0),
    when: compact({
      channel: f.get('channel'), intent: f.get('intent'), tagsAny: list(f.get('tagsAny')), priority: f.get('priority'),
      customerTag: String(f.get('customerTag') || '').trim(), orderTotalOver: total === '' ? '' : Number(total),
      textMatches: String(f.get('textMatches') || '').trim(),
    }),
    then: compact({
      assignGroup: String(f.get('assignGroup') || '').trim(), assign: String(f.get('assign') || '').trim(),
      priority: f.get('thenPriority'), addTags: list(f.get('addTags')), escalate: f.get('escalate') ? true : '',
    }),
  };
}

function describe(o) {
  const parts = Object.entries(o || {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`);
  return parts.length ? parts.join('; ') : null;
}

class HdAdminRouting extends LightElement {
  static properties = {
    api: { attribute: false }, session: { attribute: false },
    rules: { state: true }, agents: { state: true }, me: { state: true }, notice: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.loadRules();
    this.loadAgents();
  }

  /** {items}, or {unavailable} when the stack has no such API yet (404), or {error}. */
  async read(path) {
    try {
      return { items: itemsOf((await this.api.get(path)).body) };
    } catch (e) {
      if (e.status === 404) return { unavailable: `This stack has no ${path} API yet (GET ${path} answered 404): this part lights up once it is deployed.` };
      if (e.status === 403) return { error: 'Only admins see this (you are signed in as ' + this.session.role + ').' };
      return { error: problemText(e) };
    }
  }

  async loadRules() {
    const r = await this.read('/routing-rules');
    if (r.items) r.items.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    this.rules = r;
  }

  async loadAgents() {
    const r = await this.read('/agents');
    this.agents = r;
    this.me = r.items?.find(a => a.id === this.session.sub) || null;
  }

  async write(label, method, path, body, reload) {
    try {
      await this.api.send(method, path, body);
      this.notice = label;
      await reload.call(this);
      return true;
    } catch (e) {
      this.notice = { error: problemText(e) };
      return false;
    }
  }

  onRule(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    const id = String(f.get('id')).trim();
    this.write('Rule ' + id + ' saved', 'PUT', '/routing-rules/' + encodeURIComponent(id), ruleFromForm(f), this.loadRules)
      .then(ok => ok && e.target.reset());
  }

  onAgent(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    const id = String(f.get('id')).trim();
    const body = { name: String(f.get('name')).trim() || id, groups: list(f.get('groups')), available: !!f.get('available'),
      capacity: Number(f.get('capacity') || 0) };
    this.write('Agent ' + id + ' saved', 'PUT', '/agents/' + encodeURIComponent(id), body, this.loadAgents).then(ok => ok && e.target.reset());
  }

  render() {
    return html`
      ${this.notice ? (this.notice.error ? html`<p class="error" role="alert">${this.notice.error}</p>`
        : html`<p class="ok" role="status">${this.notice}</p>`) : ''}
      <section class="panel" aria-labelledby="admin-routing">
        <h2 id="admin-routing">Routing rules</h2>
        <p class="note">Evaluated in order on new tickets (and on reclassification while unassigned); each match is in the ticket's history.</p>
        ${this.state(this.rules, () => this.rulesTable())}
        ${this.rules?.items ? this.ruleForm() : ''}
      </section>
      <section class="panel" aria-labelledby="admin-agents">
        <h2 id="admin-agents">Agents</h2>
        ${this.state(this.agents, () => this.agentsTable())}
        ${this.agents?.items ? this.availability() : ''}
        ${this.agents?.items ? this.agentForm() : ''}
      </section>`;
  }

  state(d, table) {
    if (!d) return html`<p role="status">Loading…</p>`;
    if (d.unavailable) return html`<p class="empty unavailable">${d.unavailable}</p>`;
    if (d.error) return html`<p class="error">${d.error}</p>`;
    return d.items.length ? table() : html`<p class="empty">None yet.</p>`;
  }

  rulesTable() {
    return html`<table class="grid"><thead><tr><th scope="col">Order</th><th scope="col">Id</th><th scope="col">When</th>
      <th scope="col">Then</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
      <tbody>${this.rules.items.map(r => html`<tr><td>${r.order}</td><td>${r.id}</td><td>${describe(r.when) || 'every ticket'}</td>
        <td>${describe(r.then) || '—'}</td><td><button class="link" aria-label="Delete rule ${r.id}"
          @click=${() => this.write('Rule ' + r.id + ' deleted', 'DELETE', '/routing-rules/' + encodeURIComponent(r.id), undefined, this.loadRules)}>delete</button></td></tr>`)}
      </tbody></table>`;
  }

  ruleForm() {
    const select = (id, name, label, values) => html`<label for=${id}>${label}</label>
      <select id=${id} name=${name}><option value="">any</option>${values.map(v => html`<option value=${v}>${v}</option>`)}</select>`;
    const input = (id, name, label, attrs = {}) => html`<label for=${id}>${label}</label>
      <input id=${id} name=${name} type=${attrs.type || 'text'} placeholder=${attrs.placeholder || ''} ?required=${!!attrs.required}>`;
    return html`
      <details><summary>Add or replace a rule</summary>
        <form class="admin-form" @submit=${this.onRule}>
          ${input('rule-id', 'id', 'Rule id', { required: true, placeholder: 'damage-to-claims' })}
          ${input('rule-order', 'order', 'Order', { type: 'number', required: true, placeholder: '10' })}
          <fieldset><legend>When (all given conditions)</legend>
            ${select('rule-channel', 'channel', 'Channel', CHANNELS)}
            ${select('rule-intent', 'intent', 'Intent', INTENTS)}
            ${select('rule-priority', 'priority', 'Priority', PRIORITIES)}
            ${input('rule-tags', 'tagsAny', 'Any of these tags', { placeholder: 'vip, wholesale' })}
            ${input('rule-customer-tag', 'customerTag', 'Customer tag')}
            ${input('rule-total', 'orderTotalOver', 'Order total over', { type: 'number' })}
            ${input('rule-text', 'textMatches', 'Text matches')}
          </fieldset>
          <fieldset><legend>Then</legend>
            ${input('rule-group', 'assignGroup', 'Assign to group', { placeholder: 'claims' })}
            ${input('rule-assign', 'assign', 'Assign', { placeholder: 'round-robin, least-loaded or an agent id' })}
            ${select('rule-then-priority', 'thenPriority', 'Set priority', PRIORITIES)}
            ${input('rule-add-tags', 'addTags', 'Add tags')}
            <label><input type="checkbox" name="escalate" value="1"> Escalate</label>
          </fieldset>
          <button type="submit" class="primary">Save rule</button>
        </form>
      </details>`;
  }

  agentsTable() {
    return html`<table class="grid"><thead><tr><th scope="col">Id</th><th scope="col">Name</th><th scope="col">Groups</th>
      <th scope="col">Available</th><th scope="col">Capacity</th></tr></thead>
      <tbody>${this.agents.items.map(a => html`<tr><td>${a.id}</td><td>${a.name}</td><td>${(a.groups || []).join(', ')}</td>
        <td>${a.available ? 'yes' : 'no'}</td><td>${a.capacity ?? ''}</td></tr>`)}</tbody></table>`;
  }

  /** The signed-in agent's own switch (PATCH /agents/me), for every role. */
  availability() {
    return html`<p><label><input type="checkbox" .checked=${!!this.me?.available}
      @change=${e => this.write(e.target.checked ? 'You are available' : 'You are away', 'PATCH', '/agents/me', { available: e.target.checked }, this.loadAgents)}>
      I am available for new tickets</label></p>`;
  }

  agentForm() {
    return html`
      <details><summary>Add or change an agent</summary>
        <form class="admin-form" @submit=${this.onAgent}>
          <label for="agent-id">Agent id</label><input id="agent-id" name="id" required>
          <label for="agent-name">Name</label><input id="agent-name" name="name">
          <label for="agent-groups">Groups</label><input id="agent-groups" name="groups" placeholder="claims, billing">
          <label for="agent-capacity">Capacity (open tickets)</label><input id="agent-capacity" name="capacity" type="number" min="0" value="10">
          <label><input type="checkbox" name="available" value="1" checked> Available</label>
          <button type="submit" class="primary">Save agent</button>
        </form>
      </details>`;
  }
}

customElements.define('hd-admin-routing', HdAdminRouting);
