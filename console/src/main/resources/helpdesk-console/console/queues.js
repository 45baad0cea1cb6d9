// Queues: the ticket lists agents work from, with counts, sorting, keyboard navigation and live refresh.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { LightElement } from './base.js';
import { ago, badge, INTENTS, intentOf, problemText, requesterLabel } from './format.js';
import { PAGE_SIZE, queueQuery, VIEWS } from './queue-views.js';

const POLL_MS = 10_000;
const marked = name => performance.getEntriesByName(name).length > 0;
const COUNT_LIMIT = 100;

const PRIORITY_RANK = { urgent: 0, high: 1, normal: 2, low: 3 };
const COLUMNS = [
  { key: 'number', label: '#', value: t => t.number },
  { key: 'subject', label: 'Subject', value: t => t.subject.toLowerCase() },
  { key: 'requester', label: 'Requester', value: t => requesterLabel(t.requester).toLowerCase() },
  { key: 'status', label: 'Status', value: t => t.status },
  { key: 'priority', label: 'Priority', value: t => PRIORITY_RANK[t.priority] ?? 9 },
  { key: 'assignee', label: 'Assignee', value: t => t.assignee || '' },
  { key: 'group', label: 'Group', value: t => t.group || '' },
  { key: 'intent', label: 'Intent', value: t => intentOf(t) || '' },
  { key: 'updatedAt', label: 'Updated', value: t => t.updatedAt },
  { key: 'slaDueAt', label: 'SLA due', value: t => t.slaDueAt || '9999' },
];

class HdQueues extends LightElement {
  static properties = {
    api: { attribute: false }, session: { attribute: false }, view: {}, filter: {},
    items: { state: true }, next: { state: true }, counts: { state: true }, error: { state: true },
    sortKey: { state: true }, sortDir: { state: true }, loading: { state: true }, refreshedAt: { state: true },
  };

  constructor() {
    super();
    this.items = null;
    this.counts = {};
    this.sortKey = 'updatedAt';
    this.sortDir = -1;
  }

  connectedCallback() {
    super.connectedCallback();
    this.timer = setInterval(() => { if (!document.hidden) this.refresh(); }, POLL_MS);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  willUpdate(changed) {
    if (changed.has('view') || changed.has('filter')) {
      this.items = null;
      this.next = null;
      this.refresh();
    }
  }

  /** Reloads the list and the counts in place (no page reload; focus and scroll stay). */
  async refresh() {
    const first = !HdQueues.marked;
    try {
      if (first) {
        performance.mark('hd:app-ready');
        // early.js marks the request (and its answer) when it asked before the app was ready
        if (!marked('hd:queue-requested')) performance.mark('hd:queue-requested');
      }
      const page = await this.fetchPage(null);
      if (first && !marked('hd:queue-answered')) performance.mark('hd:queue-answered');
      this.items = page.items;
      this.next = page.next;
      this.error = null;
      this.refreshedAt = new Date();
    } catch (e) {
      this.error = problemText(e);
      if (!this.items) this.items = [];
    }
    // the counts once the list is on screen: their eight reads must not compete with the list the agent waits for
    await this.updateComplete;
    await new Promise(painted => requestAnimationFrame(() => setTimeout(painted)));
    this.loadCounts();
  }

  async fetchPage(cursor) {
    const { body } = await this.api.get('/tickets', { ...queueQuery(this.view, this.filter, this.session), limit: PAGE_SIZE, cursor });
    return { items: body.items, next: body.nextCursor };
  }

  async loadMore() {
    const page = await this.fetchPage(this.next);
    this.items = [...this.items, ...page.items];
    this.next = page.next;
  }

  async loadCounts() {
    const counts = {};
    await Promise.all(VIEWS.map(async v => {
      try {
        const { body } = await this.api.get('/tickets', { ...v.query(this.session), limit: COUNT_LIMIT });
        counts[v.id] = body.items.length + (body.nextCursor ? '+' : '');
      } catch { counts[v.id] = '?'; }
    }));
    this.counts = counts;
  }

  sorted() {
    const col = COLUMNS.find(c => c.key === this.sortKey) || COLUMNS.find(c => c.key === 'updatedAt');
    return [...this.items].sort((a, b) => {
      const x = col.value(a), y = col.value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * this.sortDir;
    });
  }

  sortBy(key) {
    if (this.sortKey === key) this.sortDir = -this.sortDir;
    else { this.sortKey = key; this.sortDir = key === 'updatedAt' ? -1 : 1; }
  }

  title() {
    if (this.view === 'tag') return `Tag “${this.filter}”`;
    if (this.view === 'group') return `Group “${this.filter}”`;
    if (this.view === 'intent') return `Intent “${this.filter}”`;
    return (VIEWS.find(v => v.id === this.view) || VIEWS[1]).label;
  }

  render() {
    return html`
      <div class="queues">
        <nav class="views" aria-label="Queues">
          <ul>${VIEWS.map(v => html`
            <li><a href="#/queues/${v.id}" aria-current=${this.view === v.id ? 'page' : 'false'}>
              ${v.label} <span class="count" aria-label="${this.counts[v.id] ?? '…'} tickets">${this.counts[v.id] ?? '…'}</span></a></li>`)}
          </ul>
          <form class="filter" @submit=${this.onFilter}>
            <label for="queue-filter-kind">Filter by</label>
            <select id="queue-filter-kind" name="kind">
              <option value="tag">tag</option><option value="group">group</option><option value="intent">intent</option>
            </select>
            <label for="queue-filter-value" class="sr-only">Filter value</label>
            <input id="queue-filter-value" name="value" required placeholder="e.g. damaged-item or wismo" list="queue-intents">
            <datalist id="queue-intents">${INTENTS.map(i => html`<option value=${i}></option>`)}</datalist>
            <button type="submit">Show</button>
          </form>
        </nav>
        <section class="list" aria-labelledby="queue-title">
          <h1 id="queue-title">${this.title()} ${this.items ? html`<small>(${this.items.length}${this.next ? '+' : ''})</small>` : ''}</h1>
          ${this.notes()}
          ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
          ${this.items === null ? html`<p role="status">Loading…</p>` : this.renderTable()}
          <p class="refreshed" aria-live="polite">${this.refreshedAt ? 'Updated ' + this.refreshedAt.toLocaleTimeString() + ' · refreshes every 10 s' : ''}</p>
        </section>
      </div>`;
  }

  notes() {
    if (this.view === 'intent') return html`<p class="note">Tickets triage classified as ${this.filter} (tag intent:${this.filter}); an agent's correction moves the tag.</p>`;
    if (this.view === 'breaching') return html`<p class="note">Running SLA clocks due within 4 hours, earliest first (breached ones first).</p>`;
    return '';
  }

  renderTable() {
    if (!this.items.length) return html`<p class="empty">No tickets in this queue.</p>`;
    const rows = this.sorted();
    return html`
      <table class="tickets" aria-describedby="queue-keys">
        <caption id="queue-keys" class="hint">Arrow keys move between tickets, Enter opens one. Column headings sort.</caption>
        <thead><tr>${COLUMNS.map(c => html`
          <th scope="col" aria-sort=${this.sortKey === c.key ? (this.sortDir > 0 ? 'ascending' : 'descending') : 'none'}>
            <button class="sort" @click=${() => this.sortBy(c.key)}>${c.label}</button></th>`)}</tr></thead>
        <tbody @keydown=${this.onKey}>
          ${repeat(rows, t => t.id, (t, i) => html`
            <tr tabindex=${i === 0 ? '0' : '-1'} data-ticket=${t.number} @click=${() => this.open(t)}
                aria-label="Ticket ${t.number}: ${t.subject}">
              <td>${t.number}</td>
              <td class="subject"><a href="#/tickets/${t.number}" tabindex="-1">${t.subject}</a></td>
              <td>${requesterLabel(t.requester)}</td>
              <td>${badge('status', t.status)}</td>
              <td>${badge('priority', t.priority)}</td>
              <td>${t.assignee || html`<span class="muted">unassigned</span>`}</td>
              <td>${t.group || ''}</td>
              <td>${intentOf(t) ? html`<a href="#/queues/intent/${intentOf(t)}" tabindex="-1">${intentOf(t)}</a>` : ''}</td>
              <td title=${t.updatedAt}>${ago(t.updatedAt)}</td>
              <td>${t.slaDueAt ? ago(t.slaDueAt).replace(' ago', '') : ''}</td>
            </tr>`)}
        </tbody>
      </table>
      ${this.next ? html`<button @click=${this.loadMore}>Load more</button>` : ''}`;
  }

  updated() {
    if (this.items?.length && !HdQueues.marked) {
      HdQueues.marked = true;
      performance.mark('hd:queue-rendered'); // the browser test reports the first render of a queue (and its parts)
    }
  }

  open(t) {
    location.hash = '#/tickets/' + t.number;
  }

  onKey(e) {
    const row = e.target.closest('tr');
    if (!row) return;
    const rows = [...this.querySelectorAll('tbody tr')];
    const i = rows.indexOf(row);
    const go = j => {
      if (j < 0 || j >= rows.length) return;
      rows.forEach(r => r.setAttribute('tabindex', '-1'));
      rows[j].setAttribute('tabindex', '0');
      rows[j].focus();
      e.preventDefault();
    };
    if (e.key === 'ArrowDown') go(i + 1);
    else if (e.key === 'ArrowUp') go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(rows.length - 1);
    else if (e.key === 'Enter') { e.preventDefault(); location.hash = '#/tickets/' + row.dataset.ticket; }
  }

  onFilter(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    location.hash = `#/queues/${f.get('kind')}/${encodeURIComponent(String(f.get('value')).trim())}`;
  }
}

customElements.define('hd-queues', HdQueues);
