// Test data for hrm-crypto.test.mjs: parties and records built with WebCrypto directly (not through the library
// under test), following docs/wire-format.md (envelope v1 and v2, shares, provenance, released C1).
import * as hrm from '../../main/resources/static/js/hrm-crypto.js';

const subtle = globalThis.crypto.subtle;
const utf8 = (text) => new TextEncoder().encode(text);
const fromBase64Url = (text) => Buffer.from(text, 'base64url');

export const RECORD_ID = '1b4e28ba-2fa1-41d2-883f-0016d3cca427';

/** A party with a fresh P-256 key pair, its key file text and its imported keys. */
export async function newParty(partyId) {
    const pair = await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign']);
    const jwk = await subtle.exportKey('jwk', pair.privateKey);
    const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
    const privateKey = new Uint8Array(fromBase64Url(jwk.d));
    const keyFile = JSON.stringify({
        partyId,
        publicKey: hrm.base64Encode(publicKey),
        privateKey: hrm.base64Encode(privateKey),
    });
    return { partyId, publicKey, privateKey, keyFile, keys: await hrm.parseKeyFile(keyFile) };
}

async function hkdf(ikm, salt, info) {
    const key = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
    return new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info }, key, 256));
}

function concat(...parts) {
    return Uint8Array.from(parts.flatMap((part) => [...part]));
}

/**
 * A record as the Java RecordEncryptor makes it: C1 and one share per reader, envelope v2 (salt in the shares) unless
 * version is 1 (salt in C1). `recordKey` overrides K1 (a key not derived from the content, which the content check
 * must catch).
 */
export async function newRecord({ plaintext, ownerId, domain = 'PATIENT', readers, recordKey, version = 2 }) {
    const salt = crypto.getRandomValues(new Uint8Array(32));
    const nonce = crypto.getRandomValues(new Uint8Array(12));
    const digest = new Uint8Array(await subtle.digest('SHA-256', plaintext));
    const k1 = recordKey ?? (await hkdf(digest, salt, utf8('record-key' + RECORD_ID)));
    const aesKey = await subtle.importKey('raw', k1, 'AES-GCM', false, ['encrypt']);
    const aad = concat(utf8(RECORD_ID), [0], utf8(domain), [0], utf8(ownerId));
    const sealed = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: aad }, aesKey, plaintext));
    const innerCiphertext = version === 1 ? concat([1], salt, nonce, sealed) : concat([2], nonce, sealed);
    const shares = [];
    for (const reader of readers) {
        const { enc, ciphertext } = await hrm.hpkeSealBase(
            reader.publicKey,
            utf8(`hrm/share/v${version}` + RECORD_ID),
            utf8(reader.partyId),
            version === 1 ? k1 : concat(k1, salt),
        );
        shares.push({ readerId: reader.partyId, share: hrm.base64Encode(concat(enc, ciphertext)) });
    }
    return { recordId: RECORD_ID, domain, ownerId, innerCiphertext, shares };
}

export const REQUEST_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

/** C1 and one reader's share in hand, the input of decryptRecord. */
export function clear(record, readerId, innerCiphertext = record.innerCiphertext) {
    return {
        recordId: record.recordId,
        domain: record.domain,
        ownerId: record.ownerId,
        innerCiphertext: hrm.base64Encode(innerCiphertext),
        share: record.shares.find((share) => share.readerId === readerId),
    };
}

/** The RecordReleased v2 JSON the gateway hands to one requester: C1 HPKE-sealed to it for REQUEST_ID. */
export async function released(record, requester, shareHolderId = requester.partyId) {
    const { enc, ciphertext } = await hrm.hpkeSealBase(
        requester.publicKey,
        utf8('hrm/released/v2' + REQUEST_ID),
        concat(utf8(requester.partyId), [0], utf8(record.recordId)),
        record.innerCiphertext,
    );
    return {
        requestId: REQUEST_ID,
        recordId: record.recordId,
        domain: record.domain,
        requesterId: requester.partyId,
        sealedInnerCiphertext: hrm.base64Encode(concat(enc, ciphertext)),
        share: record.shares.find((share) => share.readerId === shareHolderId),
        releasedAt: '2026-11-25T11:00:00.200Z',
    };
}

/**
 * The author's provenance signature: v2 (C1 starts with 2) label and fields all length-prefixed, authorId included;
 * v1 the raw tag, then length-prefixed fields without authorId.
 */
export async function signProvenance(record, author) {
    const field = (bytes) => concat([0, 0, (bytes.length >> 8) & 255, bytes.length & 255], bytes);
    const digest = new Uint8Array(await subtle.digest('SHA-256', record.innerCiphertext));
    const v2 = record.innerCiphertext[0] === 2;
    const parts = [v2 ? field(utf8('hrm/provenance/v2')) : utf8('hrm/provenance/v1')];
    parts.push(field(utf8(record.recordId)), field(utf8(record.domain)), field(utf8(record.ownerId)));
    if (v2) {
        parts.push(field(utf8(author.partyId)));
    }
    parts.push(field(digest));
    for (const share of record.shares) {
        parts.push(field(utf8(share.readerId)), field(hrm.base64Decode(share.share)));
    }
    const key = await subtle.importKey(
        'jwk',
        { kty: 'EC', crv: 'P-256', x: b64url(author.publicKey.subarray(1, 33)), y: b64url(author.publicKey.subarray(33)), d: b64url(author.privateKey) },
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['sign'],
    );
    const signature = await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, key, concat(...parts));
    return hrm.base64Encode(new Uint8Array(signature));
}

const b64url = (bytes) => Buffer.from(bytes).toString('base64url');

/** A copy of `bytes` with one bit flipped at `index`. */
export function flipped(bytes, index) {
    const copy = Uint8Array.from(bytes);
    copy[index] ^= 0x01;
    return copy;
}
