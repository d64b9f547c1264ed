// Tests of hrm-crypto.js verifyProvenanceWithHistory under `node --test`: the portal judges a rotated author's older
// records by the rule of the Java ProvenanceKeyRule (current key, key rotated away, key reported lost, never held).
import assert from 'node:assert/strict';
import { describe, it, before } from 'node:test';
import * as hrm from '../../main/resources/static/js/hrm-crypto.js';
import { newParty, newRecord, signProvenance } from './test-records.mjs';

const utf8 = hrm.utf8Encode;
const RETIRED = '2026-12-01T10:00:00.000000500Z';

async function rejectsWith(promise, code, startsWith) {
    await assert.rejects(promise, (e) => {
        assert.equal(e.name, 'HrmCryptoError', e.stack);
        assert.equal(e.code, code, e.message);
        if (startsWith) {
            assert.ok(e.message.startsWith(startsWith), e.message);
        }
        return true;
    });
}

describe('verifyProvenanceWithHistory', () => {
    let alice, before1, now, stranger, submitted;
    const author = (ended, retiredAt = RETIRED) => ({
        authorId: 'hospital-a',
        publicKey: now.publicKey,
        retiredKeys: [{ publicKey: hrm.base64Encode(before1.publicKey), retiredAt, ended }],
    });

    before(async () => {
        [alice, before1, now, stranger] = await Promise.all(
            ['patient-alice', 'hospital-a', 'hospital-a', 'hospital-x'].map(newParty),
        );
        const record = await newRecord({ plaintext: utf8('note'), ownerId: alice.partyId, readers: [alice, before1] });
        submitted = {
            ...record,
            authorId: 'hospital-a',
            innerCiphertext: hrm.base64Encode(record.innerCiphertext),
            authorSignature: await signProvenance(record, before1),
        };
    });

    it('accepts the current key', async () => {
        const current = { ...author('ROTATED'), publicKey: before1.publicKey, retiredKeys: [] };
        assert.equal(await hrm.verifyProvenanceWithHistory(submitted, current, null), 'current');
    });

    it('accepts a key the author rotated away, whenever the record was sealed', async () => {
        assert.equal(await hrm.verifyProvenanceWithHistory(submitted, author('ROTATED'), null), 'rotated');
        assert.equal(await hrm.verifyProvenanceWithHistory(submitted, author('ROTATED'), '2027-01-01T00:00:00Z'), 'rotated');
    });

    it('accepts a key reported lost only for a record sealed before the report', async () => {
        assert.equal(
            await hrm.verifyProvenanceWithHistory(submitted, author('REPORTED_LOST'), '2026-12-01T10:00:00.0000004Z'),
            'lost',
        );
        await rejectsWith(
            hrm.verifyProvenanceWithHistory(submitted, author('REPORTED_LOST'), RETIRED),
            'PROVENANCE_LOST_KEY',
            hrm.LOST_KEY,
        );
        await rejectsWith(
            hrm.verifyProvenanceWithHistory(submitted, author('REPORTED_LOST'), null),
            'PROVENANCE_LOST_KEY',
            hrm.LOST_KEY,
        );
    });

    it('refuses a key never proven the author\'s or whose end was not recorded', async () => {
        await rejectsWith(
            hrm.verifyProvenanceWithHistory(submitted, author('SUPERSEDED_UNATTESTED'), null),
            'PROVENANCE_KEY_NOT_ACCEPTED',
        );
        await rejectsWith(
            hrm.verifyProvenanceWithHistory(submitted, author('UNRECORDED', null), null),
            'PROVENANCE_KEY_NOT_ACCEPTED',
        );
    });

    it('refuses a signature by a key the author never held', async () => {
        const other = { ...author('ROTATED'), retiredKeys: [{ publicKey: stranger.publicKey, retiredAt: RETIRED, ended: 'ROTATED' }] };
        await rejectsWith(hrm.verifyProvenanceWithHistory(submitted, other, RETIRED), 'PROVENANCE_INVALID');
        await rejectsWith(
            hrm.verifyProvenanceWithHistory({ ...submitted, ownerId: 'patient-eve' }, author('ROTATED'), null),
            'PROVENANCE_INVALID',
        );
    });
});
