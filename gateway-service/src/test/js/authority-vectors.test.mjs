// The signed-event conformance vectors of docs/wire-format/vectors (derived in Python from
// docs/wire-format/authority-events.md alone) checked in the browser's terms, under `node --test`: for every
// structure the portal makes or checks, the canonical bytes equal the vector's, the vector's signatures verify with
// WebCrypto, and one flipped byte makes them fail. Where hrm-crypto.js has no builder for a structure (registration,
// rotation, access and erasure requests), the bytes are built here from the document.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as hrm from '../../main/resources/static/js/hrm-crypto.js';

const vector = (name) => JSON.parse(
    readFileSync(new URL(`../../../../docs/wire-format/vectors/${name}`, import.meta.url), 'utf8'),
);
const hex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes) => Buffer.from(bytes).toString('hex');

// authority-events.md, "Canonical bytes": every field u32be(length) || bytes, the label first.
const u32 = (n) => Uint8Array.of(n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255);
const raw = (bytes) => Buffer.concat([u32(bytes.length), bytes]);
const text = (s) => raw(hrm.utf8Encode(s));
const opt = (s) => (s == null || s.trim() === '' ? raw(new Uint8Array(0)) : text(s));
const time = (iso) => text(hrm.javaInstant(iso));
const b64 = (s) => hrm.base64Decode(s);
const canonical = (label, ...fields) => new Uint8Array(Buffer.concat([text(label), ...fields]));

const flipped = (bytes, index) => {
    const copy = Uint8Array.from(bytes);
    copy[index] ^= 1;
    return copy;
};

/** The canonical bytes of each structure, from the document (hrm-crypto.js's own builder where it has one). */
const SIGNED_BYTES = {
    PartyRegistered: (f) => canonical('hrm/party-registered/v2', text(f.partyId), text(f.kind), opt(f.institutionId),
        raw(b64(f.publicKey)), time(f.registeredAt)),
    PartyKeyRotated: (f) => canonical('hrm/party-key-rotated/v2', text(f.partyId), raw(b64(f.previousPublicKey)),
        raw(b64(f.newPublicKey)), time(f.rotatedAt)),
    AccessRequested: (f) => canonical('hrm/access-requested/v2', text(f.requestId), text(f.recordId), text(f.domain),
        text(f.requesterId), text(f.purpose), opt(f.emergencyReason), time(f.requestedAt)),
    ErasureRequested: (f) => canonical('hrm/erasure-requested/v2', text(f.requestId), text(f.domain), text(f.ownerId),
        opt(f.recordId), time(f.requestedAt)),
    ConsentGranted: (f) => hrm.grantSignedBytes(f),
    ConsentRevoked: (f) => hrm.revokeSignedBytes(f),
};
const vouchBytes = (f) => canonical('hrm/institution-vouch/v2', text(f.partyId), text(f.kind), opt(f.institutionId),
    raw(b64(f.publicKey)));
const attestationBytes = (a) => canonical('hrm/attestation/v2', text(a.attesterKeyId), text(a.subjectId),
    text(a.purpose), raw(b64(a.boundDigest)), time(a.issuedAt));

const FILES = ['party-registered.json', 'party-key-rotated.json', 'access-requested.json', 'erasure-requested.json',
    'consent-granted.json', 'consent-revoked.json'];

for (const file of FILES) {
    const v = vector(file);
    const publicKey = (name) => hex(v.keys[name].publicKey);
    for (const c of v.cases) {
        describe(`${file}: ${c.name}`, () => {
            const { inputs, expected } = c;
            const signed = () => SIGNED_BYTES[v.structure](inputs.fields);
            const signatures = () => Object.entries(inputs.signers).map(([field, signer]) => ({
                field,
                key: publicKey(signer),
                message: field === 'institutionSignature' ? vouchBytes(inputs.fields) : signed(),
                signature: hex(expected.signatures[field]),
            }));

            it('builds the vector\'s canonical bytes from its fields', () => {
                assert.equal(toHex(signed()), expected.signedBytes);
                if (expected.vouchBytes) {
                    assert.equal(toHex(vouchBytes(inputs.fields)), expected.vouchBytes);
                }
            });

            it('verifies every signature of the vector, and none with one byte flipped', async () => {
                for (const { field, key, message, signature } of signatures()) {
                    assert.equal(await hrm.verifySignature(key, message, signature), true, field);
                    assert.equal(hrm.base64Encode(signature), expected.event[field]);
                    for (let i = 0; i < message.length; i += Math.max(1, Math.floor(message.length / 8))) {
                        assert.equal(await hrm.verifySignature(key, flipped(message, i), signature), false, `${field} byte ${i}`);
                    }
                    assert.equal(await hrm.verifySignature(key, message, flipped(signature, 40)), false, field);
                }
            });

            if (expected.attestation) {
                it('the attestation is bound to the signed bytes and verifies under the gateway key', async () => {
                    const a = expected.event.attestation;
                    const gateway = hex(vector('attestation.json').keys['gateway-attestation'].publicKey);
                    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', signed()));

                    assert.equal(toHex(digest), expected.attestation.boundDigest);
                    assert.equal(toHex(attestationBytes(a)), expected.attestation.signedBytes);
                    assert.equal(await hrm.verifySignature(gateway, attestationBytes(a), b64(a.signature)), true);
                    assert.equal(await hrm.verifySignature(gateway, flipped(attestationBytes(a), 70), b64(a.signature)), false);
                });
            }
        });
    }
}

describe('consent-granted.json and consent-revoked.json: the portal\'s signers make the same statements', () => {
    const alice = () => {
        const key = vector('consent-granted.json').keys['patient-alice'];
        return hrm.importPartyKeys('patient-alice', hex(key.publicKey), hex(key.privateKey));
    };

    it('signGrant writes the vector\'s fields and a signature (randomised in WebCrypto) over its bytes', async () => {
        for (const c of vector('consent-granted.json').cases) {
            const f = c.inputs.fields;
            const keys = await alice();

            const grant = await hrm.signGrant(keys, { ...f, shares: f.shares.map((s) => ({ ...s })) });

            const { ownerSignature, ...unsigned } = grant;
            assert.deepEqual(unsigned, { ...f, grantedAt: hrm.javaInstant(f.grantedAt) });
            assert.equal(toHex(hrm.grantSignedBytes(grant)), c.expected.signedBytes);
            assert.equal(await hrm.verifySignature(keys.publicKey, hex(c.expected.signedBytes), b64(ownerSignature)), true);
        }
    });

    it('signRevoke signs the vector\'s revocation bytes', async () => {
        const c = vector('consent-revoked.json').cases[0];
        const keys = await alice();

        const revoked = await hrm.signRevoke(keys, c.inputs.fields.grantId, c.inputs.fields.domain, c.inputs.fields.revokedAt);

        assert.equal(toHex(hrm.revokeSignedBytes(revoked)), c.expected.signedBytes);
        assert.equal(await hrm.verifySignature(keys.publicKey, hex(c.expected.signedBytes), b64(revoked.ownerSignature)), true);
    });
});

describe('key-file.json', () => {
    const v = vector('key-file.json');

    it('reads the vector\'s key file to its party id and public key', async () => {
        const c = v.cases[0];

        const keys = await hrm.parseKeyFile(c.expected.fileText);

        assert.equal(keys.partyId, c.inputs.partyId);
        assert.equal(toHex(keys.publicKey), v.keys[c.inputs.key].publicKey);
    });

    it('refuses the vector\'s key file whose public key is another party\'s, without quoting it', async () => {
        const c = v.cases[1];

        await assert.rejects(hrm.parseKeyFile(c.expected.fileText), (e) => {
            assert.equal(e.code, 'KEY_MISMATCH');
            assert.ok(!e.message.includes(JSON.parse(c.expected.fileText).privateKey));
            return true;
        });
    });
});

describe('record-v2.json: provenance, the signature the browser checks on every record', () => {
    it('the author\'s signature verifies over the provenance bytes, and not with one byte flipped', async () => {
        const { inputs, expected } = vector('record-v2.json');
        const author = hex(inputs.author.publicKey);
        const signed = hex(expected.provenanceSignedBytes);

        assert.equal(await hrm.verifySignature(author, signed, hex(expected.authorSignature)), true);
        assert.equal(await hrm.verifySignature(author, flipped(signed, signed.length - 1), hex(expected.authorSignature)), false);
    });
});

describe('signature.json: ECDSA edge cases', () => {
    const v = vector('signature.json');
    const publicKey = hex(v.keys['practitioner-dr-chen'].publicKey);

    it('verifies the low-S signature and its high-S twin', async () => {
        for (const c of v.valid) {
            assert.equal(await hrm.verifySignature(publicKey, hex(v.message), hex(c.signature)), true, c.name);
        }
    });

    it('never accepts a malformed signature or key (false, or a refused key)', async () => {
        for (const c of v.invalid) {
            const key = c.publicKey ? hex(c.publicKey) : publicKey;
            const verdict = await hrm.verifySignature(key, hex(v.message), hex(c.signature)).catch((e) => e.name);
            assert.ok(verdict === false || verdict === 'HrmCryptoError', `${c.name}: ${verdict}`);
        }
    });
});
