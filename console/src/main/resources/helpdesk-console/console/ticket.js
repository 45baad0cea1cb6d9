// One ticket: its thread, the composer, the field controls, and what happens when someone else changed it first.
import { html } from 'lit';
import { LightElement } from './base.js';
import { ApiError } from './api.js';
import { badge, describeChange, problemText, requesterKey, requesterLabel, when } from './format.js';
import { renderThread, renderOrders, renderSla, renderHistory, renderActions, renderIntent } from './ticket-panels.js';

const STATUSES = ['new', 'open', 'pending', 'resolved', 'closed'];
const PRIORITIES = ['low', 'normal', 'high', 'urgent'];
const DELIVERY_POLL_MS = 2000;

/** What makes two versions of a ticket the same to an agent (a delivery report alone changes none of it). */
function agentView(t) {
  return JSON.stringify([t.status, t.priority, t.assignee, t.group, t.subject, t.tags, t.messages.map(m => m.id), t.mergedInto]);
}

class HdTicket extends LightElement {
  static properties = {
    api: { attribute: false }, session: { attribute: false }, ticketRef: {},
    ticket: { state: true }, etag: { state: true }, error: { state: true }, notice: { state: true },
    conflict: { state: true }, history: { state: true }, ledger: { state: true },
    mode: { state: true }, draft: { state: true }, busy: { state: true }, selected: { state: true },
  };

  constructor() {
    super();
    this.mode = 'public';
    this.selected = new Set();
  }

  willUpdate(changed) {
    if (changed.has('ticketRef')) {
      // another ticket: nothing of the previous one stays (its draft waits in sessionStorage)
      Object.assign(this, { ticket: null, conflict: null, notice: null, history: null, ledger: null, draft: undefined, mode: 'public', selected: new Set() });
      clearTimeout(this.deliveryTimer);
      this.load();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.deliveryTimer);
  }

  draftKey() { return 'hd.draft.' + this.ticketRef; }

  /** (Re)reads the ticket and its history. The draft is never touched: it lives in sessionStorage until sent. */
  async load() {
    try {
      const { body, etag } = await this.api.get('/tickets/' + encodeURIComponent(this.ticketRef));
      this.ticket = body;
      this.etag = etag;
      this.error = null;
      const saved = JSON.parse(sessionStorage.getItem(this.draftKey()) || 'null');
      if (saved && this.draft === undefined) { this.draft = saved.text; this.mode = saved.mode; }
      if (this.draft === undefined) this.draft = '';
      this.loadHistory();
    } catch (e) {
      this.error = problemText(e);
    }
  }

  async loadHistory() {
    try {
      const { body } = await this.api.get(`/tickets/${this.ticket.id}/history`, { limit: 500 });
      this.history = body.items;
    } catch (e) {
      this.history = { error: problemText(e) };
    }
  }

  async loadLedger() {
    try {
      const { body } = await this.api.get(`/tickets/${this.ticket.id}/sla`);
      this.ledger = body;
    } catch (e) {
      this.ledger = { error: problemText(e) };
    }
  }

  /**
   * Runs a change guarded by the ETag. On 412 it reads the ticket again: when only what no agent sees changed
   * (a reply's delivery status), it retries once with the new ETag; otherwise it shows the conflict panel.
   */
  async change(label, method, path, body, { guard = true, retry = true } = {}) {
    this.busy = true;
    this.notice = null;
    try {
      const res = await this.api.send(method, path, body, guard ? this.etag : null);
      if (res.body?.id === this.ticket.id) {
        // intent and orderContext come only with GET /tickets/{id}: a change's answer keeps the ones shown
        this.ticket = { ...res.body, intent: res.body.intent ?? this.ticket.intent, orderContext: res.body.orderContext ?? this.ticket.orderContext };
        this.etag = res.etag;
        if (body && 'intent' in body) this.load();
      }
      this.notice = label;
      this.loadHistory();
      return res;
    } catch (e) {
      if (e instanceof ApiError && e.status === 412 && retry && await this.adoptIfUnchanged()) {
        return this.change(label, method, path, body, { guard, retry: false });
      }
      if (e instanceof ApiError && e.status === 412) await this.showConflict(e, label);
      else this.notice = { error: problemText(e) };
      return null;
    } finally {
      this.busy = false;
    }
  }

  async adoptIfUnchanged() {
    try {
      const { body, etag } = await this.api.get('/tickets/' + this.ticket.id);
      if (agentView(body) !== agentView(this.ticket)) return false;
      this.ticket = body;
      this.etag = etag;
      return true;
    } catch {
      return false;
    }
  }

  /** Who changed the ticket since this page read it, and what: the history entries after our copy. */
  async showConflict(error, attempted) {
    let changes = [];
    try {
      const { body } = await this.api.get(`/tickets/${this.ticket.id}/history`, { limit: 500 });
      changes = body.items.filter(h => Date.parse(h.at) > Date.parse(this.ticket.updatedAt));
    } catch { /* the problem itself still says what happened */ }
    this.conflict = { detail: error.problem.detail, attempted, changes };
    await this.updateComplete;
    this.querySelector('section.conflict')?.scrollIntoView({ block: 'nearest' });
  }

  async reloadAfterConflict() {
    this.conflict = null;
    await this.load();
    this.notice = 'Reloaded: the ticket as it is now. Your draft is still in the composer.';
    this.querySelector('#composer-text')?.focus();
  }

  patch(fields, label) {
    return this.change(label, 'PATCH', '/tickets/' + this.ticket.id, fields);
  }

  onDraft(e) {
    this.draft = e.target.value;
    sessionStorage.setItem(this.draftKey(), JSON.stringify({ text: this.draft, mode: this.mode }));
  }

  setMode(mode) {
    this.mode = mode;
    sessionStorage.setItem(this.draftKey(), JSON.stringify({ text: this.draft, mode }));
  }

  async send(e) {
    e?.preventDefault();
    const text = (this.draft || '').trim();
    if (!text) { this.notice = { error: 'Write something first.' }; return; }
    const kind = this.mode === 'internal' ? 'Note added' : 'Reply sent';
    const res = await this.change(kind, 'POST', `/tickets/${this.ticket.id}/messages`, { body: text, visibility: this.mode });
    if (res) {
      this.draft = '';
      sessionStorage.removeItem(this.draftKey());
      if (this.mode === 'public') this.watchDelivery(15);
    }
  }

  /** Follows the delivery status of the replies just sent, adopting a newer version only when nothing an agent sees changed. */
  watchDelivery(rounds) {
    clearTimeout(this.deliveryTimer);
    const pending = () => this.ticket.messages.some(m => m.visibility === 'public' && ['queued', 'sending'].includes(m.delivery?.status));
    if (!rounds || !pending()) return;
    this.deliveryTimer = setTimeout(async () => {
      try {
        const { body, etag } = await this.api.get('/tickets/' + this.ticket.id);
        if (agentView(body) === agentView(this.ticket)) { this.ticket = body; this.etag = etag; }
      } catch { /* the next round tries again */ }
      this.watchDelivery(rounds - 1);
    }, DELIVERY_POLL_MS);
  }

  composerKey(e) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) this.send(e);
  }

  render() {
    if (this.error) return html`<p class="error" role="alert">${this.error}</p><p><a href="#/queues/open">Back to the queues</a></p>`;
    if (!this.ticket) return html`<p role="status">Loading ticket ${this.ticketRef}…</p>`;
    const t = this.ticket;
    return html`
      <article class="ticket" aria-labelledby="ticket-title">
        <header class="ticket-head">
          <p><a href="#/queues/open">← Queues</a></p>
          <h1 id="ticket-title">#${t.number} ${t.subject}</h1>
          <p>${badge('status', t.status)} ${badge('priority', t.priority)} · ${t.channel} ·
            <a href="#/customers/${encodeURIComponent(requesterKey(t.requester) || '')}">${requesterLabel(t.requester)}</a>
            · opened ${when(t.createdAt)} ${t.escalationLevel ? html`· <strong>escalated (level ${t.escalationLevel})</strong>` : ''}
            ${t.mergedInto ? html`· merged into <a href="#/tickets/${t.mergedInto}">another ticket</a>` : ''}</p>
        </header>
        ${this.renderConflict()}
        ${this.renderNotice()}
        <div class="ticket-body">
          <section class="thread-col" aria-label="Conversation">
            ${renderThread(this)}
            ${this.renderComposer()}
          </section>
          <aside class="side" aria-label="Ticket details">
            ${this.renderControls()}
            ${renderSla(this)}
            ${renderOrders(t.orderContext)}
            ${renderActions(this)}
            ${renderHistory(this)}
          </aside>
        </div>
      </article>`;
  }

  renderNotice() {
    if (!this.notice) return '';
    return this.notice.error
      ? html`<p class="error" role="alert">${this.notice.error}</p>`
      : html`<p class="ok" role="status">${this.notice}</p>`;
  }

  renderConflict() {
    const c = this.conflict;
    if (!c) return '';
    return html`
      <section class="conflict" role="alert" aria-labelledby="conflict-title">
        <h2 id="conflict-title">Someone else changed this ticket first</h2>
        <p>Your action (${c.attempted.toLowerCase()}) was not applied: ${c.detail}</p>
        ${c.changes.length ? html`<ul class="changes">${c.changes.map(h => html`
          <li><strong>${h.actor?.name || h.actor?.id || h.actor?.type}</strong> ${describeChange(h)} <span class="muted">at ${when(h.at)}</span></li>`)}</ul>`
          : html`<p>The history shows no details yet.</p>`}
        <p>Your draft is kept.</p>
        <button class="primary" @click=${this.reloadAfterConflict}>Reload the ticket (keep my draft)</button>
      </section>`;
  }

  renderControls() {
    const t = this.ticket;
    const closed = t.status === 'closed';
    return html`
      <section class="panel controls" aria-labelledby="controls-title">
        <h2 id="controls-title">Ticket</h2>
        <label for="ctl-status">Status</label>
        <select id="ctl-status" .value=${t.status} ?disabled=${closed || this.busy} @change=${e => this.patch({ status: e.target.value }, 'Status changed')}>
          ${STATUSES.map(s => html`<option value=${s} ?selected=${t.status === s}>${s}</option>`)}
        </select>
        <label for="ctl-priority">Priority</label>
        <select id="ctl-priority" .value=${t.priority} ?disabled=${closed || this.busy} @change=${e => this.patch({ priority: e.target.value }, 'Priority changed')}>
          ${PRIORITIES.map(p => html`<option value=${p} ?selected=${t.priority === p}>${p}</option>`)}
        </select>
        <form @submit=${this.onAssign}>
          <label for="ctl-assignee">Assignee</label>
          <div class="row">
            <input id="ctl-assignee" name="assignee" .value=${t.assignee || ''} placeholder="unassigned" ?disabled=${closed}>
            <button type="submit" ?disabled=${closed || this.busy}>Assign</button>
            <button type="button" ?disabled=${closed || this.busy} @click=${() => this.patch({ assignee: this.session.sub }, 'Assigned to you')}>Take it</button>
          </div>
        </form>
        <form @submit=${this.onGroup}>
          <label for="ctl-group">Group</label>
          <div class="row"><input id="ctl-group" name="group" .value=${t.group || ''} ?disabled=${closed}>
            <button type="submit" ?disabled=${closed || this.busy}>Set</button></div>
        </form>
        <fieldset class="tags"><legend>Tags</legend>
          <ul>${t.tags.map(tag => html`<li><a href="#/queues/tag/${encodeURIComponent(tag)}">${tag}</a>
            <button class="chip-x" aria-label="Remove tag ${tag}" ?disabled=${closed || this.busy}
              @click=${() => this.patch({ removeTags: [tag] }, 'Tag removed')}>×</button></li>`)}</ul>
          <form @submit=${this.onTag} class="row">
            <label for="ctl-tag" class="sr-only">New tag</label>
            <input id="ctl-tag" name="tag" placeholder="add a tag" ?disabled=${closed}>
            <button type="submit" ?disabled=${closed || this.busy}>Add</button>
          </form>
        </fieldset>
        ${renderIntent(this)}
      </section>`;
  }

  onAssign(e) {
    e.preventDefault();
    const v = new FormData(e.target).get('assignee').trim();
    this.patch({ assignee: v || null }, v ? 'Assigned to ' + v : 'Unassigned');
  }

  onGroup(e) {
    e.preventDefault();
    const v = new FormData(e.target).get('group').trim();
    this.patch({ group: v || null }, 'Group changed');
  }

  onTag(e) {
    e.preventDefault();
    const v = new FormData(e.target).get('tag').trim();
    if (v) this.patch({ addTags: [v] }, 'Tag added').then(r => { if (r) e.target.reset(); });
  }

  renderComposer() {
    const note = this.mode === 'internal';
    const closed = this.ticket.status === 'closed';
    return html`
      <form class="composer ${note ? 'is-note' : 'is-reply'}" @submit=${this.send} aria-labelledby="composer-title">
        <h2 id="composer-title" class="sr-only">Write</h2>
        <fieldset class="mode"><legend class="sr-only">Message kind</legend>
          <input type="radio" id="mode-public" name="mode" value="public" .checked=${!note} @change=${() => this.setMode('public')}>
          <label for="mode-public">Reply to customer</label>
          <input type="radio" id="mode-internal" name="mode" value="internal" .checked=${note} @change=${() => this.setMode('internal')}>
          <label for="mode-internal">Internal note</label>
        </fieldset>
        <p class="composer-hint" id="composer-hint">${note
          ? 'Internal note: only the team sees it; it is never sent to the customer.'
          : `Goes to ${requesterLabel(this.ticket.requester)} by ${this.ticket.channel}.`}</p>
        <label for="composer-text">${note ? 'Note for the team' : 'Reply to the customer'}</label>
        <textarea id="composer-text" rows="6" .value=${this.draft || ''} @input=${this.onDraft} @keydown=${this.composerKey}
          aria-describedby="composer-hint composer-keys" ?disabled=${closed}></textarea>
        <p id="composer-keys" class="hint">Ctrl+Enter sends. The draft is kept if you leave or reload.</p>
        <button type="submit" class=${note ? 'note-btn' : 'primary'} ?disabled=${closed || this.busy}>
          ${note ? 'Add internal note' : 'Send reply'}</button>
      </form>`;
  }
}

customElements.define('hd-ticket', HdTicket);
