// Loading the reader's key file into the page (never uploaded): the private key becomes a non-extractable CryptoKey.
import { parseKeyFile, publicKeyFingerprint } from './hrm-crypto.js';

/** Wires a file input: calls onKeys(keys) once a key file for `partyId` is loaded. */
export function keyFileInput(input, status, partyId, onKeys) {
    input.addEventListener('change', async () => {
        const file = input.files[0];
        if (!file) {
            return;
        }
        try {
            const keys = await parseKeyFile(await file.text());
            if (keys.partyId !== partyId) {
                status.textContent = `this key file is ${keys.partyId}'s, not ${partyId}'s`;
                return;
            }
            status.textContent = `key of ${keys.partyId} loaded (${await publicKeyFingerprint(keys.publicKey)})`;
            status.dataset.loaded = 'true';
            onKeys(keys);
        } catch (e) {
            status.textContent = 'not a usable key file: ' + e.message;
        }
    });
}
