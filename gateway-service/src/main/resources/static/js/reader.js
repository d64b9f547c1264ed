// Opening a record in the browser: fetch through the gateway, then decrypt and verify with hrm-crypto.js.
import { openRecord, utf8Decode, verifyProvenance } from './hrm-crypto.js';
import { fetchRecord, show } from './api.js';

/** Fetches and decrypts one record with the reader's keys: {text, provenance} (provenance: who signed, or why not). */
export async function readRecord(recordId, readerKeys) {
    const answer = await fetchRecord(recordId);
    const plaintext = await openRecord(answer.released, answer.ownerId, readerKeys);
    const text = utf8Decode(plaintext);
    plaintext.fill(0);
    return { text, provenance: await provenanceOf(answer) };
}

async function provenanceOf(answer) {
    const p = answer.provenance;
    if (!p || !p.authorPublicKey) {
        return 'author key not in the directory: provenance not checked';
    }
    try {
        await verifyProvenance({
            recordId: answer.released.recordId,
            domain: answer.released.domain,
            ownerId: answer.ownerId,
            innerCiphertext: answer.released.innerCiphertext,
            shares: p.shares,
            authorSignature: p.authorSignature,
        }, p.authorPublicKey);
        return `signed by ${p.authorId}, unchanged since`;
    } catch (e) {
        return `provenance check failed: ${e.message}`;
    }
}

/** Opens a record into the page's "opened" section (#opened, #opened-id, #opened-provenance, #plaintext). */
export async function openInto(recordId, readerKeys, message) {
    const $ = (id) => document.getElementById(id);
    $('opened').hidden = true;
    try {
        if (!readerKeys) {
            throw new Error('load your key file first');
        }
        const { text, provenance } = await readRecord(recordId, readerKeys);
        $('opened').hidden = false;
        $('opened-id').textContent = recordId;
        $('opened-provenance').textContent = provenance;
        $('plaintext').textContent = text;
        show(message, 'record decrypted in this page', true);
    } catch (e) {
        const kind = e.status === 410 ? 'gone (410)' : e.status === 403 ? 'denied (403)' : 'cannot open';
        show(message, `${kind} ${recordId}: ${e.message}`, false);
    }
}
