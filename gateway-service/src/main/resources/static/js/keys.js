// Loading the reader's key files into the page (never uploaded): each private key becomes a non-extractable CryptoKey.
// After a key rotation a party holds two or more files: the current key (what the directory lists, used to sign and
// to receive releases) and earlier keys, which still open the key shares of records written before the rotation.
import { base64Encode, parseKeyFile, publicKeyFingerprint } from './hrm-crypto.js';
import { call } from './api.js';

/**
 * Wires a file input (it may take several files): calls onKeys(current, earlier) once key files of `partyId` are
 * loaded. current: the keys the directory lists as the party's key (or the only file, when the directory cannot
 * tell); earlier: keys the party held before a rotation.
 */
export function keyFileInput(input, status, partyId, onKeys) {
    input.addEventListener('change', async () => {
        const files = [...input.files];
        if (files.length === 0) {
            return;
        }
        try {
            const loaded = [];
            for (const file of files) {
                const keys = await parseKeyFile(await file.text());
                if (keys.partyId !== partyId) {
                    status.textContent = `this key file is ${keys.partyId}'s, not ${partyId}'s`;
                    return;
                }
                loaded.push(keys);
            }
            const registered = await directoryKey(partyId);
            const current = loaded.find((k) => base64Encode(k.publicKey) === registered)
                ?? (registered === null && loaded.length === 1 ? loaded[0] : null);
            const earlier = loaded.filter((k) => k !== current);
            if (!current) {
                status.textContent = 'none of these is your current key (it was replaced): load your current key file '
                    + 'too; earlier key files only open records written before the replacement';
                return;
            }
            status.textContent = `key of ${partyId} loaded (${await publicKeyFingerprint(current.publicKey)})`
                + (earlier.length ? `, and ${earlier.length} earlier key(s) for records written before a replacement` : '');
            status.dataset.loaded = 'true';
            onKeys(current, earlier);
        } catch (e) {
            status.textContent = 'not a usable key file: ' + e.message;
        }
    });
}

/** The party's current key in the directory (base64), or null when the directory does not list the party. */
export async function directoryKey(partyId) {
    try {
        return (await call('GET', `/api/parties/${encodeURIComponent(partyId)}`)).body.publicKey;
    } catch (e) {
        if (e.status === 404) {
            return null;
        }
        throw e;
    }
}
