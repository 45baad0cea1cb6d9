// Small display helpers shared by the screens.
import { html } from 'lit';

/** What triage tells apart (docs/triage.md); a ticket carries the one it was classified as in the tag intent:<name>. */
export const INTENTS = ['return_request', 'exchange', 'wismo', 'damage_claim', 'wrong_item', 'missing_item', 'cancellation',
  'address_change', 'refund_status', 'billing', 'product_question', 'account', 'spam', 'other'];

export function intentOf(ticket) {
  const tag = (ticket.tags || []).find(t => t.startsWith('intent:'));
  return tag ? tag.slice('intent:'.length) : null;
}

export function when(iso) {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "3 h 5 min ago" style, for lists. */
export function ago(iso, now = Date.now()) {
  if (!iso) return '—';
  const s = Math.round((now - Date.parse(iso)) / 1000);
  if (s < 60) return 'just now';
  if (s < 3600) return Math.floor(s / 60) + ' min ago';
  if (s < 86400) return Math.floor(s / 3600) + ' h ago';
  return Math.floor(s / 86400) + ' d ago';
}

/** An ISO-8601 duration (PT1H30M, -PT5M) as "1 h 30 min". */
export function duration(iso) {
  if (!iso) return '—';
  const m = /^(-)?P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?)?$/.exec(iso);
  if (!m) return iso;
  const [, neg, d, h, min, s] = m;
  const parts = [];
  if (d) parts.push(d + ' d');
  if (h) parts.push(h + ' h');
  if (min) parts.push(min + ' min');
  if (!parts.length) parts.push(Math.round(Number(s || 0)) + ' s');
  return (neg ? 'overdue by ' : '') + parts.join(' ');
}

export function seconds(n) {
  if (n === null || n === undefined) return '—';
  if (n < 120) return n + ' s';
  if (n < 7200) return Math.round(n / 60) + ' min';
  if (n < 172800) return (n / 3600).toFixed(1) + ' h';
  return (n / 86400).toFixed(1) + ' d';
}

export function percent(x) {
  return x === null || x === undefined || Number.isNaN(x) ? '—' : Math.round(x * 100) + ' %';
}

export function requesterLabel(r) {
  if (!r) return '—';
  return r.name ? `${r.name} <${r.email || r.phone}>` : (r.email || r.phone || '—');
}

export function requesterKey(r) {
  return r?.email || r?.phone || null;
}

/** Only http(s) links are ever rendered as links (a tracking URL from a shop is still outside data). */
export function safeUrl(url) {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export function badge(kind, value) {
  return html`<span class="badge ${kind}-${value}">${value}</span>`;
}

/** A problem from the API as one readable line. */
export function problemText(e) {
  const p = e?.problem || {};
  const fields = (p.errors || []).map(x => `${x.field}: ${x.reason}`).join('; ');
  return [p.title || (e?.status ? 'HTTP ' + e.status : 'Error'), p.detail || e?.message, fields].filter(Boolean).join(' — ');
}

/** One history entry's change in words. */
export function describeChange(h) {
  if (h.field) return html`changed ${h.field} from <em>${fmt(h.from)}</em> to <em>${fmt(h.to)}</em>${h.reason ? ` (${h.reason})` : ''}`;
  return html`${h.action}${h.reason ? ` (${h.reason})` : ''}`;
}

function fmt(v) {
  if (v === null || v === undefined) return 'nothing';
  return Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);
}
