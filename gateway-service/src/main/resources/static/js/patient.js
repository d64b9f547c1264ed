import { rewrapShare, signErasure, signGrant, signRevoke } from './hrm-crypto.js';
import { call, escapeHtml, logout, requireRole, show } from './api.js';
import { keyFileInput } from './keys.js';
import { openInto } from './reader.js';
import { rotationControls } from './rotation.js';

const me = requireRole('patient');
const $ = (id) => document.getElementById(id);
const message = $('message');
const erasures = [];
let keys = null;
let earlierKeys = [];
let records = [];

$('who').textContent = me.partyId;
$('logout').addEventListener('click', logout);
$('refresh').addEventListener('click', refresh);
$('history-refresh').addEventListener('click', history);
$('history-export').addEventListener('click', exportHistory);
$('erase-all').addEventListener('click', () => erase(null));
keyFileInput($('key-file'), $('key-status'), me.partyId, (current, earlier) => {
    keys = current;
    earlierKeys = earlier;
});
rotationControls(me.partyId, () => ({ current: keys, earlier: earlierKeys }), (next, replaced) => {
    keys = next;
    earlierKeys = replaced ? [replaced, ...earlierKeys] : earlierKeys;
    $('key-status').textContent = `new key of ${me.partyId} in use`
        + (earlierKeys.length ? `, with ${earlierKeys.length} earlier key(s) for older records` : '');
});

async function refresh() {
    try {
        records = (await call('GET', `/api/owners/${me.partyId}/records`)).body;
        $('records').innerHTML = records.map(row).join('');
        for (const button of document.querySelectorAll('#records button')) {
            button.addEventListener('click', () => ACTIONS[button.dataset.action](button.dataset.record));
        }
        await grants();
        await history();
    } catch (e) {
        show(message, e.message, false);
    }
}

function row(r) {
    const tx = r.transactionHash
        ? `<span class="mono" title="block ${r.blockNumber}, contract ${escapeHtml(r.contractAddress)}">${escapeHtml(r.transactionHash)}</span>`
        : '';
    const actions = (r.status === 'erased' ? ['open'] : ['open', 'share', 'erase'])
        .map((a) => `<button data-action="${a}" data-record="${r.recordId}">${a}</button>`).join('');
    return `<tr data-record="${r.recordId}"><td class="mono">${r.recordId}</td><td>${escapeHtml(r.category)}</td>`
        + `<td>${escapeHtml(r.authorId)}</td><td class="status-${r.status}">${r.status}</td><td>${tx}</td>`
        + `<td>${actions}</td></tr>`;
}

function needKeys() {
    if (!keys) {
        throw new Error('load your key file first');
    }
    return keys;
}

function open(recordId) {
    return openInto(recordId, keys, message, earlierKeys);
}

async function share(recordId) {
    try {
        const record = records.find((r) => r.recordId === recordId);
        const granteeId = $('grantee').value.trim();
        const grantee = (await call('GET', `/api/parties/${encodeURIComponent(granteeId)}`)).body;
        const wrapped = await rewrapShare(record.ownerShare, recordId, needKeys(), grantee);
        const now = new Date();
        const grant = await signGrant(keys, {
            grantId: crypto.randomUUID(),
            domain: record.domain,
            granteeId,
            scope: { recordIds: [recordId] },
            purpose: 'TREAT',
            validFrom: now,
            expiresAt: new Date(now.getTime() + Number($('grant-days').value) * 86400000),
            shares: [{ recordId, share: wrapped }],
        });
        await call('POST', '/api/grants', grant);
        show(message, `granted ${granteeId} access to ${recordId}`, true);
        setTimeout(grants, 1500);
    } catch (e) {
        show(message, 'grant failed: ' + e.message, false);
    }
}

async function grants() {
    const domains = [...new Set(records.map((r) => r.domain))];
    const rows = [];
    for (const domain of domains.length ? domains : ['PATIENT']) {
        const standing = (await call('GET', `/api/owners/${me.partyId}/grants?domain=${domain}`)).body;
        for (const g of standing.grantees) {
            const scope = g.scope.recordIds.length ? g.scope.recordIds.join(', ') : 'category ' + g.scope.category;
            rows.push(`<tr data-grant="${g.grantId}"><td>${escapeHtml(g.granteeId)}</td><td class="mono">${g.grantId}</td>`
                + `<td class="mono">${escapeHtml(scope)}</td><td>${g.expiresAt}</td>`
                + `<td><button data-grant="${g.grantId}" data-domain="${domain}">revoke</button></td></tr>`);
        }
    }
    $('grants').innerHTML = rows.join('');
    for (const button of document.querySelectorAll('#grants button')) {
        button.addEventListener('click', () => revoke(button.dataset.grant, button.dataset.domain));
    }
}

async function revoke(grantId, domain) {
    try {
        const revocation = await signRevoke(needKeys(), grantId, domain);
        await call('POST', `/api/grants/${grantId}/revocation`, revocation);
        show(message, `grant ${grantId} revoked`, true);
        setTimeout(grants, 1500);
    } catch (e) {
        show(message, 'revocation failed: ' + e.message, false);
    }
}

async function erase(recordId) {
    const what = recordId ? `record ${recordId}` : 'ALL your records';
    if (!window.confirm(`Erase ${what}? Its keys are destroyed; this cannot be undone.`)) {
        return;
    }
    try {
        const domain = recordId ? records.find((r) => r.recordId === recordId).domain : 'PATIENT';
        const body = recordId ? { domain, recordId } : { domain };
        // With the key loaded, the owner signs the request here; without it, the gateway attests the login.
        if (keys) {
            const signed = await signErasure(keys, { requestId: crypto.randomUUID(), domain, recordId });
            Object.assign(body, {
                requestId: signed.requestId,
                requestedAt: signed.requestedAt,
                ownerSignature: signed.ownerSignature,
            });
        }
        const erasure = (await call('POST', `/api/owners/${me.partyId}/erasures`, body)).body;
        erasures.push(erasure.requestId);
        show(message, `erasure of ${what} requested, ${AUTHORIZED_BY[erasure.authorizedBy]}`, true);
        followErasures();
    } catch (e) {
        show(message, 'erasure failed: ' + e.message, false);
    }
}

async function followErasures() {
    const rows = [];
    let waiting = false;
    for (const requestId of erasures) {
        const e = (await call('GET', `/api/erasures/${requestId}`)).body;
        waiting ||= !e.receipt;
        const receipt = e.receipt ? `<a href="#" data-receipt="${requestId}">download receipt</a>` : 'waiting';
        rows.push(`<tr data-erasure="${requestId}"><td class="mono">${requestId}</td>`
            + `<td class="mono">${(e.recordIds.length ? e.recordIds : [e.recordId ?? 'all']).join(', ')}</td>`
            + `<td>${AUTHORIZED_BY[e.authorizedBy] ?? escapeHtml(e.authorizedBy)}</td>`
            + `<td>${e.stage}</td><td>${receipt}</td></tr>`);
    }
    $('erasures').innerHTML = rows.join('');
    for (const link of document.querySelectorAll('#erasures a[data-receipt]')) {
        link.addEventListener('click', (event) => {
            event.preventDefault();
            downloadReceipt(link.dataset.receipt);
        });
    }
    if (waiting) {
        setTimeout(followErasures, 1000);
    } else {
        refresh();
    }
}

async function downloadReceipt(requestId) {
    const response = await fetch(`/api/erasures/${requestId}/receipt`, {
        headers: { Authorization: 'Bearer ' + me.token },
    });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `erasure-receipt-${requestId}.json`;
    link.click();
}

async function history() {
    const events = (await call('GET', `/api/owners/${me.partyId}/access-history`)).body;
    $('history').innerHTML = events.slice(0, 50).map((e) => `<tr><td>${e.recorded}</td>`
        + `<td>${escapeHtml(e.agent.map((a) => `${a.who} (${a.role})`).join(', '))}</td>`
        + `<td>${escapeHtml(e.subtype ?? '')} ${escapeHtml(e.action)}${e.emergency ? ' EMERGENCY' : ''}</td>`
        + `<td>${e.outcome === '0' ? 'ok' : 'denied'}: ${escapeHtml(e.outcomeDesc)}</td>`
        + `<td class="mono">${escapeHtml(e.entity.filter((x) => x.kind === 'record').map((x) => x.what).join(', '))}</td></tr>`)
        .join('');
}

/** Downloads the history as anchored on chain (with proofs), for ./hrm verify-chain --audit FILE. */
async function exportHistory() {
    const response = await fetch(`/api/owners/${me.partyId}/access-history/export`, {
        headers: { Authorization: 'Bearer ' + me.token },
    });
    if (!response.ok) {
        show(message, `export failed: ${response.status}`, false);
        return;
    }
    const link = document.createElement('a');
    link.href = URL.createObjectURL(await response.blob());
    link.download = `access-history-${me.partyId}.json`;
    link.click();
}

const AUTHORIZED_BY = {
    'owner-signature': 'signed with your key in this page',
    'gateway-attestation': 'no key loaded: the gateway vouched for your login',
    unsigned: 'unsigned (the vault refuses it)',
};

const ACTIONS = { open, share, erase };
refresh();
