// Administration as the API offers it: chat channels, Shopify stores, SLA policies and business-hours calendars,
// routing rules and agents (admin-routing.js).
import { html } from 'lit';
import { LightElement } from './base.js';
import { problemText, when } from './format.js';
import './admin-routing.js';

const SECTIONS = [
  { id: 'channels', title: 'Chat channels', path: '/channels', pick: b => b.items },
  { id: 'stores', title: 'Shopify stores', path: '/stores', pick: b => b.items },
  { id: 'sla', title: 'SLA policies', path: '/sla-policies', pick: b => [...b.items, { ...b.fallback, id: (b.fallback?.id || 'fallback') + ' (fallback)' }] },
  { id: 'hours', title: 'Business-hours calendars', path: '/business-hours', pick: b => b.items || [] },
];

class HdAdmin extends LightElement {
  static properties = { api: { attribute: false }, session: { attribute: false }, data: { state: true } };

  constructor() {
    super();
    this.data = {};
  }

  connectedCallback() {
    super.connectedCallback();
    for (const s of SECTIONS) this.load(s);
  }

  async load(s) {
    try {
      const { body } = await this.api.get(s.path);
      this.data = { ...this.data, [s.id]: s.pick(body) };
    } catch (e) {
      this.data = { ...this.data, [s.id]: { error: e.status === 403 ? 'Only admins see this (you are signed in as ' + this.session.role + ').' : problemText(e) } };
    }
  }

  render() {
    return html`
      <h1>Admin</h1>
      <p class="note">Channels, stores, SLA policies and calendars as the API lists them (changes go through the API, README
        walkthrough); routing rules and agents are edited here.</p>
      ${SECTIONS.map(s => this.section(s))}
      <hd-admin-routing .api=${this.api} .session=${this.session}></hd-admin-routing>`;
  }

  section(s) {
    const d = this.data[s.id];
    return html`
      <section class="panel" aria-labelledby="admin-${s.id}">
        <h2 id="admin-${s.id}">${s.title}</h2>
        ${!d ? html`<p role="status">Loading…</p>` : d.error ? html`<p class="error">${d.error}</p>`
          : !d.length ? html`<p class="empty">None configured.</p>` : this[s.id](d)}
      </section>`;
  }

  channels(items) {
    return table(['Id', 'Kind', 'Name', 'Webhook', 'Secrets set', 'Updated'],
      items.map(c => [c.id, c.kind, c.name, c.webhookPath, c.secretsSet.join(', '), when(c.updatedAt)]));
  }

  stores(items) {
    return table(['Id', 'Name', 'Shop', 'Support addresses', 'Default', 'Secrets set'],
      items.map(s => [s.id, s.name, s.shopDomain, s.supportAddresses.join(', '), s.default ? 'yes' : '', s.secretsSet.join(', ')]));
  }

  sla(items) {
    const list = o => Object.entries(o || {}).map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : v}`).join('; ');
    return table(['Id', 'Name', 'Order', 'Matches', 'Targets', 'Calendar'],
      items.map(p => [p.id, p.name, p.order ?? '', list(p.match) || 'every ticket', list(p.targets), p.businessHours || '24/7']));
  }

  hours(items) {
    const week = w => Object.entries(w || {}).map(([d, spans]) => `${d} ${spans.map(s => s.join('–')).join(', ') || 'closed'}`).join('; ');
    return table(['Id', 'Name', 'Time zone', 'Week', 'Holidays'],
      items.map(c => [c.id, c.name, c.timezone, week(c.weekly), (c.holidays || []).join(', ')]));
  }
}

function table(heads, rows) {
  return html`<table class="grid"><thead><tr>${heads.map(h => html`<th scope="col">${h}</th>`)}</tr></thead>
    <tbody>${rows.map(r => html`<tr>${r.map(c => html`<td>${c}</td>`)}</tr>`)}</tbody></table>`;
}

customElements.define('hd-admin', HdAdmin);
