// Replacing one's key from the portal: a new key pair made in this page, the rotation signed here, the directory's
// verdict awaited. docs/security.md ("Key rotation in the portal") says what it does and does not change.
import {
    base64Decode, base64Encode, generatePartyKeys, proveLostKeyRotation, publicKeyFingerprint, signKeyRotation,
} from './hrm-crypto.js';
import { call } from './api.js';
import { directoryKey } from './keys.js';

const POLL_MS = 500;
const WAIT_MS = 60000;

/**
 * Wires the key-rotation controls (#rotate-key, #rotate-lost-key, #rotation-status, #new-key-download) for
 * `partyId`. keyRing() returns {current, earlier} (current may be null); onRotated(newKeys, replacedKeys) is called
 * once the directory accepted the new key.
 */
export function rotationControls(partyId, keyRing, onRotated) {
    const $ = (id) => document.getElementById(id);
    const status = $('rotation-status');
    const say = (text, ok = true) => {
        status.textContent = text;
        status.className = 'message ' + (ok ? 'ok' : 'error');
        status.hidden = false;
    };
    const run = async (lost) => {
        const { current } = keyRing();
        if (!lost && !current) {
            say('load your current key file first; if you lost it, use "I lost my key file"', false);
            return;
        }
        if (lost && !window.confirm('Replace your lost key? The gateway vouches that you are logged in as '
            + `${partyId}. Records written before stay readable only with the lost key file.`)) {
            return;
        }
        try {
            const registered = await directoryKey(partyId);
            if (registered === null) {
                say(`${partyId} is not registered, so there is no key to replace`, false);
                return;
            }
            if (!lost && registered !== base64Encode(current.publicKey)) {
                say('the loaded key is not your current key in the directory: load the current key file', false);
                return;
            }
            const { keys: next, keyFile } = await generatePartyKeys(partyId);
            // Saved before anything is sent: once the directory accepts the new key, this file is the only copy.
            offerDownload($('new-key-download'), keyFile, partyId);
            const rotation = lost
                ? await proveLostKeyRotation(partyId, base64Decode(registered), next)
                : await signKeyRotation(current, next);
            say('new key saved as a file; asking the directory to replace your key…');
            const sent = await call('POST', `/api/parties/${encodeURIComponent(partyId)}/key-rotations`, rotation);
            const outcome = await awaitOutcome(sent.headers.get('Location'));
            const fingerprint = await publicKeyFingerprint(next.publicKey);
            if (outcome.status === 'accepted') {
                onRotated(next, current);
                say(`key replaced (${lost ? 'lost key: the gateway attested your login' : 'signed with your previous key'}).`
                    + ` New key ${fingerprint} is in use in this page; keep the downloaded file.`
                    + ' Records written before the replacement still need the previous key file to open: keep it too.');
            } else if (outcome.status === 'refused') {
                withdrawDownload($('new-key-download'));
                say(`key replacement refused: ${outcome.reason}. Your key is unchanged; delete the new key file.`, false);
            } else {
                say('no answer from the directory yet; reload this page later and load the key file that is current', false);
            }
        } catch (e) {
            say('key replacement failed: ' + e.message, false);
        }
    };
    $('rotate-key').addEventListener('click', () => run(false));
    $('rotate-lost-key').addEventListener('click', () => run(true));
}

async function awaitOutcome(location) {
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
        const outcome = (await call('GET', location)).body;
        if (outcome.status !== 'pending' || Date.now() > deadline) {
            return outcome;
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
}

function offerDownload(link, keyFile, partyId) {
    withdrawDownload(link);
    link.href = URL.createObjectURL(new Blob([keyFile], { type: 'application/json' }));
    link.download = `${partyId}.key.${new Date().toISOString().slice(0, 10)}.json`;
    link.hidden = false;
    link.click();
}

function withdrawDownload(link) {
    if (link.href.startsWith('blob:')) {
        URL.revokeObjectURL(link.href);
    }
    link.removeAttribute('href');
    link.hidden = true;
}
