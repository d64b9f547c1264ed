// Tests of hrm-crypto.js's owner requests under `node --test`: key rotation (routine and lost key), owner-signed
// erasure, new key files. The frozen Java fixtures (contracts/src/test/resources/fixtures, made by AuthorityFixtures
// from fixed keys) must verify with the bytes this file computes; HrmCryptoInteropTest checks the other direction.
import assert from 'node:assert/strict';
import { createECDH } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import * as hrm from '../../main/resources/static/js/hrm-crypto.js';

const fixture = (name) => JSON.parse(readFileSync(
    new URL(`../../../../contracts/src/test/resources/fixtures/${name}.v2.json`, import.meta.url), 'utf8'));
const scalar = (byte) => new Uint8Array(32).fill(byte);
const publicOf = (d) => {
    const ecdh = createECDH('prime256v1');
    ecdh.setPrivateKey(Buffer.from(d));
    return new Uint8Array(ecdh.getPublicKey());
};
const keysOf = (partyId, byte) => hrm.importPartyKeys(partyId, publicOf(scalar(byte)), scalar(byte));
/** A canonical text field: u32be(length) || utf8. */
const field = (text) => {
    const bytes = hrm.utf8Encode(text);
    const n = bytes.length;
    return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255, ...bytes];
};

describe('key rotation', () => {
    it('verifies the frozen Java rotation: proof by the new key, signature by the previous one', async () => {
        const rotation = fixture('PartyKeyRotated');
        assert.deepEqual(hrm.base64Decode(rotation.previousPublicKey), publicOf(scalar(0x11)));
        const signed = hrm.keyRotationSignedBytes(rotation);
        assert.ok(await hrm.verifySignature(rotation.newPublicKey, signed, rotation.proofOfPossession));
        assert.ok(await hrm.verifySignature(rotation.previousPublicKey, signed, rotation.previousKeySignature));
        const later = hrm.keyRotationSignedBytes({ ...rotation, rotatedAt: '2026-11-27T09:00:01Z' });
        assert.equal(await hrm.verifySignature(rotation.previousPublicKey, later, rotation.previousKeySignature), false);
    });

    it('signs a routine rotation with both keys and a lost-key rotation with the new key only', async () => {
        const old = await keysOf('patient-alice', 0x21);
        const { keys: next, keyFile } = await hrm.generatePartyKeys('patient-alice');
        const rotation = await hrm.signKeyRotation(old, next, '2026-11-27T09:00:00.500Z');
        const signed = hrm.keyRotationSignedBytes(rotation);
        assert.equal(rotation.rotatedAt, '2026-11-27T09:00:00.500Z');
        assert.ok(await hrm.verifySignature(next.publicKey, signed, rotation.proofOfPossession));
        assert.ok(await hrm.verifySignature(old.publicKey, signed, rotation.previousKeySignature));

        const lost = await hrm.proveLostKeyRotation('patient-alice', old.publicKey, next);
        assert.equal(lost.previousKeySignature, undefined);
        assert.ok(await hrm.verifySignature(next.publicKey, hrm.keyRotationSignedBytes(lost), lost.proofOfPossession));

        const reloaded = await hrm.parseKeyFile(keyFile);
        assert.deepEqual(reloaded.publicKey, next.publicKey);
    });

    it('refuses a new key of another party or the same key again', async () => {
        const old = await keysOf('patient-alice', 0x21);
        const other = (await hrm.generatePartyKeys('patient-bob')).keys;
        await assert.rejects(hrm.signKeyRotation(old, other), (e) => e.code === 'BAD_KEYS');
        await assert.rejects(hrm.signKeyRotation(old, old), (e) => e.code === 'BAD_KEYS');
    });
});

describe('owner-signed erasure', () => {
    it('verifies the frozen Java erasure request under the owner key', async () => {
        const erasure = fixture('ErasureRequested');
        const alice = publicOf(scalar(0x21));
        assert.ok(await hrm.verifySignature(alice, hrm.erasureSignedBytes(erasure), erasure.ownerSignature));
        const { recordId, ...all } = erasure;
        assert.equal(await hrm.verifySignature(alice, hrm.erasureSignedBytes(all), erasure.ownerSignature), false);
    });

    it('writes an absent record id as an empty field (every record of the owner)', () => {
        const bytes = hrm.erasureSignedBytes({
            requestId: '9c1185a5-c5e9-4f2c-8b0e-2f6ae4bb1c2d',
            domain: 'PATIENT',
            ownerId: 'patient-alice',
            requestedAt: '2026-11-26T09:00:00.000Z',
        });
        const expected = [
            ...field('hrm/erasure-requested/v2'), ...field('9c1185a5-c5e9-4f2c-8b0e-2f6ae4bb1c2d'), ...field('PATIENT'),
            ...field('patient-alice'), 0, 0, 0, 0, ...field('2026-11-26T09:00:00Z'),
        ];
        assert.deepEqual([...bytes], expected);
    });

    it('signs for the loaded owner only what it was asked to erase', async () => {
        const alice = await keysOf('patient-alice', 0x21);
        const request = { requestId: '9c1185a5-c5e9-4f2c-8b0e-2f6ae4bb1c2d', domain: 'PATIENT' };
        const all = await hrm.signErasure(alice, request);
        assert.equal(all.ownerId, 'patient-alice');
        assert.equal('recordId' in all, false);
        assert.ok(await hrm.verifySignature(alice.publicKey, hrm.erasureSignedBytes(all), all.ownerSignature));
        const narrowed = { ...all, recordId: '1b4e28ba-2fa1-41d2-883f-0016d3cca427' };
        assert.equal(
            await hrm.verifySignature(alice.publicKey, hrm.erasureSignedBytes(narrowed), all.ownerSignature), false);
        await assert.rejects(hrm.signErasure(alice, { ...request, recordId: 'not-a-uuid' }), (e) => e.code === 'BAD_FIELD');
    });
});
