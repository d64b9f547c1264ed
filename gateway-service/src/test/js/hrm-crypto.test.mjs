// Tests of hrm-crypto.js under `node --test` (Node.js 20+, no network). Java<->JS interop is in
// HrmCryptoInteropTest; these cover the RFC 9180 vector, the wire-format conformance vectors, key files, tampering
// and consent signing.
import assert from 'node:assert/strict';
import { createECDH } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it, before } from 'node:test';
import * as hrm from '../../main/resources/static/js/hrm-crypto.js';
import { RECORD_ID, REQUEST_ID, clear, flipped, newParty, newRecord, released, signProvenance } from './test-records.mjs';

// The suite's RFC 9180 vector, the copy the crypto module's HpkeTest reads.
const vector = JSON.parse(
    readFileSync(new URL('../../../../crypto/src/test/resources/vectors/hpke-base-p256-sha256-aes256gcm.json', import.meta.url), 'utf8'),
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

// The conformance vectors of docs/wire-format.md, derived independently in Python (derive_vectors.py there) and
// checked by the Java tests too.
const conformance = (name) => JSON.parse(
    readFileSync(new URL(`../../../../docs/wire-format/vectors/${name}`, import.meta.url), 'utf8'),
);
const partyOf = (partyId, key) => hrm.importPartyKeys(partyId, hex(key.publicKey), hex(key.privateKey));

for (const file of ['record-v1.json', 'record-v2.json']) {
    describe(`conformance vector ${file}`, () => {
        const v = conformance(file);
        const { inputs, expected } = v;
        let owner;
        let author;
        let grantee;
        before(async () => {
            owner = await partyOf(inputs.ownerId, inputs.owner);
            author = await partyOf(inputs.authorId, inputs.author);
            grantee = await partyOf(inputs.grantee.partyId, inputs.grantee);
        });
        const submitted = () => ({
            recordId: inputs.recordId,
            domain: inputs.domain,
            ownerId: inputs.ownerId,
            authorId: inputs.authorId,
            innerCiphertext: hrm.base64Encode(hex(expected.C1)),
            shares: expected.shares.map((s) => ({ readerId: s.readerId, share: hrm.base64Encode(hex(s.share)) })),
            authorSignature: hrm.base64Encode(hex(expected.authorSignature)),
        });
        const clearFor = (share) => ({ ...submitted(), share: { readerId: share.readerId, share: hrm.base64Encode(hex(share.share)) } });

        it('opens for the owner, the author and the grantee and gives the plaintext', async () => {
            for (const [keys, share] of [[owner, expected.shares[0]], [author, expected.shares[1]], [grantee, expected.granteeShare]]) {
                assert.equal(toHex(await hrm.decryptRecord(clearFor(share), keys)), inputs.plaintext);
                assert.equal(toHex(await hrm.openShare(clearFor(share).share, inputs.recordId, keys)), expected.sharePlaintext);
            }
        });

        it('computes the provenance signed bytes and verifies the author\'s signature', async () => {
            assert.equal(toHex(await hrm.provenanceSignedBytes(submitted())), expected.provenanceSignedBytes);
            assert.equal(await hrm.verifyProvenance(submitted(), author.publicKey), true);
            const reauthored = hrm.verifyProvenance({ ...submitted(), authorId: 'hospital-b' }, author.publicKey);
            if (inputs.envelopeVersion === 2) {
                await rejectsWith(reauthored, 'PROVENANCE_INVALID');
            } else {
                // v1 does not sign the author id: a reader checks the signature against the claimed author's key.
                assert.equal(await reauthored, true);
            }
        });

        it('rewraps the owner\'s share to the grantee byte for byte from the same ephemeral key', async () => {
            const rewrapped = await hrm.rewrapShare(clearFor(expected.shares[0]).share, inputs.recordId, owner,
                { partyId: grantee.partyId, publicKey: grantee.publicKey }, { ikmE: hex(inputs.randomness.ikmE[grantee.partyId]) });

            assert.equal(toHex(hrm.base64Decode(rewrapped.share)), expected.granteeShare.share);
        });

        if (inputs.envelopeVersion === 2) {
            it('encrypts to the vector\'s C1 and shares (ECDSA in WebCrypto is randomised: the signature verifies)', async () => {
                const record = await hrm.encryptRecord({
                    recordId: inputs.recordId, domain: inputs.domain, ownerId: inputs.ownerId, author,
                    plaintext: hex(inputs.plaintext), readers: [{ partyId: owner.partyId, publicKey: owner.publicKey }],
                }, {
                    salt: hex(inputs.randomness.salt), nonce: hex(inputs.randomness.nonce),
                    ikmE: Object.fromEntries(Object.entries(inputs.randomness.ikmE).map(([k, x]) => [k, hex(x)])),
                });

                assert.equal(toHex(hrm.base64Decode(record.innerCiphertext)), expected.C1);
                assert.deepEqual(record.shares, submitted().shares);
                assert.equal(await hrm.verifyProvenance(record, author.publicKey), true);
            });
        }
    });
}

describe('conformance vectors released-v2.json and submission-v2.json', () => {
    const v = conformance('released-v2.json');
    const record = conformance('record-v2.json');
    let requester;
    before(async () => {
        requester = await partyOf(v.inputs.requesterId, v.inputs.requester);
    });
    const releasedEvent = () => ({
        requestId: v.inputs.requestId, recordId: v.inputs.recordId, domain: 'PATIENT', requesterId: v.inputs.requesterId,
        sealedInnerCiphertext: hrm.base64Encode(hex(v.expected.sealedInnerCiphertext)),
        share: { readerId: v.inputs.requesterId, share: hrm.base64Encode(hex(record.expected.granteeShare.share)) },
        releasedAt: '2026-12-04T09:31:00Z',
    });

    it('seals C1 to the requester byte for byte and opens it back', async () => {
        const { enc, ciphertext } = await hrm.hpkeSealBase(hex(v.inputs.requester.publicKey), hex(v.expected.info),
            hex(v.expected.aad), hex(v.inputs.C1), { ikmE: hex(v.inputs.ikmE) });

        assert.equal(toHex(enc) + toHex(ciphertext), v.expected.sealedInnerCiphertext);
        assert.equal(toHex(await hrm.openReleased(releasedEvent(), requester, { requestId: v.inputs.requestId })), v.inputs.C1);
        assert.equal(hrm.utf8Decode(await hrm.openRecord(releasedEvent(), record.inputs.ownerId, requester)), record.inputs.plaintextUtf8);
    });

    it('the worked submission verifies against its author', async () => {
        const submission = conformance('submission-v2.json');
        const author = await partyOf(record.inputs.authorId, record.inputs.author);

        assert.equal(await hrm.verifyProvenance(submission, author.publicKey), true);
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

describe('decryptRecord', () => {
    const plaintext = utf8('{"resourceType":"Observation","valueString":"BP 128/82"}');
    let alice;
    let hospital;
    let bob;
    let record;
    let v1;
    before(async () => {
        [alice, hospital, bob] = await Promise.all(['patient-alice', 'hospital-a', 'dr-bob'].map(newParty));
        record = await newRecord({ plaintext, ownerId: alice.partyId, readers: [alice, hospital] });
        v1 = await newRecord({ plaintext, ownerId: alice.partyId, readers: [alice, hospital], version: 1 });
    });

    it('decrypts v2 and v1 records for the owner and for the author', async () => {
        for (const r of [record, v1]) {
            assert.deepEqual(await hrm.decryptRecord(clear(r, alice.partyId), alice.keys), plaintext);
            assert.deepEqual(await hrm.decryptRecord(clear(r, hospital.partyId), hospital.keys), plaintext);
        }
    });

    it('rejects a flipped byte in the nonce, ciphertext or tag of C1', async () => {
        for (const index of [1, 13, record.innerCiphertext.length - 1]) {
            await rejectsWith(hrm.decryptRecord(clear(record, alice.partyId, flipped(record.innerCiphertext, index)), alice.keys),
                'INNER_AUTHENTICATION_FAILED');
        }
    });

    it('rejects a changed salt of a v1 record by the content check', async () => {
        await rejectsWith(hrm.decryptRecord(clear(v1, alice.partyId, flipped(v1.innerCiphertext, 1)), alice.keys), 'CONTENT_CHECK_FAILED');
    });

    it('rejects a v2 C1 with a v1 share and a v1 C1 with a v2 share', async () => {
        const mixed = { ...clear(record, alice.partyId), share: clear(v1, alice.partyId).share };
        const mixedBack = { ...clear(v1, alice.partyId), share: clear(record, alice.partyId).share };

        await rejectsWith(hrm.decryptRecord(mixed, alice.keys), 'SHARE_VERSION_MISMATCH');
        await rejectsWith(hrm.decryptRecord(mixedBack, alice.keys), 'SHARE_VERSION_MISMATCH');
    });

    it('rejects a record whose key was not derived from its content', async () => {
        const forged = await newRecord({
            plaintext, ownerId: alice.partyId, readers: [alice], recordKey: crypto.getRandomValues(new Uint8Array(32)),
        });

        await rejectsWith(hrm.decryptRecord(clear(forged, alice.partyId), alice.keys), 'CONTENT_CHECK_FAILED');
    });

    it('rejects a flipped byte in the share ciphertext or in its encapsulated key', async () => {
        const share = hrm.base64Decode(clear(record, alice.partyId).share.share);
        assert.equal(share.length, 145);
        for (const index of [0, 1, 40, 64, 65, 100, 144]) {
            const input = { ...clear(record, alice.partyId), share: { readerId: alice.partyId, share: hrm.base64Encode(flipped(share, index)) } };

            await rejectsWith(hrm.decryptRecord(input, alice.keys), 'SHARE_DOES_NOT_OPEN');
        }
    });

    it('rejects a share of a wrong length', async () => {
        for (const length of [112, 114, 144, 146]) {
            const input = { ...clear(record, alice.partyId), share: { readerId: alice.partyId, share: hrm.base64Encode(new Uint8Array(length)) } };

            await rejectsWith(hrm.decryptRecord(input, alice.keys), 'SHARE_DOES_NOT_OPEN');
        }
    });

    it('rejects a reader whose key does not open the share', async () => {
        await rejectsWith(hrm.decryptRecord(clear(record, alice.partyId), bob.keys), 'SHARE_FOR_OTHER_READER');
        const relabelled = clear(record, alice.partyId);
        relabelled.share = { ...relabelled.share, readerId: bob.partyId };

        await rejectsWith(hrm.decryptRecord(relabelled, bob.keys), 'SHARE_DOES_NOT_OPEN');
    });

    it('rejects a wrong record id, owner id or domain', async () => {
        const input = clear(record, alice.partyId);

        await rejectsWith(hrm.decryptRecord({ ...input, recordId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' }, alice.keys), 'SHARE_DOES_NOT_OPEN');
        await rejectsWith(hrm.decryptRecord({ ...input, ownerId: 'patient-eve' }, alice.keys), 'INNER_AUTHENTICATION_FAILED');
        await rejectsWith(hrm.decryptRecord({ ...input, domain: 'PRACTITIONER' }, alice.keys), 'INNER_AUTHENTICATION_FAILED');
    });

    it('rejects an unknown envelope version and a truncated envelope', async () => {
        const version = Uint8Array.from(record.innerCiphertext);
        version[0] = 3;

        await rejectsWith(hrm.decryptRecord(clear(record, alice.partyId, version), alice.keys), 'UNSUPPORTED_VERSION');
        await rejectsWith(hrm.decryptRecord(clear(record, alice.partyId, record.innerCiphertext.subarray(0, 28)), alice.keys), 'ENVELOPE_TRUNCATED');
        await rejectsWith(hrm.decryptRecord(clear(v1, alice.partyId, v1.innerCiphertext.subarray(0, 60)), alice.keys), 'ENVELOPE_TRUNCATED');
    });

    it('never puts plaintext, key or ciphertext into an error message', async () => {
        await assert.rejects(hrm.decryptRecord(clear(record, alice.partyId, flipped(record.innerCiphertext, 30)), alice.keys), (e) => {
            assert.equal(e.message, 'inner ciphertext failed authentication (tampered or wrong record identity)');
            return true;
        });
    });
});

describe('openRecord and openReleased (RecordReleased v2)', () => {
    const plaintext = utf8('lab result');
    let alice;
    let hospital;
    let chen;
    let record;
    before(async () => {
        [alice, hospital, chen] = await Promise.all(['patient-alice', 'hospital-a', 'dr-chen'].map(newParty));
        record = await newRecord({ plaintext, ownerId: alice.partyId, readers: [alice, hospital] });
    });

    it('opens a release for its requester and request, with the owner from the fetch response if not given', async () => {
        const event = await released(record, alice);

        assert.deepEqual(await hrm.openRecord(event, alice.partyId, alice.keys, { requestId: REQUEST_ID, recordId: RECORD_ID }), plaintext);
        assert.deepEqual(await hrm.openRecord(JSON.stringify({ ...event, ownerId: alice.partyId }), undefined, alice.keys), plaintext);
        await rejectsWith(hrm.openRecord(event, undefined, alice.keys), 'BAD_FIELD');
    });

    it('refuses an answer to another request, record or requester', async () => {
        const event = await released(record, alice);

        await rejectsWith(hrm.openRecord(event, alice.partyId, alice.keys, { requestId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' }), 'NOT_THIS_REQUEST');
        await rejectsWith(hrm.openRecord(event, alice.partyId, alice.keys, { recordId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' }), 'NOT_THIS_REQUEST');
        await rejectsWith(hrm.openRecord(event, alice.partyId, hospital.keys), 'NOT_THIS_REQUEST');
    });

    it('a release sealed to one party does not open as another\'s, nor under a changed request id', async () => {
        const event = await released(record, alice);

        await rejectsWith(hrm.openReleased({ ...event, requesterId: hospital.partyId }, hospital.keys), 'RELEASE_DOES_NOT_OPEN');
        await rejectsWith(hrm.openReleased({ ...event, requestId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' }, alice.keys), 'RELEASE_DOES_NOT_OPEN');
        const sealed = hrm.base64Decode(event.sealedInnerCiphertext);
        await rejectsWith(hrm.openReleased({ ...event, sealedInnerCiphertext: hrm.base64Encode(flipped(sealed, 80)) }, alice.keys), 'RELEASE_DOES_NOT_OPEN');
    });

    it('opens an emergency release: C1 sealed to the practitioner, the share the institution\'s', async () => {
        const event = await released(record, chen, hospital.partyId);

        assert.deepEqual(await hrm.openRecord(event, alice.partyId, chen.keys, { shareKeys: hospital.keys }), plaintext);
    });
});

describe('rewrapShare and openShare', () => {
    it('lets a grantee open the record with the v2 share the owner rewrapped, salt included', async () => {
        const [alice, hospital, chen] = await Promise.all(['patient-alice', 'hospital-a', 'dr-chen'].map(newParty));
        const plaintext = utf8('lab result');
        const record = await newRecord({ plaintext, ownerId: alice.partyId, readers: [alice, hospital] });
        const ownerShare = clear(record, alice.partyId).share;

        const granteeShare = await hrm.rewrapShare(ownerShare, RECORD_ID, alice.keys, {
            partyId: chen.partyId, publicKey: hrm.base64Encode(chen.publicKey),
        });

        assert.equal(granteeShare.readerId, 'dr-chen');
        assert.equal(hrm.base64Decode(granteeShare.share).length, 145);
        const event = { ...(await released(record, chen, alice.partyId)), share: granteeShare };
        assert.deepEqual(await hrm.openRecord(event, alice.partyId, chen.keys), plaintext);
        assert.deepEqual(
            await hrm.openShare(granteeShare, RECORD_ID, chen.keys),
            await hrm.openShare(ownerShare, RECORD_ID, alice.keys),
        );
    });

    it('rewraps a v1 record\'s share as a v1 share (its salt is in C1)', async () => {
        const [alice, chen] = await Promise.all(['patient-alice', 'dr-chen'].map(newParty));
        const record = await newRecord({ plaintext: utf8('old'), ownerId: alice.partyId, readers: [alice], version: 1 });

        const granteeShare = await hrm.rewrapShare(clear(record, alice.partyId).share, RECORD_ID, alice.keys, chen);

        assert.equal(hrm.base64Decode(granteeShare.share).length, 113);
        assert.deepEqual(await hrm.decryptRecord({ ...clear(record, alice.partyId), share: granteeShare }, chen.keys), utf8('old'));
    });

    it('refuses to rewrap a share that is not the owner\'s', async () => {
        const [alice, hospital, chen] = await Promise.all(['patient-alice', 'hospital-a', 'dr-chen'].map(newParty));
        const record = await newRecord({ plaintext: utf8('x'), ownerId: alice.partyId, readers: [alice, hospital] });
        const hospitalShare = clear(record, hospital.partyId).share;

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
            { ...submitted, innerCiphertext: hrm.base64Encode(flipped(record.innerCiphertext, 20)) },
            { ...submitted, shares: [submitted.shares[0], changedShare] },
            { ...submitted, shares: [...submitted.shares].reverse() },
            { ...submitted, ownerId: 'patient-eve' },
        ];
        for (const record of tampered) {
            await rejectsWith(hrm.verifyProvenance(record, hospital.publicKey), 'PROVENANCE_INVALID');
        }
        await rejectsWith(hrm.verifyProvenance(submitted, alice.publicKey), 'PROVENANCE_INVALID');
        await rejectsWith(hrm.verifyProvenance({ ...submitted, authorId: 'hospital-b' }, hospital.publicKey), 'PROVENANCE_INVALID');
    });

    it('verifies a v1 record\'s signature, which does not name the author', async () => {
        const [alice, hospital] = await Promise.all(['patient-alice', 'hospital-a'].map(newParty));
        const record = await newRecord({ plaintext: utf8('old'), ownerId: alice.partyId, readers: [alice, hospital], version: 1 });
        const submitted = {
            ...record,
            authorId: hospital.partyId,
            innerCiphertext: hrm.base64Encode(record.innerCiphertext),
            authorSignature: await signProvenance(record, hospital),
        };

        assert.equal(await hrm.verifyProvenance(submitted, hospital.publicKey), true);
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
