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

const SVG = 'http://www.w3.org/2000/svg';

/** The attention list: one line per condition, text only (rule, where, what the beats show). */
function attention(element, items) {
    element.replaceChildren(...(items.length ? items : [null]).map((item) => {
        const li = document.createElement('li');
        if (!item) {
            li.textContent = 'nothing: no instance silent, no dead letters in 5 min, lag not growing, chain moving';
            return li;
        }
        li.className = 'attention';
        li.dataset.rule = item.rule;
        li.textContent = `${item.rule} — ${item.where}: ${item.detail}`;
        return li;
    }));
}

/** A bar per minute, scaled to the hour's largest value; the title of each bar says its minute and value. */
function chart(svg, minutes, value) {
    const values = minutes.map(value);
    const top = Math.max(...values, 1);
    const width = 300 / minutes.length;
    svg.replaceChildren(...minutes.map((minute, i) => {
        const bar = document.createElementNS(SVG, 'rect');
        const height = Math.round((values[i] / top) * 56);
        bar.setAttribute('x', (i * width).toFixed(1));
        bar.setAttribute('y', String(60 - height));
        bar.setAttribute('width', Math.max(width - 1, 1).toFixed(1));
        bar.setAttribute('height', String(height));
        const title = document.createElementNS(SVG, 'title');
        title.textContent = `${minute.start.slice(11, 16)} UTC: ${Number(values[i].toFixed(1))}`;
        bar.appendChild(title);
        return bar;
    }));
    svg.setAttribute('aria-label', `last hour, highest ${Number(top.toFixed(1))}`);
    svg.dataset.max = String(Math.max(...values));
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
        attention($('attention'), ops.attention);
        chart($('chart-throughput'), ops.history, (m) => m.processedPerSecond);
        chart($('chart-lag'), ops.history, (m) => m.lag);
        chart($('chart-dead-letters'), ops.history, (m) => m.deadLetters);
        $('sources').textContent = 'from: ' + ops.sources.join(', ') + ' — refreshed ' + new Date().toISOString();
    } catch (e) {
        show($('message'), e.message, false);
    }
}

refresh();
setInterval(refresh, 5000);
