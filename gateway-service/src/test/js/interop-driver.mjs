// Runs hrm-crypto.js operations for HrmCryptoInteropTest: `node interop-driver.mjs request.json`.
// The request is {"ops": [{"op": name, "args": [...]}]}; an argument {"keyFile": text} becomes parsed party keys.
// Prints one JSON array: per op {"ok": true, "value": ...} (bytes as base64) or {"ok": false, "code", "message"}.
import { readFileSync } from 'node:fs';
import * as hrm from '../../main/resources/static/js/hrm-crypto.js';

const OPS = {
    openRecord: hrm.openRecord,
    decryptRecord: hrm.decryptRecord,
    openShare: hrm.openShare,
    rewrapShare: hrm.rewrapShare,
    verifyProvenance: hrm.verifyProvenance,
    signGrant: hrm.signGrant,
    signRevoke: hrm.signRevoke,
    parseKeyFile: hrm.parseKeyFile,
    signKeyRotation: hrm.signKeyRotation,
    proveLostKeyRotation: hrm.proveLostKeyRotation,
    signErasure: hrm.signErasure,
    keyRotationSignedBytes: hrm.keyRotationSignedBytes,
    erasureSignedBytes: hrm.erasureSignedBytes,
    // The new key file comes back too, so Java can load the key the page generated.
    generatePartyKeys: async (partyId) => (await hrm.generatePartyKeys(partyId)).keyFile,
};

async function argument(value) {
    if (value !== null && typeof value === 'object' && typeof value.keyFile === 'string') {
        return hrm.parseKeyFile(value.keyFile);
    }
    return value;
}

function output(value) {
    if (value instanceof Uint8Array) {
        return hrm.base64Encode(value);
    }
    return value && value.publicKey instanceof Uint8Array ? { ...value, publicKey: hrm.base64Encode(value.publicKey) } : value;
}

const request = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const results = [];
for (const { op, args } of request.ops) {
    try {
        const value = await OPS[op](...(await Promise.all(args.map(argument))));
        results.push({ ok: true, value: output(value) });
    } catch (e) {
        results.push({ ok: false, code: e.code ?? e.name, message: e.message });
    }
}
process.stdout.write(JSON.stringify(results));
