// The queue views as API queries: shared by the queue screen and early.js (which may ask for the first page before
// the screen's modules have loaded), so both build the very same request. No imports: early.js must stay tiny.

const BREACHING_WINDOW_MS = 4 * 3600_000;
export const PAGE_SIZE = 50;

/** Each view is one API query (GET /tickets filters); "breaching soon" is the SLA index's slaDueBefore view. */
export const VIEWS = [
  { id: 'new', label: 'New', query: () => ({ status: 'new' }) },
  { id: 'open', label: 'Open', query: () => ({ status: 'open' }) },
  { id: 'pending', label: 'Pending', query: () => ({ status: 'pending' }) },
  { id: 'mine', label: 'Mine', query: s => ({ assignee: s.sub }) },
  { id: 'unassigned', label: 'Unassigned', query: () => ({ assignee: 'none' }) },
  { id: 'breaching', label: 'Breaching soon', query: () => ({ slaDueBefore: new Date(Date.now() + BREACHING_WINDOW_MS).toISOString() }) },
  { id: 'resolved', label: 'Resolved', query: () => ({ status: 'resolved' }) },
  { id: 'all', label: 'All', query: () => ({}) },
];

/** The GET /tickets filters of a view (#/queues/<view>/<filter>); triage tags a classified ticket intent:<name>. */
export function queueQuery(view, filter, session) {
  if (view === 'tag') return { tag: filter };
  if (view === 'intent') return { tag: 'intent:' + filter };
  if (view === 'group') return { group: filter };
  return (VIEWS.find(v => v.id === view) || VIEWS[1]).query(session);
}

/** The route in the location's hash: #/queues/open, #/tickets/1042, #/queues/tag/damaged-item. */
export function parseRoute(hash) {
  const parts = (hash || '').replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  return { screen: parts[0] || 'queues', arg: parts[1] || '', extra: parts.slice(2).join('/') };
}

/** An API URL: base (no trailing slash, '' = this origin), path, the query without empty values. */
export function apiUrl(base, path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query || {})) if (v !== undefined && v !== null && v !== '') params.set(k, v);
  const qs = params.toString();
  return base + path + (qs ? '?' + qs : '');
}
