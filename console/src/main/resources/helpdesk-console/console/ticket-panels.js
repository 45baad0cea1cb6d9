// The parts of the ticket page that only display (thread, SLA, orders, history) and the structural actions.
import { html } from 'lit';
import { badge, describeChange, duration, INTENTS, percent, safeUrl, when } from './format.js';

const TARGET_LABELS = { firstResponse: 'First response', nextResponse: 'Next response', resolution: 'Resolution' };

function authorName(a) {
  return a?.name || a?.email || a?.id || a?.type || 'unknown';
}

function kindOf(m) {
  if (m.visibility === 'internal') return 'note';
  return m.author?.type === 'customer' ? 'customer' : 'reply';
}

const KIND_LABELS = { note: 'Internal note · team only · not sent', customer: 'From the customer', reply: 'Public · the customer sees this' };

export function renderThread(view) {
  const t = view.ticket;
  return html`
    <ol class="thread" aria-label="Messages, oldest first">
      ${t.messages.map(m => {
        const kind = kindOf(m);
        const own = m.ticketId === t.id;
        return html`
          <li class="msg msg-${kind}" data-kind=${kind} aria-label="${KIND_LABELS[kind]} by ${authorName(m.author)}">
            <header>
              <span class="kind">${KIND_LABELS[kind]}</span>
              <strong>${authorName(m.author)}</strong>
              <time datetime=${m.createdAt}>${when(m.createdAt)}</time>
              <span class="muted">${m.channel}</span>
              ${m.delivery ? html`<span class="delivery" title=${m.delivery.detail || ''}>${badge('delivery', m.delivery.status)}
                ${m.delivery.attempts > 1 ? html`<span class="muted">${m.delivery.attempts} attempts</span>` : ''}
                ${m.delivery.detail ? html`<span class="muted">${m.delivery.detail}</span>` : ''}</span>` : ''}
              ${own && t.status !== 'closed' ? html`<label class="split-pick"><input type="checkbox"
                  .checked=${view.selected.has(m.id)} @change=${e => toggle(view, m.id, e.target.checked)}> select to split</label>` : ''}
            </header>
            ${m.html
              // the API's sanitised HTML, in a sandbox without scripts or same-origin rights: never part of this document
              ? html`<iframe class="html-body" sandbox="" title="Message from ${authorName(m.author)} (formatted)" .srcdoc=${m.html}></iframe>`
              : html`<div class="body">${m.body}</div>`}
            ${m.attachments?.length ? html`<ul class="attachments" aria-label="Attachments">${m.attachments.map(a => html`
              <li><button class="link" @click=${() => download(view, a)}>${a.filename || 'attachment'}</button>
                <span class="muted">${a.contentType || ''} · ${Math.ceil(a.size / 1024)} KB</span></li>`)}</ul>` : ''}
            ${m.original ? html`<p class="muted"><button class="link" @click=${() => download(view, m.original)}>Download the original message</button></p>` : ''}
          </li>`;
      })}
    </ol>`;
}

function toggle(view, id, on) {
  const s = new Set(view.selected);
  if (on) s.add(id); else s.delete(id);
  view.selected = s;
}

async function download(view, attachment) {
  try {
    await view.api.download(attachment.downloadPath, attachment.filename);
  } catch (e) {
    view.notice = { error: e.message };
  }
}

export function renderSla(view) {
  const sla = view.ticket.sla || {};
  const targets = Object.entries(sla);
  return html`
    <section class="panel" aria-labelledby="sla-title">
      <h2 id="sla-title">SLA</h2>
      ${targets.length ? html`<ul class="sla">${targets.map(([name, c]) => html`
        <li class="sla-${c.state}"><strong>${TARGET_LABELS[name] || name}</strong> ${badge('sla', c.state)}
          ${c.state === 'active' ? html`<span>${duration(c.remaining)} left · due ${when(c.dueAt)}</span>` : ''}
          ${c.state === 'paused' ? html`<span>${duration(c.remaining)} left when it resumes</span>` : ''}
          <span class="muted">policy ${c.policy}${c.businessHours ? ', ' + c.businessHours : ''}</span></li>`)}</ul>`
        : html`<p class="empty">No SLA clocks on this ticket.</p>`}
      <details @toggle=${e => { if (e.target.open && !view.ledger) view.loadLedger(); }}>
        <summary>Ledger</summary>
        ${!view.ledger ? html`<p role="status">Loading…</p>` : view.ledger.error ? html`<p class="error">${view.ledger.error}</p>`
          : (view.ledger.ledger || []).length ? html`<ol class="ledger">${view.ledger.ledger.map(l => html`
            <li><time>${when(l.at)}</time> ${TARGET_LABELS[l.target] || l.target}: ${l.kind}${l.cause ? ` (${l.cause})` : ''}${l.dueAt ? `, due ${when(l.dueAt)}` : ''}${l.elapsed ? `, ${duration(l.elapsed)} elapsed` : ''}</li>`)}</ol>`
            : html`<p class="empty">Nothing recorded yet.</p>`}
      </details>
    </section>`;
}

/** The Shopify panel for a ticket (orderContext) or a customer page (shopify); null: no store answered. */
export function renderOrders(ctx) {
  return html`
    <section class="panel orders" aria-labelledby="orders-title">
      <h2 id="orders-title">Shopify orders</h2>
      ${!ctx ? html`<p class="empty">No Shopify store answered for this customer (none connected, or the requester is unknown to it).</p>`
        : html`
          ${ctx.status === 'pending' ? html`<p role="status">Looking the customer up in ${ctx.store}…</p>` : ''}
          ${ctx.status === 'unavailable' ? html`<p class="error">The store could not be reached: ${ctx.reason}</p>` : ''}
          ${ctx.customer ? html`<p><strong>${ctx.customer.name || ctx.customer.email}</strong> · ${ctx.customer.ordersCount} orders
            · ${ctx.customer.totalSpent ?? '—'} ${ctx.customer.currency || ''}</p>` : ''}
          ${ctx.orders?.length ? html`<ul class="order-list">${ctx.orders.map(renderOrder)}</ul>`
            : ctx.status === 'ok' ? html`<p class="empty">No orders for this customer in ${ctx.store}.</p>` : ''}
          ${ctx.fetchedAt ? html`<p class="muted">From ${ctx.store}, ${when(ctx.fetchedAt)}</p>` : ''}`}
    </section>`;
}

function renderOrder(o) {
  return html`
    <li class="order">
      <p><strong>${o.name}</strong> · ${when(o.createdAt)} · ${o.total ?? '—'} ${o.currency || ''}
        ${o.financialStatus ? badge('fin', o.financialStatus.toLowerCase()) : ''}
        ${o.fulfillmentStatus ? badge('ful', o.fulfillmentStatus.toLowerCase()) : ''}
        ${o.cancelledAt ? html`<strong>cancelled</strong>` : ''}</p>
      <ul class="items">${o.lineItems.map(li => html`<li>${li.quantity} × ${li.title}${li.sku ? html` <span class="muted">${li.sku}</span>` : ''}</li>`)}</ul>
      ${o.fulfillments.map(f => {
        const url = safeUrl(f.trackingUrl);
        return html`<p class="tracking">${f.carrier || 'Shipment'} ${f.shipmentStatus ? `· ${f.shipmentStatus.toLowerCase().replace(/_/g, ' ')}` : ''}
          ${url ? html`· <a href=${url} target="_blank" rel="noopener noreferrer">track ${f.trackingNumber || ''}</a>` : f.trackingNumber ? `· ${f.trackingNumber}` : ''}
          ${f.deliveredAt ? `· delivered ${when(f.deliveredAt)}` : ''}</p>`;
      })}
      ${o.refunds?.length ? html`<p class="muted">Refunded: ${o.refunds.map(r => r.amount).join(', ')}</p>` : ''}
    </li>`;
}

export function renderHistory(view) {
  const h = view.history;
  return html`
    <section class="panel" aria-labelledby="history-title">
      <details>
        <summary><h2 id="history-title">History</h2></summary>
        ${!h ? html`<p role="status">Loading…</p>` : h.error ? html`<p class="error">${h.error}</p>` : html`
          <ol class="history">${h.map(e => html`<li><time>${when(e.at)}</time> <strong>${authorName(e.actor)}</strong> ${describeChange(e)}</li>`)}</ol>`}
      </details>
    </section>`;
}

export function renderActions(view) {
  const t = view.ticket;
  const closed = t.status === 'closed';
  const id = t.id;
  const numbers = v => v.split(/[\s,]+/).map(x => x.replace(/^#/, '')).filter(Boolean);
  const submit = fn => e => { e.preventDefault(); fn(new FormData(e.target), e.target); };
  return html`
    <section class="panel actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Merge, split, escalate, link</h2>
      <form @submit=${submit(f => view.change('Escalated', 'POST', `/tickets/${id}/escalate`,
          { reason: f.get('reason') || undefined, group: f.get('group') || undefined }))}>
        <label for="act-esc-reason">Escalation reason</label>
        <input id="act-esc-reason" name="reason" ?disabled=${closed}>
        <label for="act-esc-group">To group</label>
        <input id="act-esc-group" name="group" placeholder="escalations" ?disabled=${closed}>
        <button type="submit" ?disabled=${closed || view.busy}>Escalate</button>
      </form>
      <form @submit=${submit((f, form) => view.change('Merged', 'POST', `/tickets/${id}/merge`, { ticketIds: numbers(f.get('ids')) })
          .then(r => r && form.reset()))}>
        <label for="act-merge">Merge these tickets into this one</label>
        <input id="act-merge" name="ids" placeholder="e.g. 1043, 1044" required ?disabled=${closed}>
        <button type="submit" ?disabled=${closed || view.busy}>Merge</button>
      </form>
      <form @submit=${submit(f => view.change('Split off', 'POST', `/tickets/${id}/split`,
          { messageIds: [...view.selected], subject: f.get('subject') || undefined })
          .then(r => { if (r) { view.selected = new Set(); location.hash = '#/tickets/' + r.body.number; } }))}>
        <label for="act-split">Split the selected messages (${view.selected.size}) into a new ticket with subject</label>
        <input id="act-split" name="subject" placeholder=${t.subject} ?disabled=${closed}>
        <button type="submit" ?disabled=${closed || view.busy || !view.selected.size}>Split</button>
      </form>
      <form @submit=${submit((f, form) => view.change('Linked', 'POST', `/tickets/${id}/links`, { ticketId: f.get('other').replace(/^#/, '') })
          .then(r => r && form.reset()))}>
        <label for="act-link">Link a related ticket</label>
        <input id="act-link" name="other" placeholder="e.g. 1042" required>
        <button type="submit" ?disabled=${view.busy}>Link</button>
      </form>
      ${related(view)}
    </section>`;
}

function related(view) {
  const t = view.ticket;
  const link = other => html`<a href="#/tickets/${other}">${other}</a>`;
  return html`
    <ul class="related">
      ${t.linkedTicketIds.map(o => html`<li>Linked: ${link(o)}
        <button class="link" aria-label="Unlink ${o}" @click=${() => view.change('Unlinked', 'DELETE', `/tickets/${t.id}/links/${o}`)}>unlink</button></li>`)}
      ${t.mergedFrom.map(o => html`<li>Merged in: ${link(o)}</li>`)}
      ${t.parentId ? html`<li>Split from: ${link(t.parentId)}</li>` : ''}
      ${t.childIds.map(o => html`<li>Split off: ${link(o)}</li>`)}
    </ul>`;
}

/** What triage made of the ticket (GET /tickets/{id} intent) and the control to correct it (PATCH intent). */
export function renderIntent(view) {
  const t = view.ticket;
  const i = t.intent;
  const closed = t.status === 'closed';
  const scores = list => list.map(s => `${s.intent} ${percent(s.confidence)}`).join(', ');
  return html`
    <div class="intent">
      <label for="ctl-intent">Intent</label>
      <select id="ctl-intent" ?disabled=${closed || view.busy} @change=${e => view.patch({ intent: e.target.value }, 'Intent set')}>
        <option value="" ?selected=${!i?.name} disabled>${i ? 'not sure: pick one' : 'not classified yet'}</option>
        ${INTENTS.map(n => html`<option value=${n} ?selected=${i?.name === n}>${n}</option>`)}
      </select>
      ${!i ? html`<p class="muted">Triage has not classified this ticket (yet).</p>` : html`
        <p class="muted">${i.source === 'agent' ? `set by ${i.correction?.by || 'an agent'}` : `classified by ${i.model || 'the model'}`}
          ${i.name ? html` · ${percent(i.confidence)} sure` : ''}${i.language ? ` · read as ${i.language}` : ''}</p>
        ${!i.name && i.suggestions?.length ? html`<p class="muted">Too unsure to tag; suggestions: ${scores(i.suggestions)}</p>` : ''}
        ${i.correction ? html`<p class="muted">The model had said ${i.correction.modelSaid || 'nothing sure'}
          (${percent(i.correction.modelConfidence)})</p>` : ''}`}
    </div>`;
}
