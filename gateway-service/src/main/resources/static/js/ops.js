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
        $('sources').textContent = 'from: ' + ops.sources.join(', ') + ' — refreshed ' + new Date().toISOString();
    } catch (e) {
        show($('message'), e.message, false);
    }
}

refresh();
setInterval(refresh, 5000);
