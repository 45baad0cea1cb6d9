// A customer: every ticket they opened and what the store knows of them (GET /customers/{customer}).
import { html } from 'lit';
import { LightElement } from './base.js';
import { ago, badge, problemText } from './format.js';
import { renderOrders } from './ticket-panels.js';

class HdCustomer extends LightElement {
  static properties = { api: { attribute: false }, customer: {}, profile: { state: true }, error: { state: true } };

  willUpdate(changed) {
    if (changed.has('customer')) this.load();
  }

  async load() {
    this.profile = null;
    try {
      const { body } = await this.api.get('/customers/' + encodeURIComponent(this.customer), { limit: 50 });
      this.profile = body;
      this.error = null;
    } catch (e) {
      this.error = problemText(e);
    }
  }

  async more() {
    const { body } = await this.api.get('/customers/' + encodeURIComponent(this.customer), { limit: 50, cursor: this.profile.nextCursor });
    this.profile = { ...this.profile, tickets: [...this.profile.tickets, ...body.tickets], nextCursor: body.nextCursor };
  }

  render() {
    if (this.error) return html`<h1>${this.customer}</h1><p class="error" role="alert">${this.error}</p>`;
    if (!this.profile) return html`<p role="status">Loading ${this.customer}…</p>`;
    const p = this.profile;
    return html`
      <h1>Customer ${p.customer}</h1>
      <div class="ticket-body">
        <section class="thread-col" aria-labelledby="customer-tickets">
          <h2 id="customer-tickets">Tickets (${p.tickets.length}${p.nextCursor ? '+' : ''})</h2>
          ${p.tickets.length ? html`<table class="tickets"><thead><tr><th scope="col">#</th><th scope="col">Subject</th>
              <th scope="col">Status</th><th scope="col">Channel</th><th scope="col">Updated</th></tr></thead>
            <tbody>${p.tickets.map(t => html`<tr><td>${t.number}</td><td><a href="#/tickets/${t.number}">${t.subject}</a></td>
              <td>${badge('status', t.status)}</td><td>${t.channel}</td><td>${ago(t.updatedAt)}</td></tr>`)}</tbody></table>`
            : html`<p class="empty">No tickets from this customer.</p>`}
          ${p.nextCursor ? html`<button @click=${this.more}>Load more</button>` : ''}
        </section>
        <aside class="side">${renderOrders(p.shopify)}</aside>
      </div>`;
  }
}

customElements.define('hd-customer', HdCustomer);
