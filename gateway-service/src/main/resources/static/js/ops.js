import { call, escapeHtml, logout, requireRole, show } from './api.js';

const me = requireRole('operator');
const $ = (id) => document.getElementById(id);
$('who').textContent = me.partyId;
$('logout').addEventListener('click', logout);

function figures(element, values) {
    element.innerHTML = Object.entries(values).map(([name, value]) => `<div class="figure" data-name="${escapeHtml(name)}">`
        + `<div>${escapeHtml(name)}</div><div class="value">${escapeHtml(value ?? '—')}</div></div>`).join('')
        || '<p>none</p>';
}

function age(millis) {
    return millis < 60000 ? `${(millis / 1000).toFixed(1)} s ago` : `${Math.round(millis / 60000)} min ago`;
}

function deadLetters(service) {
    const reasons = Object.entries(service.deadLettersByReason)
        .map(([reason, count]) => `${escapeHtml(reason)}: ${escapeHtml(count)}`).join('<br>');
    return `${escapeHtml(service.deadLetters)}${reasons ? '<br>' + reasons : ''}`;
}

function services(element, rows) {
    element.innerHTML = rows.map((s) => {
        const ledger = s.ledger;
        const nonces = ledger ? ledger.lanes.map((lane) => `<span class="mono">${escapeHtml(lane.signer)}</span> `
            + `${escapeHtml(lane.nextNonce)} / ${escapeHtml(lane.minedNonce)}`).join('<br>') : '';
        return `<tr data-service="${escapeHtml(s.service)}"><td>${escapeHtml(s.service)}</td>`
            + `<td class="mono">${escapeHtml(s.instanceId)}</td><td title="${escapeHtml(s.lastBeat)}">${age(s.ageMillis)}</td>`
            + `<td>${s.processedPerSecond.toFixed(1)}</td><td>${escapeHtml(s.lag)}</td><td>${deadLetters(s)}</td>`
            + `<td>${ledger ? escapeHtml(ledger.chainHead) : ''}</td>`
            + `<td>${ledger ? escapeHtml(ledger.pendingTransactions) : ''}</td><td>${nonces}</td></tr>`;
    }).join('') || '<tr><td colspan="9">no heartbeat yet</td></tr>';
}

async function refresh() {
    try {
        const ops = (await call('GET', '/api/ops/overview')).body;
        figures($('pipeline'), ops.pipeline);
        figures($('stages'), ops.recordStages);
        figures($('dead-letters'), ops.deadLetters);
        figures($('lag'), ops.consumerLag);
        figures($('chain'), ops.chain.error
            ? { error: ops.chain.error }
            : { 'head block': ops.chain.headBlock, 'pending transactions': ops.chain.pendingTransactions });
        services($('services'), ops.services);
        $('sources').textContent = 'from: ' + ops.sources.join(', ') + ' — refreshed ' + new Date().toISOString();
    } catch (e) {
        show($('message'), e.message, false);
    }
}

refresh();
setInterval(refresh, 5000);
