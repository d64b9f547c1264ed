// Tests of hrm-crypto.js under `node --test` (Node.js 20+, no network). Java<->JS interop is in
// HrmCryptoInteropTest; these cover the RFC 9180 vector, key files, tampering and consent signing.
import assert from 'node:assert/strict';
import { createECDH } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it, before } from 'node:test';
import * as hrm from '../../main/resources/static/js/hrm-crypto.js';
import { RECORD_ID, flipped, newParty, newRecord, released, signProvenance } from './test-records.mjs';

// The suite's RFC 9180 vector, the copy the Java SDK's HpkeVectorTest reads.
const vector = JSON.parse(
    readFileSync(new URL('../../../../client/src/test/resources/vectors/hpke-base-p256-sha256-aes256gcm.json', import.meta.url), 'utf8'),
);
const hex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));
const toHex = (bytes) => Buffer.from(bytes).toString('hex');
const utf8 = hrm.utf8Encode;

/** Asserts that the promise rejects with an HrmCryptoError of this code. */
async function rejectsWith(promise, code) {
    await assert.rejects(promise, (e) => {
        assert.equal(e.name, 'HrmCryptoError', e.stack);
        assert.equal(e.code, code, e.message);
        return true;
    });
}

describe('HPKE against the RFC 9180 vector (base, P-256, HKDF-SHA256, AES-256-GCM)', () => {
    let recipient;
    before(async () => {
        recipient = await hrm.importPartyKeys('vector-recipient', hex(vector.pkRm), hex(vector.skRm));
    });

    it('seals with ikmE to the vector enc and every ciphertext in sequence', async () => {
        const sender = await hrm.hpkeSetupBaseS(hex(vector.pkRm), hex(vector.info), { ikmE: hex(vector.ikmE) });

        assert.equal(toHex(sender.enc), vector.enc);
        for (const encryption of vector.encryptions) {
            assert.equal(toHex(await sender.seal(hex(encryption.aad), hex(encryption.pt))), encryption.ct);
        }
    });

    it('single-shot seal with ikmE gives the first encryption', async () => {
        const first = vector.encryptions[0];

        const { enc, ciphertext } = await hrm.hpkeSealBase(
            hex(vector.pkRm), hex(vector.info), hex(first.aad), hex(first.pt), { ikmE: hex(vector.ikmE) });

        assert.equal(toHex(enc), vector.enc);
        assert.equal(toHex(ciphertext), first.ct);
    });

    it('opens every vector ciphertext in sequence and derives the exported values', async () => {
        const receiver = await hrm.hpkeSetupBaseR(hex(vector.enc), recipient, hex(vector.info));

        for (const encryption of vector.encryptions) {
            assert.equal(toHex(await receiver.open(hex(encryption.aad), hex(encryption.ct))), encryption.pt);
        }
        for (const exported of vector.exports) {
            assert.equal(toHex(await receiver.export(hex(exported.exporter_context), exported.L)), exported.exported_value);
        }
    });

    it('round-trips with a random ephemeral key', async () => {
        const { enc, ciphertext } = await hrm.hpkeSealBase(recipient.publicKey, utf8('info'), utf8('aad'), utf8('secret'));

        const plaintext = await hrm.hpkeOpenBase(enc, ciphertext, recipient, utf8('info'), utf8('aad'));

        assert.equal(hrm.utf8Decode(plaintext), 'secret');
        assert.notEqual(toHex(enc), vector.enc);
    });

    it('rejects a flipped ciphertext byte, another aad or another info', async () => {
        const first = vector.encryptions[0];
        const open = (ct, info, aad) => hrm.hpkeOpenBase(hex(vector.enc), ct, recipient, info, aad);

        await assert.rejects(open(flipped(hex(first.ct), 3), hex(vector.info), hex(first.aad)));
        await assert.rejects(open(hex(first.ct), hex(vector.info), utf8('Count-9')));
        await assert.rejects(open(hex(first.ct), utf8('other info'), hex(first.aad)));
    });
});

describe('the Java SDK\'s frozen record (client RecordVectorTest, InnerLayerVectorTest)', () => {
    // Keys, ids and bytes of client/src/test/java/org/hrm/client/sdk/RecordVectorTest.java, derived there
    // independently by derive_vectors.py; the shares use ikmE 0x11..11 (owner) and 0x22..22 (author).
    const recordId = '6f1c1a52-8b4e-4d7e-9c5b-2f0a3d9e7b11';
    const plaintext = 'Blood pressure 120/80 mmHg, pulse 64.';
    const c1 = '01000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1fa0a1a2a3a4a5a6a7a8a9aaab'
        + '07d8b88218833cd0be1aa7fe607a8b7ce5b7792f2d5f6d8748bd8cf58eb24f16bc0cd0b40655058f3d5fdf01c2e95f5bc65da14ab0';
    const ownerShare = '04bc706682367d15709bae0f2a2f12435f54aa31b6770e5907afe79e72be39b2075a593671db10a4f36eae2c6268a8aed5'
        + '89d4a64cb12cc0dda078ed49ba69ad679614768aed7b24218f20121e91efe75ab1cd37d6ace1f63e2ff316c05fbdcda8d459d57531e4'
        + '72242d2ec2a41b287ceb';
    const authorShare = '0449c42cadce500426240cb217c1974ca8e310937b2a7d6e43acce12b4b31d395ebc4a7bc8897b03be18aaa6b04c8b45e7'
        + '7641144cd44c3b0aaeab10eae1e6cc41bdc78c2f3e3f5b721a36223bf9915b94bb4f8f579de314ef61bbadfc3f5480d918202303d130'
        + 'd44008e242f7f45618ca';
    const signature = 'c6cf65b07a36f4ec557ec772e2a3df471fc0269e7074fd73b9ca17bb32a5b368'
        + '7228731431805657001f9b2002ab32ad9e326ea480ea39a69f54e919b124fd31';
    const party = (partyId, privateKey) => {
        const publicKey = Uint8Array.from(createECDH('prime256v1').setPrivateKey(hex(privateKey)).getPublicKey());
        return hrm.importPartyKeys(partyId, publicKey, hex(privateKey));
    };
    let owner;
    let author;
    before(async () => {
        owner = await party('patient-0001', '36fb583492ec0cc2d88f8664424d344605635fc147e2e08c973a2c929e1901c1');
        author = await party('hospital-a/dr-lee', 'f5f004da99116497f0f65932e1fb8e503dafba33f103cdee11b9d7ab2a568372');
    });
    const event = () => ({
        recordId,
        domain: 'PATIENT',
        innerCiphertext: hrm.base64Encode(hex(c1)),
        share: { readerId: 'patient-0001', share: hrm.base64Encode(hex(ownerShare)) },
    });

    it('opens for its owner', async () => {
        assert.equal(hrm.utf8Decode(await hrm.openRecord(event(), 'patient-0001', owner)), plaintext);
    });

    it('reproduces both of its key shares byte for byte from the same ephemeral keys', async () => {
        const share = event().share;

        const again = await hrm.rewrapShare(share, recordId, owner, owner, { ikmE: new Uint8Array(32).fill(0x11) });
        const toAuthor = await hrm.rewrapShare(share, recordId, owner, author, { ikmE: new Uint8Array(32).fill(0x22) });

        assert.equal(toHex(hrm.base64Decode(again.share)), ownerShare);
        assert.deepEqual(toAuthor, { readerId: 'hospital-a/dr-lee', share: hrm.base64Encode(hex(authorShare)) });
    });

    it('verifies its author\'s provenance signature', async () => {
        const submitted = {
            recordId,
            domain: 'PATIENT',
            ownerId: 'patient-0001',
            innerCiphertext: hrm.base64Encode(hex(c1)),
            shares: [
                { readerId: 'patient-0001', share: hrm.base64Encode(hex(ownerShare)) },
                { readerId: 'hospital-a/dr-lee', share: hrm.base64Encode(hex(authorShare)) },
            ],
            authorSignature: hrm.base64Encode(hex(signature)),
        };

        assert.equal(await hrm.verifyProvenance(submitted, author.publicKey), true);
    });
});

describe('key files', () => {
    it('parses a PartyKeyFile and exposes only the party id and public key', async () => {
        const alice = await newParty('patient-alice');

        const keys = await hrm.parseKeyFile(alice.keyFile);

        assert.equal(keys.partyId, 'patient-alice');
        assert.deepEqual(keys.publicKey, alice.publicKey);
        assert.deepEqual(Object.keys(keys).sort(), ['partyId', 'publicKey']);
        assert.ok(!JSON.stringify(keys).includes(hrm.base64Encode(alice.privateKey)));
    });

    it('rejects a public key of another party without quoting the private key', async () => {
        const alice = await newParty('patient-alice');
        const mallory = await newParty('mallory');
        const file = JSON.stringify({
            partyId: 'patient-alice',
            publicKey: hrm.base64Encode(mallory.publicKey),
            privateKey: hrm.base64Encode(alice.privateKey),
        });

        await assert.rejects(hrm.parseKeyFile(file), (e) => {
            assert.equal(e.code, 'KEY_MISMATCH');
            assert.match(e.message, /does not match the private key of party patient-alice/);
            assert.ok(!e.message.includes(hrm.base64Encode(alice.privateKey)));
            return true;
        });
    });

    it('rejects malformed JSON, missing fields, bad base64 and bad lengths with clear messages', async () => {
        const alice = await newParty('patient-alice');
        const privateKey = hrm.base64Encode(alice.privateKey);
        const publicKey = hrm.base64Encode(alice.publicKey);
        const cases = [
            [`{"partyId": "a", "privateKey": "${privateKey}"`, /not valid JSON/],
            [JSON.stringify({ partyId: 'a', privateKey }), /missing field publicKey/],
            [JSON.stringify({ partyId: 'a', publicKey, privateKey: privateKey.slice(1) }), /not base64/],
            [JSON.stringify({ partyId: 'a', publicKey, privateKey: hrm.base64Encode(new Uint8Array(31)) }), /32-byte/],
            [JSON.stringify({ partyId: 'a', publicKey, privateKey: hrm.base64Encode(new Uint8Array(32)) }), /out of range/],
            [JSON.stringify({ partyId: 'a', publicKey: hrm.base64Encode(new Uint8Array(65)), privateKey }), /P-256/],
        ];

        for (const [file, message] of cases) {
            await assert.rejects(hrm.parseKeyFile(file), (e) => {
                assert.match(e.message, /^invalid party key file/);
                assert.match(e.message, message);
                assert.ok(!e.message.includes(privateKey), 'private key in the message');
                return true;
            });
        }
    });
});

describe('openRecord', () => {
    const plaintext = utf8('{"resourceType":"Observation","valueString":"BP 128/82"}');
    let alice;
    let hospital;
    let bob;
    let record;
    before(async () => {
        [alice, hospital, bob] = await Promise.all(['patient-alice', 'hospital-a', 'dr-bob'].map(newParty));
        record = await newRecord({ plaintext, ownerId: alice.partyId, readers: [alice, hospital] });
    });

    it('decrypts for the owner and for the author', async () => {
        assert.deepEqual(await hrm.openRecord(released(record, alice.partyId), alice.partyId, alice.keys), plaintext);
        const asText = JSON.stringify(released(record, hospital.partyId));
        assert.deepEqual(await hrm.openRecord(asText, alice.partyId, hospital.keys), plaintext);
    });

    it('takes the owner from the fetch response when no ownerId is given', async () => {
        const withOwner = { ...released(record, alice.partyId), ownerId: alice.partyId };

        assert.deepEqual(await hrm.openRecord(withOwner, undefined, alice.keys), plaintext);
        await rejectsWith(hrm.openRecord({ ...withOwner, ownerId: 'patient-eve' }, null, alice.keys), 'INNER_AUTHENTICATION_FAILED');
        await rejectsWith(hrm.openRecord(released(record, alice.partyId), undefined, alice.keys), 'BAD_FIELD');
    });

    it('rejects a flipped byte in the ciphertext, tag or nonce of C1', async () => {
        for (const index of [33, 45, record.innerCiphertext.length - 1]) {
            const event = { ...released(record, alice.partyId), innerCiphertext: hrm.base64Encode(flipped(record.innerCiphertext, index)) };

            await rejectsWith(hrm.openRecord(event, alice.partyId, alice.keys), 'INNER_AUTHENTICATION_FAILED');
        }
    });

    it('rejects a changed salt by the content check', async () => {
        const event = { ...released(record, alice.partyId), innerCiphertext: hrm.base64Encode(flipped(record.innerCiphertext, 1)) };

        await rejectsWith(hrm.openRecord(event, alice.partyId, alice.keys), 'CONTENT_CHECK_FAILED');
    });

    it('rejects a record whose key was not derived from its content', async () => {
        const forged = await newRecord({
            plaintext, ownerId: alice.partyId, readers: [alice], recordKey: crypto.getRandomValues(new Uint8Array(32)),
        });

        await rejectsWith(hrm.openRecord(released(forged, alice.partyId), alice.partyId, alice.keys), 'CONTENT_CHECK_FAILED');
    });

    it('rejects a flipped byte in the share ciphertext or in its encapsulated key', async () => {
        const share = hrm.base64Decode(released(record, alice.partyId).share.share);
        for (const index of [0, 1, 40, 64, 65, 100, 112]) {
            const event = released(record, alice.partyId);
            event.share = { readerId: alice.partyId, share: hrm.base64Encode(flipped(share, index)) };

            await rejectsWith(hrm.openRecord(event, alice.partyId, alice.keys), 'SHARE_DOES_NOT_OPEN');
        }
    });

    it('rejects a share of a wrong length', async () => {
        const event = released(record, alice.partyId);
        event.share = { readerId: alice.partyId, share: hrm.base64Encode(new Uint8Array(112)) };

        await rejectsWith(hrm.openRecord(event, alice.partyId, alice.keys), 'SHARE_DOES_NOT_OPEN');
    });

    it('rejects a reader whose key does not open the share', async () => {
        await rejectsWith(hrm.openRecord(released(record, alice.partyId), alice.partyId, bob.keys), 'SHARE_FOR_OTHER_READER');
        const relabelled = released(record, alice.partyId);
        relabelled.share = { ...relabelled.share, readerId: bob.partyId };

        await rejectsWith(hrm.openRecord(relabelled, alice.partyId, bob.keys), 'SHARE_DOES_NOT_OPEN');
    });

    it('rejects a wrong record id, owner id or domain', async () => {
        const otherRecord = { ...released(record, alice.partyId), recordId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' };
        const otherDomain = { ...released(record, alice.partyId), domain: 'PRACTITIONER' };

        await rejectsWith(hrm.openRecord(otherRecord, alice.partyId, alice.keys), 'SHARE_DOES_NOT_OPEN');
        await rejectsWith(hrm.openRecord(released(record, alice.partyId), 'patient-eve', alice.keys), 'INNER_AUTHENTICATION_FAILED');
        await rejectsWith(hrm.openRecord(otherDomain, alice.partyId, alice.keys), 'INNER_AUTHENTICATION_FAILED');
    });

    it('rejects an unknown envelope version and a truncated envelope', async () => {
        const version = { ...released(record, alice.partyId), innerCiphertext: hrm.base64Encode(flipped(record.innerCiphertext, 0)) };
        const truncated = { ...released(record, alice.partyId), innerCiphertext: hrm.base64Encode(record.innerCiphertext.subarray(0, 60)) };

        await rejectsWith(hrm.openRecord(version, alice.partyId, alice.keys), 'UNSUPPORTED_VERSION');
        await rejectsWith(hrm.openRecord(truncated, alice.partyId, alice.keys), 'ENVELOPE_TRUNCATED');
    });

    it('never puts plaintext, key or ciphertext into an error message', async () => {
        const event = { ...released(record, alice.partyId), innerCiphertext: hrm.base64Encode(flipped(record.innerCiphertext, 50)) };

        await assert.rejects(hrm.openRecord(event, alice.partyId, alice.keys), (e) => {
            assert.equal(e.message, 'inner ciphertext failed authentication (tampered or wrong record identity)');
            return true;
        });
    });
});

describe('rewrapShare and openShare', () => {
    it('lets a grantee open the record with the share the owner rewrapped', async () => {
        const [alice, hospital, chen] = await Promise.all(['patient-alice', 'hospital-a', 'dr-chen'].map(newParty));
        const plaintext = utf8('lab result');
        const record = await newRecord({ plaintext, ownerId: alice.partyId, readers: [alice, hospital] });
        const ownerShare = released(record, alice.partyId).share;

        const granteeShare = await hrm.rewrapShare(ownerShare, RECORD_ID, alice.keys, {
            partyId: chen.partyId, publicKey: hrm.base64Encode(chen.publicKey),
        });

        assert.equal(granteeShare.readerId, 'dr-chen');
        assert.equal(hrm.base64Decode(granteeShare.share).length, 113);
        const event = { ...released(record, alice.partyId), requesterId: chen.partyId, share: granteeShare };
        assert.deepEqual(await hrm.openRecord(event, alice.partyId, chen.keys), plaintext);
        assert.deepEqual(
            await hrm.openShare(granteeShare, RECORD_ID, chen.keys),
            await hrm.openShare(ownerShare, RECORD_ID, alice.keys),
        );
    });

    it('refuses to rewrap a share that is not the owner\'s', async () => {
        const [alice, hospital, chen] = await Promise.all(['patient-alice', 'hospital-a', 'dr-chen'].map(newParty));
        const record = await newRecord({ plaintext: utf8('x'), ownerId: alice.partyId, readers: [alice, hospital] });
        const hospitalShare = released(record, hospital.partyId).share;

        await rejectsWith(hrm.rewrapShare(hospitalShare, RECORD_ID, alice.keys, chen), 'SHARE_FOR_OTHER_READER');
        await rejectsWith(hrm.rewrapShare(hrm.base64Decode(hospitalShare.share), RECORD_ID, alice.keys, chen), 'SHARE_DOES_NOT_OPEN');
    });
});

describe('verifyProvenance', () => {
    it('accepts the author\'s signature and rejects any change to C1, a share or the identity', async () => {
        const [alice, hospital] = await Promise.all(['patient-alice', 'hospital-a'].map(newParty));
        const record = await newRecord({ plaintext: utf8('note'), ownerId: alice.partyId, readers: [alice, hospital] });
        const submitted = {
            ...record,
            authorId: hospital.partyId,
            innerCiphertext: hrm.base64Encode(record.innerCiphertext),
            authorSignature: await signProvenance(record, hospital),
        };

        assert.equal(await hrm.verifyProvenance(submitted, hospital.publicKey), true);
        const changedShare = { ...submitted.shares[1], share: hrm.base64Encode(flipped(hrm.base64Decode(submitted.shares[1].share), 70)) };
        const tampered = [
            { ...submitted, innerCiphertext: hrm.base64Encode(flipped(record.innerCiphertext, 60)) },
            { ...submitted, shares: [submitted.shares[0], changedShare] },
            { ...submitted, shares: [...submitted.shares].reverse() },
            { ...submitted, ownerId: 'patient-eve' },
        ];
        for (const record of tampered) {
            await rejectsWith(hrm.verifyProvenance(record, hospital.publicKey), 'PROVENANCE_INVALID');
        }
        await rejectsWith(hrm.verifyProvenance(submitted, alice.publicKey), 'PROVENANCE_INVALID');
    });
});

describe('consent signing', () => {
    const grantId = '7d444840-9dc0-11d1-b245-5ffdce74fad2';
    let alice;
    before(async () => {
        alice = await newParty('patient-alice');
    });

    const terms = (overrides = {}) => ({
        grantId,
        domain: 'PATIENT',
        granteeId: 'dr-chen',
        scope: { recordIds: [RECORD_ID] },
        purpose: 'TREAT',
        validFrom: '2026-11-25T10:00:00Z',
        expiresAt: new Date(Date.UTC(2026, 11, 25, 10)),
        grantedAt: '2026-11-25T11:00:00.5+01:00',
        shares: [{ recordId: RECORD_ID, share: new Uint8Array(113).fill(7) }],
        ...overrides,
    });

    it('signs a grant in the ConsentGranted JSON shape with Java Instant strings', async () => {
        const grant = await hrm.signGrant(alice.keys, terms());

        assert.deepEqual(Object.keys(grant), [
            'grantId', 'domain', 'ownerId', 'granteeId', 'scope', 'purpose', 'validFrom', 'expiresAt', 'shares',
            'grantedAt', 'ownerSignature',
        ]);
        assert.equal(grant.ownerId, 'patient-alice');
        assert.deepEqual(grant.scope, { recordIds: [RECORD_ID] });
        assert.equal(grant.expiresAt, '2026-12-25T10:00:00Z');
        assert.equal(grant.grantedAt, '2026-11-25T10:00:00.500Z');
        assert.equal(grant.shares[0].share, hrm.base64Encode(new Uint8Array(113).fill(7)));
        assert.equal(hrm.base64Decode(grant.ownerSignature).length, 64);
        assert.ok(await hrm.verifySignature(alice.publicKey, hrm.grantSignedBytes(grant), grant.ownerSignature));
        assert.ok(!(await hrm.verifySignature(alice.publicKey, hrm.grantSignedBytes({ ...grant, purpose: 'RESEARCH' }), grant.ownerSignature)));
    });

    it('signs the canonical bytes of ConsentGranted: label, then length-prefixed fields', async () => {
        const grant = await hrm.signGrant(alice.keys, terms({ scope: { category: 'Observation' }, shares: [] }));

        const fields = ['hrm/consent-granted/v1', grantId, 'PATIENT', 'patient-alice', 'dr-chen', '', 'Observation',
            'TREAT', '2026-11-25T10:00:00Z', '2026-12-25T10:00:00Z', '2026-11-25T10:00:00.500Z'];
        const expected = Buffer.concat(fields.map((f) => {
            const length = Buffer.alloc(4);
            length.writeUInt32BE(Buffer.byteLength(f));
            return Buffer.concat([length, Buffer.from(f)]);
        }));
        assert.deepEqual(Buffer.from(hrm.grantSignedBytes(grant)), expected);
        assert.deepEqual(grant.scope, { recordIds: [], category: 'Observation' });
    });

    it('refuses grants the consent-service would reject', async () => {
        const invalid = [
            terms({ granteeId: 'patient-alice' }),
            terms({ expiresAt: '2026-11-25T10:00:00Z' }),
            terms({ scope: { recordIds: [RECORD_ID], category: 'Observation' } }),
            terms({ scope: {} }),
            terms({ grantId: 'not-a-uuid' }),
            terms({ domain: 'patient' }),
            terms({ purpose: ' ' }),
            terms({ validFrom: '2026-02-30T10:00:00Z' }),
            terms({ shares: [{ recordId: RECORD_ID, share: { readerId: 'dr-eve', share: 'AAAA' } }] }),
        ];

        await rejectsWith(hrm.signGrant(alice.keys, undefined), 'BAD_FIELD');
        for (const grantTerms of invalid) {
            await rejectsWith(hrm.signGrant(alice.keys, grantTerms), grantTerms.validFrom.includes('02-30') ? 'BAD_TIME' : 'BAD_FIELD');
        }
    });

    it('signs a revocation over its canonical bytes', async () => {
        const revoked = await hrm.signRevoke(alice.keys, grantId, 'PATIENT', '2026-11-26T10:00:00.000123Z');

        assert.deepEqual(Object.keys(revoked), ['grantId', 'domain', 'ownerId', 'revokedAt', 'ownerSignature']);
        assert.equal(revoked.revokedAt, '2026-11-26T10:00:00.000123Z');
        assert.ok(await hrm.verifySignature(alice.publicKey, hrm.revokeSignedBytes(revoked), revoked.ownerSignature));
        assert.ok(!(await hrm.verifySignature(alice.publicKey, hrm.revokeSignedBytes({ ...revoked, grantId: RECORD_ID }), revoked.ownerSignature)));
    });
});

describe('publicKeyFingerprint', () => {
    it('is the first 16 bytes of SHA-256 of the point and refuses a non-point', async () => {
        const publicKey = hex(vector.pkRm);
        const digest = Buffer.from(await crypto.subtle.digest('SHA-256', publicKey)).toString('hex');

        const fingerprint = await hrm.publicKeyFingerprint(hrm.base64Encode(publicKey));

        assert.equal(fingerprint.replaceAll(':', ''), digest.slice(0, 32));
        assert.match(fingerprint, /^([0-9a-f]{4}:){7}[0-9a-f]{4}$/);
        await rejectsWith(hrm.publicKeyFingerprint(new Uint8Array(65)), 'BAD_PUBLIC_KEY');
    });
});

describe('encodings', () => {
    it('base64 round-trips every length and rejects non-canonical input', () => {
        for (let length = 0; length < 70; length++) {
            const bytes = crypto.getRandomValues(new Uint8Array(length));
            const text = hrm.base64Encode(bytes);

            assert.equal(text, Buffer.from(bytes).toString('base64'));
            assert.deepEqual(hrm.base64Decode(text), bytes);
        }
        for (const bad of ['abc', 'ab=c', 'a===', '@AAA', 'AA-_', 'AAAA====']) {
            assert.throws(() => hrm.base64Decode(bad), /not base64/);
        }
    });

    it('writes times as Java Instant.toString does', () => {
        assert.equal(hrm.javaInstant(new Date(0)), '1970-01-01T00:00:00Z');
        assert.equal(hrm.javaInstant(Date.UTC(2026, 10, 25, 10, 0, 0, 120)), '2026-11-25T10:00:00.120Z');
        assert.equal(hrm.javaInstant('2026-11-25T10:00:00.100000000Z'), '2026-11-25T10:00:00.100Z');
        assert.equal(hrm.javaInstant('2026-11-25T10:00:00.1234Z'), '2026-11-25T10:00:00.123400Z');
        assert.equal(hrm.javaInstant('2026-11-25T10:00:00.000000001Z'), '2026-11-25T10:00:00.000000001Z');
        assert.equal(hrm.javaInstant('2026-11-25T00:30:00-01:00'), '2026-11-25T01:30:00Z');
        assert.throws(() => hrm.javaInstant('2026-11-25 10:00'), /ISO-8601/);
    });

    it('utf8 round-trips and rejects malformed bytes', () => {
        assert.equal(hrm.utf8Decode(hrm.utf8Encode('Grüße ✓')), 'Grüße ✓');
        assert.throws(() => hrm.utf8Decode(Uint8Array.of(0xc3)));
    });
});
