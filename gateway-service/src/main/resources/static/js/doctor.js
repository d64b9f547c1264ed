import { call, escapeHtml, logout, requireRole, show } from './api.js';
import { keyFileInput } from './keys.js';
import { openInto } from './reader.js';
import { rotationControls } from './rotation.js';

const me = requireRole('practitioner');
const $ = (id) => document.getElementById(id);
const message = $('message');
let keys = null;
let earlierKeys = [];

$('who').textContent = me.partyId;
$('logout').addEventListener('click', logout);
$('refresh').addEventListener('click', refresh);
$('open-by-id').addEventListener('click', () => open($('record-id').value.trim()));
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
        const shared = (await call('GET', '/api/shared-with-me')).body;
        $('records').innerHTML = shared.map((r) => `<tr data-record="${r.recordId}"><td class="mono">${r.recordId}</td>`
            + `<td>${escapeHtml(r.ownerId)}</td><td>${escapeHtml(r.category)}</td><td>${escapeHtml(r.authorId)}</td>`
            + `<td><button data-record="${r.recordId}">open</button></td></tr>`).join('');
        for (const button of document.querySelectorAll('#records button')) {
            button.addEventListener('click', () => open(button.dataset.record));
        }
    } catch (e) {
        show(message, e.message, false);
    }
}

function open(recordId) {
    return openInto(recordId, keys, message, earlierKeys);
}

refresh();
