// Reports: GET /metrics and /metrics/agents as charts (chart.js) with the numbers beside them.
import { html } from 'lit';
import { LightElement } from './base.js';
import { percent, problemText, seconds } from './format.js';

let chartLibrary;
/**
 * chart.js's UMD build, loaded when the reports are first opened (the queues never pay for it); the import map
 * names its content-named copy.
 */
function loadChartJs() {
  chartLibrary ??= new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = import.meta.resolve('chart.js');
    s.onload = () => resolve(window.Chart);
    s.onerror = () => reject(new Error('chart.js did not load'));
    document.head.append(s);
  });
  return chartLibrary;
}

function isoDay(d) { return d.toISOString().slice(0, 10); }

function sum(rows, f) { return rows.reduce((a, r) => a + (f(r) || 0), 0); }

/** A distribution (seconds) as "median / p90 / p95", with its count. */
function spread(d) {
  return d?.count ? `${seconds(d.median)} / ${seconds(d.p90)} / ${seconds(d.p95)} (${d.count})` : '—';
}

class HdReports extends LightElement {
  static properties = {
    api: { attribute: false }, session: { attribute: false },
    from: { state: true }, to: { state: true }, days: { state: true }, channels: { state: true }, intents: { state: true },
    agents: { state: true }, error: { state: true },
  };

  constructor() {
    super();
    const now = new Date();
    this.to = isoDay(now);
    this.from = isoDay(new Date(now.getTime() - 29 * 86400_000));
    this.charts = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.charts.forEach(c => c.destroy());
  }

  get lead() { return this.session.role === 'admin' || this.session.role === 'lead'; }

  async load() {
    this.error = null;
    const range = { from: this.from, to: this.to };
    // an agent reads only their own figures (agent=<id>); leads and admins the team's
    const own = this.lead ? {} : { agent: this.session.sub };
    try {
      const [days, agents, channels, intents] = await Promise.all([
        this.api.get('/metrics', { ...range, ...own, groupBy: 'day' }),
        this.api.get('/metrics/agents', range),
        this.lead ? this.api.get('/metrics', { ...range, groupBy: 'channel' }) : null,
        this.lead ? this.api.get('/metrics', { ...range, groupBy: 'intent' }) : null,
      ]);
      this.days = days.body.series;
      this.agents = agents.body.agents;
      this.channels = channels?.body.series || null;
      this.intents = intents?.body.series || null;
    } catch (e) {
      this.error = problemText(e);
    }
  }

  async updated() {
    if (!this.days || this.drawn === this.days) return;
    this.drawn = this.days;
    const Chart = await loadChartJs();
    this.charts.forEach(c => c.destroy());
    this.charts = [];
    const bar = (id, labels, datasets, type = 'bar') => {
      const canvas = this.querySelector('#' + id);
      if (canvas) this.charts.push(new Chart(canvas, { type, data: { labels, datasets }, options: { animation: false, responsive: true, maintainAspectRatio: false } }));
    };
    bar('chart-volume', this.days.map(r => r.key), [
      { label: 'Created', data: this.days.map(r => r.created), backgroundColor: '#3b6fd8' },
      { label: 'Resolved', data: this.days.map(r => r.resolved), backgroundColor: '#2e9d62' }]);
    // the distribution's middle and its tail: a median alone hides the tickets that waited longest
    const per = (f, q, unit) => this.days.map(r => r[f][q] === null ? null : r[f][q] / unit);
    bar('chart-response', this.days.map(r => r.key), [
      { label: 'First response, median (min)', data: per('firstResponse', 'median', 60), borderColor: '#3b6fd8' },
      { label: 'First response, 90th percentile (min)', data: per('firstResponse', 'p90', 60), borderColor: '#3b6fd8', borderDash: [6, 4] },
      { label: 'Resolution, median (h)', data: per('resolution', 'median', 3600), borderColor: '#b5651d' },
      { label: 'Resolution, 90th percentile (h)', data: per('resolution', 'p90', 3600), borderColor: '#b5651d', borderDash: [6, 4] }], 'line');
    if (this.channels) bar('chart-channels', this.channels.map(r => r.key), [{ label: 'Created', data: this.channels.map(r => r.created), backgroundColor: '#6a4fb3' }]);
    if (this.intents) bar('chart-intents', this.intents.map(r => r.key), [{ label: 'Created', data: this.intents.map(r => r.created), backgroundColor: '#c0417a' }]);
  }

  onRange(e) {
    e.preventDefault();
    const f = new FormData(e.target);
    this.from = f.get('from');
    this.to = f.get('to');
    this.days = null;
    this.load();
  }

  render() {
    return html`
      <h1>Reports</h1>
      <form class="range" @submit=${this.onRange}>
        <label for="rep-from">From</label><input id="rep-from" name="from" type="date" .value=${this.from} required>
        <label for="rep-to">To</label><input id="rep-to" name="to" type="date" .value=${this.to} required>
        <button type="submit">Show</button>
      </form>
      ${this.lead ? '' : html`<p class="note">Your own figures (leads and admins see the team's).</p>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
      ${!this.days && !this.error ? html`<p role="status">Loading…</p>` : ''}
      ${this.days ? this.renderReport() : ''}`;
  }

  renderReport() {
    const d = this.days;
    const created = sum(d, r => r.created);
    const resolved = sum(d, r => r.resolved);
    if (!created && !resolved && !this.agents?.length) {
      return html`<p class="empty" role="status">No tickets were created or resolved between ${this.from} and ${this.to}: there is nothing to chart yet.
        Figures appear as the metrics function counts the team's events (docs/metrics.md).</p>`;
    }
    const csat = d.filter(r => r.csat?.responses);
    const csatResponses = sum(csat, r => r.csat.responses);
    const csatAvg = csatResponses ? sum(csat, r => r.csat.average * r.csat.responses) / csatResponses : null;
    const ai = { handled: sum(d, r => r.ai?.handled), deflected: sum(d, r => r.ai?.deflected) };
    return html`
      <dl class="kpis">
        <div><dt>Created</dt><dd>${created}</dd></div>
        <div><dt>Resolved</dt><dd>${resolved}</dd></div>
        <div><dt>Escalation rate</dt><dd>${percent(created ? sum(d, r => r.escalated) / created : null)}</dd></div>
        <div><dt>Reopen rate</dt><dd>${percent(resolved ? sum(d, r => r.reopened) / resolved : null)}</dd></div>
        <div><dt>CSAT</dt><dd>${csatAvg === null ? '—' : csatAvg.toFixed(2) + ' / 5'} <small>(${csatResponses} answers)</small></dd></div>
        <div><dt>AI deflection</dt><dd>${percent(ai.handled ? ai.deflected / ai.handled : null)} <small>(${ai.handled} handled)</small></dd></div>
      </dl>
      <div class="charts">
        <figure><figcaption>Volume by day</figcaption><div class="chart"><canvas id="chart-volume" role="img" aria-label="Tickets created and resolved per day"></canvas></div></figure>
        <figure><figcaption>First response and resolution (median and 90th percentile)</figcaption><div class="chart"><canvas id="chart-response" role="img" aria-label="Median and 90th percentile of first response and resolution time per day"></canvas></div></figure>
        ${this.channels ? html`<figure><figcaption>Volume by channel</figcaption><div class="chart"><canvas id="chart-channels" role="img" aria-label="Tickets created per channel"></canvas></div></figure>` : ''}
        ${this.intents ? html`<figure><figcaption>Volume by intent</figcaption>${this.intents.length ? html`<div class="chart"><canvas id="chart-intents" role="img" aria-label="Tickets created per intent"></canvas></div>` : html`<p class="empty">No intents recorded yet (triage comes later).</p>`}</figure>` : ''}
      </div>
      ${this.channels?.length ? html`<h2>Response times by channel</h2>
        <table class="grid"><thead><tr><th scope="col">Channel</th><th scope="col">Created</th>
          <th scope="col">First response (median / p90 / p95)</th><th scope="col">Resolution (median / p90 / p95)</th></tr></thead>
        <tbody>${this.channels.map(r => html`<tr><th scope="row">${r.key}</th><td>${r.created}</td>
          <td>${spread(r.firstResponse)}</td><td>${spread(r.resolution)}</td></tr>`)}</tbody></table>` : ''}
      <h2>Per agent, and the AI</h2>
      ${this.agents?.length ? html`<table class="grid"><thead><tr><th scope="col">Agent</th><th scope="col">Resolved</th>
          <th scope="col">One-touch</th><th scope="col">First response (median / p90)</th><th scope="col">Resolution (median / p90)</th>
          <th scope="col">CSAT</th><th scope="col">AI deflection</th></tr></thead>
        <tbody>${this.agents.map(a => html`<tr class=${a.agent === 'ai' ? 'ai-row' : ''}><th scope="row">${a.agent === 'ai' ? 'AI agent' : a.agent}</th>
          <td>${a.resolved}</td><td>${a.oneTouch}</td>
          <td>${seconds(a.firstResponse.median)} / ${seconds(a.firstResponse.p90)}</td>
          <td>${seconds(a.resolution.median)} / ${seconds(a.resolution.p90)}</td>
          <td>${a.csat?.average ? a.csat.average.toFixed(2) : '—'} <small>(${a.csat?.responses || 0})</small></td>
          <td>${a.ai ? percent(a.ai.deflectionRate) : ''}</td></tr>`)}</tbody></table>`
        : html`<p class="empty">No agent has responded, resolved or been rated in this range.</p>`}`;
  }
}

customElements.define('hd-reports', HdReports);
