// Opening a record in the browser: fetch through the gateway, then decrypt and verify with hrm-crypto.js.
import { openRecord, utf8Decode, verifyProvenance } from './hrm-crypto.js';
import { fetchRecord } from './api.js';

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
