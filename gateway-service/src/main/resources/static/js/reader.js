// Opening a record in the browser: fetch through the gateway, then decrypt and verify with hrm-crypto.js.
import { decryptRecord, openReleased, utf8Decode, verifyProvenanceWithHistory } from './hrm-crypto.js';
import { fetchRecord, show } from './api.js';
import { clearRecord, renderRecord } from './fhir-render.js';

/** Why the page shows a warning instead of a record's text: its provenance did not verify. */
export class UnverifiedRecord extends Error {}

/**
 * Fetches, decrypts and verifies one record with the reader's keys: {text, provenance}. The release must answer the
 * request this page made (request id, record, reader); the text is returned only if the author's signature verifies
 * against a key the directory says the author held (verifyProvenanceWithHistory), otherwise this throws
 * UnverifiedRecord.
 */
export async function readRecord(recordId, readerKeys, earlierKeys = []) {
    const answer = await fetchRecord(recordId);
    const released = answer.released;
    const innerCiphertext = await openReleased(released, readerKeys, { requestId: answer.askedRequestId, recordId });
    // Verified before decryption: content whose author cannot be confirmed is never decrypted into the page.
    const provenance = await provenanceOf(answer, innerCiphertext);
    const plaintext = await decryptWithShareKey({ ...released, ownerId: answer.ownerId, innerCiphertext },
        [readerKeys, ...earlierKeys]);
    try {
        return { text: utf8Decode(plaintext), provenance };
    } finally {
        plaintext.fill(0);
    }
}

/**
 * The release is sealed to the reader's current key, but a record written before a key rotation carries a key share
 * wrapped to the key the reader held then: each key in turn, current first.
 */
async function decryptWithShareKey(record, keyRing) {
    let refused = null;
    for (const keys of keyRing) {
        try {
            return await decryptRecord(record, keys);
        } catch (e) {
            if (e.code !== 'SHARE_DOES_NOT_OPEN') {
                throw e;
            }
            refused = e;
        }
    }
    throw new Error(keyRing.length > 1
        ? `${refused.message}, nor with the earlier keys loaded`
        : `${refused.message}; if you replaced your key since this record was written, load the earlier key file too`);
}

async function provenanceOf(answer, innerCiphertext) {
    const p = answer.provenance;
    if (!p || !p.authorPublicKey) {
        throw new UnverifiedRecord('the author\'s key is not in the directory, so who wrote this record cannot be checked');
    }
    let key;
    try {
        // The author's earlier keys count too (a record outlives key rotations), by the SDK's rule.
        key = await verifyProvenanceWithHistory({
            recordId: answer.released.recordId,
            domain: answer.released.domain,
            ownerId: answer.ownerId,
            authorId: p.authorId,
            innerCiphertext,
            shares: p.shares,
            authorSignature: p.authorSignature,
        }, { authorId: p.authorId, publicKey: p.authorPublicKey, retiredKeys: p.authorRetiredKeys }, p.sealedAt);
    } catch (e) {
        throw new UnverifiedRecord(e.code === 'PROVENANCE_INVALID'
            ? `the author's signature does not verify (${e.message})`
            : e.message);
    }
    return key === 'current'
        ? `signed by ${p.authorId}, unchanged since`
        : `signed by ${p.authorId} with an earlier key of theirs, unchanged since`;
}

/**
 * Opens a record into the page's "opened" section (#opened, #opened-id, #opened-provenance, #rendered, #plaintext): a
 * FHIR resource that fhir-render.js knows is rendered into #rendered (its raw JSON one click away there), any other
 * text is shown as it is in #plaintext.
 */
export async function openInto(recordId, readerKeys, message, earlierKeys = []) {
    const $ = (id) => document.getElementById(id);
    $('opened').hidden = true;
    $('plaintext').textContent = '';
    clearRecord($('rendered'));
    try {
        if (!readerKeys) {
            throw new Error('load your key file first');
        }
        const { text, provenance } = await readRecord(recordId, readerKeys, earlierKeys);
        $('opened').hidden = false;
        $('opened-id').textContent = recordId;
        $('opened-provenance').textContent = provenance;
        const rendered = renderRecord($('rendered'), text);
        $('plaintext').hidden = rendered;
        $('plaintext').textContent = rendered ? '' : text;
        show(message, 'record decrypted in this page', true);
    } catch (e) {
        if (e instanceof UnverifiedRecord) {
            $('opened').hidden = false;
            $('opened-id').textContent = recordId;
            $('opened-provenance').textContent = `WARNING: not shown. ${e.message}. This may not be the record that was written.`;
            show(message, `provenance check failed for ${recordId}: the record is not shown`, false);
            return;
        }
        const kind = e.status === 410 ? 'gone (410)' : e.status === 403 ? 'denied (403)' : 'cannot open';
        show(message, `${kind} ${recordId}: ${e.message}`, false);
    }
}
