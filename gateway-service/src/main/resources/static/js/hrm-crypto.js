/**
 * hrm-crypto.js: the hrm client-side record cryptography for the portal, in the browser (WebCrypto) and in
 * Node.js 20+ (globalThis.crypto.subtle). One dependency-free ES module. It follows the Java SDK
 * (org.hrm.client.sdk) byte for byte; docs/wire-format.md writes the formats down, and the vectors in
 * docs/wire-format/vectors/ are checked against this file by src/test/js/hrm-crypto.test.mjs.
 *
 * Private keys never leave the page: parseKeyFile imports them as non-extractable CryptoKeys held in a WeakMap,
 * so the party-keys object it returns carries only the party id and the public key. Error messages never contain
 * keys, plaintext or ciphertext.
 *
 * Bytes in JSON are standard base64 with padding (as EventCodec writes them); times are strings in Java's
 * Instant.toString form (UTC, "Z", fraction in groups of 3 digits), so Java recomputes the same signed bytes.
 *
 * API (every function that touches a key returns a Promise):
 *   parseKeyFile(jsonText) -> PartyKeys
 *       jsonText: {"partyId": string, "publicKey": base64 (65-byte SEC1 point), "privateKey": base64 (32-byte scalar)}
 *       PartyKeys: frozen {partyId: string, publicKey: Uint8Array(65)}; checks the public key belongs to the private.
 *   importPartyKeys(partyId, publicKey, privateKey) -> PartyKeys            (the same from bytes)
 *   hpkeSealBase(recipientPublicKey, info, aad, plaintext, {ikmE}?) -> {enc: Uint8Array(65), ciphertext}
 *   hpkeOpenBase(enc, ciphertext, recipientKeys, info, aad) -> plaintext
 *   hpkeSetupBaseS(recipientPublicKey, info, {ikmE}?) -> {enc, seal(aad, pt), export(context, length)}
 *   hpkeSetupBaseR(enc, recipientKeys, info) -> {open(aad, ct), export(context, length)}
 *       RFC 9180 base mode, DHKEM(P-256, HKDF-SHA256), HKDF-SHA256, AES-256-GCM. ikmE (32 bytes) derives the
 *       ephemeral key with DeriveKeyPair (RFC 9180 7.1.3): for test vectors only.
 *   openShare(share, recordId, readerKeys) -> the share's plaintext (zero it when done): K1 (v1) or K1 || salt (v2)
 *       share: KeyShare {readerId, share: base64} or the share bytes; the length names the version: v1 113 bytes
 *       (enc 65 || ct 32+16, info "hrm/share/v1" || recordId), v2 145 bytes (enc 65 || ct 64+16, info
 *       "hrm/share/v2" || recordId); aad = utf8(readerKeys.partyId).
 *   openReleased(released, requesterKeys, {requestId, recordId}?) -> C1
 *       released: RecordReleased v2 JSON {requestId, recordId, domain, requesterId, sealedInnerCiphertext: base64,
 *       share, releasedAt}. Refuses (NOT_THIS_REQUEST) an answer to another requester, request or record, then opens
 *       the HPKE seal: info = "hrm/released/v2" || requestId, aad = utf8(requesterId) || 0x00 || utf8(recordId).
 *   decryptRecord({recordId, domain, ownerId, innerCiphertext, share}, readerKeys) -> plaintext (Uint8Array)
 *       C1 v2 = 0x02 || nonce 12 || AES-256-GCM ct||tag (salt from the v2 share); v1 = 0x01 || salt 32 || nonce 12 ||
 *       ct||tag (v1 share); aad = utf8(recordId) || 0x00 || utf8(domain) || 0x00 || utf8(ownerId); then recomputes
 *       K1 = HKDF-SHA256(SHA-256(plaintext), salt, "record-key" || recordId) and rejects a mismatch.
 *   openRecord(released, ownerId, readerKeys, {requestId, recordId, shareKeys}?) -> plaintext
 *       openReleased then decryptRecord; ownerId null/undefined: released.ownerId. Content is not verified yet:
 *       call verifyProvenance before showing it.
 *   verifyProvenanceWithHistory(record, {authorId, publicKey, retiredKeys}, sealedAt) -> 'current' | 'rotated' |
 *       'lost', or throws: the same, judged against every key the author held (a rotated author's older records).
 *   provenanceSignedBytes(record) -> Uint8Array, and verifyProvenance(record, authorPublicKey) -> true, or throws
 *       record: {recordId, domain, ownerId, authorId, innerCiphertext, shares: [{readerId, share}], authorSignature}
 *       (the RecordSubmitted JSON shape); C1's version picks provenance v2 (names authorId) or v1.
 *       RecordReleased does not carry these; the gateway adds them to its fetch response.
 *   encryptRecord({recordId, domain, ownerId, author, plaintext, readers}, {salt, nonce, ikmE}?) -> RecordSubmitted
 *       JSON without submittedAt/category: envelope v2, shares v2, provenance v2 signed by author (party keys).
 *   rewrapShare(ownerShare, recordId, ownerKeys, grantee {partyId, publicKey}, {ikmE}?) -> KeyShare JSON
 *       {readerId: grantee.partyId, share: base64} of the owner share's version (v2 carries the salt along).
 *   signGrant(ownerKeys, terms) -> ConsentGranted JSON, as ConsentSigner.grant makes it
 *       terms: {grantId (UUID), domain, granteeId, scope: {recordIds: [...]} | {category}, purpose,
 *       validFrom, expiresAt, grantedAt? (default now), shares: [{recordId, share}]} where times are Date,
 *       epoch milliseconds or ISO-8601 strings, and share is base64, bytes or a KeyShare of the grantee.
 *       Signature: ECDSA P-256/SHA-256, 64 bytes r||s (IEEE P1363) over grantSignedBytes(grant).
 *   signRevoke(ownerKeys, grantId, domain, now?) -> ConsentRevoked JSON {grantId, domain, ownerId, revokedAt,
 *       ownerSignature}, signed over revokeSignedBytes(revocation).
 *   grantSignedBytes(grantJson), revokeSignedBytes(revokedJson) -> Uint8Array (the canonical bytes Java signs)
 *   generatePartyKeys(partyId) -> {keys: PartyKeys, keyFile: PartyKeyFile JSON text to save (private key inside)}
 *   signKeyRotation(previousKeys, newKeys, rotatedAt?) -> PartyKeyRotated JSON {partyId, previousPublicKey,
 *       newPublicKey, rotatedAt, proofOfPossession (new key), previousKeySignature (previous key)}
 *   proveLostKeyRotation(partyId, previousPublicKey, newKeys, rotatedAt?) -> the same without previousKeySignature,
 *       for the gateway to attest (lost key)
 *   signErasure(ownerKeys, {requestId, domain, recordId?, requestedAt?}) -> ErasureRequested JSON with ownerSignature
 *   keyRotationSignedBytes(rotationJson), erasureSignedBytes(erasureJson) -> Uint8Array (docs/wire-format/
 *       authority-events.md: "hrm/party-key-rotated/v2", "hrm/erasure-requested/v2")
 *   verifySignature(publicKey, message, signature) -> boolean (ECDSA P-256/SHA-256, r||s)
 *   publicKeyFingerprint(publicKey) -> "abcd:ef01:..." (SHA-256 of the SEC1 point, first 16 bytes)
 *   base64Encode, base64Decode, utf8Encode, utf8Decode, javaInstant(time), HrmCryptoError {code, message}
 *
 * Errors: HrmCryptoError with a code. The record and share cases and messages are the Java SDK's
 * RecordCryptoException ones: SHARE_DOES_NOT_OPEN, SHARE_FOR_OTHER_READER, INNER_AUTHENTICATION_FAILED,
 * CONTENT_CHECK_FAILED, ENVELOPE_TRUNCATED, UNSUPPORTED_VERSION, PROVENANCE_INVALID, SHARE_VERSION_MISMATCH; a
 * release for someone else is NOT_THIS_REQUEST or RELEASE_DOES_NOT_OPEN; input problems are BAD_FIELD,
 * BAD_JSON, BAD_BASE64, BAD_TIME, BAD_KEY_FILE (with KEY_MISMATCH, BAD_PUBLIC_KEY, BAD_PRIVATE_KEY), BAD_KEYS.
 *
 * Decisions:
 * - Keys are checked to match by signing a probe with the private scalar and verifying it under the file's public
 *   key: WebCrypto alone, exact (an ECDH comparison would accept the negated point).
 * - DeriveKeyPair needs d*G, which WebCrypto cannot compute: a BigInt P-256 multiplication that is not constant-time,
 *   used only for an injected ikmE (test vectors); ordinary seals take a fresh WebCrypto key pair.
 * - HKDF is written on WebCrypto HMAC-SHA256 (HPKE needs labeled extract/expand); an empty salt is 32 zero bytes,
 *   which HMAC treats as the same key (WebCrypto refuses empty HMAC keys).
 * - Times are normalized to Java's Instant.toString before signing and in the JSON, so Jackson's Instant, and with
 *   it ConsentGranted.signedBytes(), reproduces the signed text exactly.
 * - The key file's text (a JS string) cannot be zeroed; callers should drop it once parsed.
 */

const SHARE_INFO_V1 = 'hrm/share/v1';
const SHARE_INFO_V2 = 'hrm/share/v2';
const RELEASED_INFO = 'hrm/released/v2';
const RECORD_KEY_INFO = 'record-key';
const PROVENANCE_TAG_V1 = 'hrm/provenance/v1';
const PROVENANCE_LABEL_V2 = 'hrm/provenance/v2';
const GRANT_LABEL = 'hrm/consent-granted/v1';
const REVOKE_LABEL = 'hrm/consent-revoked/v1';
const DOMAINS = ['PATIENT', 'PRACTITIONER'];

const PUBLIC_KEY_BYTES = 65;
const SCALAR_BYTES = 32;
const KEY_BYTES = 32;
const TAG_BYTES = 16;
const SALT_BYTES = 32;
const NONCE_BYTES = 12;
const SHARE_BYTES_V1 = PUBLIC_KEY_BYTES + KEY_BYTES + TAG_BYTES;
const SHARE_BYTES_V2 = PUBLIC_KEY_BYTES + KEY_BYTES + SALT_BYTES + TAG_BYTES;
const ENVELOPE_V1 = 0x01;
const ENVELOPE_V2 = 0x02;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A failed check; `code` says which (the same cases and messages as the Java SDK's RecordCryptoException). */
export class HrmCryptoError extends Error {
    constructor(code, message) {
        super(message);
        this.name = 'HrmCryptoError';
        this.code = code;
    }
}

const fail = (code, message) => {
    throw new HrmCryptoError(code, message);
};
const SHARE_DOES_NOT_OPEN = ['SHARE_DOES_NOT_OPEN', "key share does not open with this reader's key"];
const SHARE_FOR_OTHER_READER = ['SHARE_FOR_OTHER_READER', 'key share is addressed to another reader'];
const INNER_AUTHENTICATION_FAILED = [
    'INNER_AUTHENTICATION_FAILED',
    'inner ciphertext failed authentication (tampered or wrong record identity)',
];
const CONTENT_CHECK_FAILED = ['CONTENT_CHECK_FAILED', 'content check failed'];
const ENVELOPE_TRUNCATED = ['ENVELOPE_TRUNCATED', 'envelope truncated'];
const PROVENANCE_INVALID = ['PROVENANCE_INVALID', 'provenance signature invalid'];
const SHARE_VERSION_MISMATCH = ['SHARE_VERSION_MISMATCH', 'key share version does not match the envelope version'];
const NOT_THIS_REQUEST = ['NOT_THIS_REQUEST', 'the release answers another request, record or requester'];
const RELEASE_DOES_NOT_OPEN = ['RELEASE_DOES_NOT_OPEN', "released ciphertext does not open with this requester's key"];

function subtle() {
    const s = globalThis.crypto && globalThis.crypto.subtle;
    if (!s) {
        fail('NO_WEBCRYPTO', 'WebCrypto is not available (needs a secure context: https or localhost)');
    }
    return s;
}

// ---------------------------------------------------------------- encodings

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function utf8Encode(text) {
    return encoder.encode(text);
}

export function utf8Decode(bytes) {
    return decoder.decode(bytes);
}

/** Standard base64 with padding, as Jackson writes byte[]. */
export function base64Encode(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length; i += 3) {
        const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
        out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
        out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
        out += i + 2 < bytes.length ? B64[n & 63] : '=';
    }
    return out;
}

/** Strict standard base64 (padding required); throws an HrmCryptoError that never quotes the input. */
export function base64Decode(text) {
    if (typeof text !== 'string' || text.length % 4 !== 0) {
        fail('BAD_BASE64', 'not base64');
    }
    const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
    const out = new Uint8Array((text.length / 4) * 3 - padding);
    let o = 0;
    for (let i = 0; i < text.length; i += 4) {
        let n = 0;
        for (let j = 0; j < 4; j++) {
            const c = text[i + j];
            const last = i + 4 === text.length;
            const value = c === '=' && last && j >= 4 - padding ? 0 : B64_INDEX.get(c);
            if (value === undefined) {
                fail('BAD_BASE64', 'not base64');
            }
            n = (n << 6) | value;
        }
        for (let k = 0; k < 3 && o < out.length; k++) {
            out[o++] = (n >> (16 - 8 * k)) & 255;
        }
    }
    return out;
}

function base64url(bytes) {
    return base64Encode(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function concat(...parts) {
    const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
    let offset = 0;
    for (const p of parts) {
        out.set(p, offset);
        offset += p.length;
    }
    return out;
}

function i2osp(value, length) {
    const out = new Uint8Array(length);
    for (let i = length - 1, v = value; i >= 0; i--, v = Math.floor(v / 256)) {
        out[i] = v & 255;
    }
    return out;
}

/** Compares without an early exit, so the time does not tell where two keys differ. */
function equalBytes(a, b) {
    if (a.length !== b.length) {
        return false;
    }
    let diff = 0;
    for (let i = 0; i < a.length; i++) {
        diff |= a[i] ^ b[i];
    }
    return diff === 0;
}

/** Bytes from a Uint8Array, ArrayBuffer or base64 string. */
function bytesOf(value, field) {
    if (value instanceof Uint8Array) {
        return value;
    }
    if (value instanceof ArrayBuffer) {
        return new Uint8Array(value);
    }
    if (typeof value === 'string') {
        try {
            return base64Decode(value);
        } catch (e) {
            fail('BAD_FIELD', `${field} is not base64`);
        }
    }
    return fail('BAD_FIELD', `missing field ${field}`);
}

function requireText(value, field) {
    if (typeof value !== 'string' || value.trim() === '') {
        fail('BAD_FIELD', `missing field ${field}`);
    }
    return value;
}

function requireUuid(value, field) {
    if (typeof value !== 'string' || !UUID.test(value)) {
        fail('BAD_FIELD', `${field} must be a UUID`);
    }
    return value;
}

function requireDomain(domain) {
    if (!DOMAINS.includes(domain)) {
        fail('BAD_FIELD', 'domain must be PATIENT or PRACTITIONER');
    }
    return domain;
}

function parseJson(value, what) {
    if (typeof value !== 'string') {
        return value;
    }
    try {
        return JSON.parse(value);
    } catch (e) {
        // The parser's message may quote the input: never pass it on.
        return fail('BAD_JSON', `${what} is not valid JSON`);
    }
}

// ------------------------------------------------------------- primitives

async function sha256(data) {
    return new Uint8Array(await subtle().digest('SHA-256', data));
}

async function hmacSha256(key, data) {
    // WebCrypto refuses an empty HMAC key; HMAC pads keys with zeros, so 32 zero bytes is the same key (RFC 5869).
    const raw = key.length === 0 ? new Uint8Array(32) : key;
    const k = await subtle().importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    return new Uint8Array(await subtle().sign('HMAC', k, data));
}

async function hkdfExpand(prk, info, length) {
    const out = new Uint8Array(length);
    let block = new Uint8Array(0);
    for (let i = 1, offset = 0; offset < length; i++) {
        block = await hmacSha256(prk, concat(block, info, Uint8Array.of(i)));
        out.set(block.subarray(0, Math.min(block.length, length - offset)), offset);
        offset += block.length;
    }
    return out;
}

async function hkdfSha256(ikm, salt, info, length) {
    return hkdfExpand(await hmacSha256(salt, ikm), info, length);
}

async function aesGcm(mode, key, nonce, aad, data) {
    const k = await subtle().importKey('raw', key, 'AES-GCM', false, [mode]);
    const params = { name: 'AES-GCM', iv: nonce, additionalData: aad, tagLength: 128 };
    const fn = mode === 'encrypt' ? subtle().encrypt : subtle().decrypt;
    return new Uint8Array(await fn.call(subtle(), params, k, data));
}

async function importPublic(publicKey, algorithm) {
    if (!(publicKey instanceof Uint8Array) || publicKey.length !== PUBLIC_KEY_BYTES || publicKey[0] !== 0x04) {
        fail('BAD_PUBLIC_KEY', 'public key must be an uncompressed SEC1 P-256 point (65 bytes)');
    }
    const usages = algorithm === 'ECDSA' ? ['verify'] : [];
    try {
        return await subtle().importKey('raw', publicKey, { name: algorithm, namedCurve: 'P-256' }, true, usages);
    } catch (e) {
        return fail('BAD_PUBLIC_KEY', 'public key is not a point on P-256');
    }
}

// --------------------------------------------------------------- P-256 (only for DeriveKeyPair)

// DeriveKeyPair needs d*G, which WebCrypto cannot compute from a bare scalar. This BigInt arithmetic is not
// constant-time: it runs only for an injected ikmE (test vectors, reproducible test data), never on a party's key.
const P = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const G = [
    0x6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296n,
    0x4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5n,
];

const mod = (a, m = P) => ((a % m) + m) % m;

function inverse(a) {
    let [r0, r1, t0, t1] = [mod(a), P, 1n, 0n];
    while (r1 !== 0n) {
        const q = r0 / r1;
        [r0, r1] = [r1, r0 - q * r1];
        [t0, t1] = [t1, t0 - q * t1];
    }
    return mod(t0);
}

function pointAdd(a, b) {
    if (a === null) return b;
    if (b === null) return a;
    if (a[0] === b[0] && mod(a[1] + b[1]) === 0n) return null;
    const slope =
        a[0] === b[0] ? mod(3n * a[0] * a[0] - 3n) * inverse(2n * a[1]) : mod(b[1] - a[1]) * inverse(b[0] - a[0]);
    const x = mod(slope * slope - a[0] - b[0]);
    return [x, mod(slope * (a[0] - x) - a[1])];
}

function scalarBaseMultiply(d) {
    let result = null;
    for (let bit = 255; bit >= 0; bit--) {
        result = pointAdd(result, result);
        if ((d >> BigInt(bit)) & 1n) {
            result = pointAdd(result, G);
        }
    }
    return result;
}

const bigIntOf = (bytes) => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);
const bytesOfBigInt = (n) => i2osp(0, 32).map((_, i) => Number((n >> BigInt(8 * (31 - i))) & 255n));

// ------------------------------------------------------------------ party keys

const privateKeys = new WeakMap();

function privateOf(keys) {
    const secret = privateKeys.get(keys);
    if (!secret) {
        fail('BAD_KEYS', 'not party keys from parseKeyFile or importPartyKeys');
    }
    return secret;
}

async function importPrivate(publicKey, scalar) {
    const jwk = {
        kty: 'EC',
        crv: 'P-256',
        x: base64url(publicKey.subarray(1, 33)),
        y: base64url(publicKey.subarray(33)),
        d: base64url(scalar),
        ext: false,
    };
    const ecdh = await subtle().importKey('jwk', jwk, { name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    const ecdsa = await subtle().importKey('jwk', jwk, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);
    return { ecdh, ecdsa };
}

/** Party keys from bytes; rejects a public key that does not belong to the private scalar. */
export async function importPartyKeys(partyId, publicKey, privateKey) {
    requireText(partyId, 'partyId');
    await importPublic(publicKey, 'ECDH');
    if (!(privateKey instanceof Uint8Array) || privateKey.length !== SCALAR_BYTES) {
        fail('BAD_PRIVATE_KEY', 'private key must be a 32-byte P-256 scalar');
    }
    const d = bigIntOf(privateKey);
    if (d === 0n || d >= N) {
        fail('BAD_PRIVATE_KEY', 'private key is out of range for P-256');
    }
    const mismatch = `public key does not match the private key of party ${partyId}`;
    let secret;
    try {
        secret = await importPrivate(publicKey, privateKey);
    } catch (e) {
        fail('KEY_MISMATCH', mismatch);
    }
    // WebCrypto signs with d alone; a signature that verifies under the given public key proves the pair matches.
    const probe = utf8Encode('hrm/key-check');
    const signature = await subtle().sign({ name: 'ECDSA', hash: 'SHA-256' }, secret.ecdsa, probe);
    if (!(await verifySignature(publicKey, probe, new Uint8Array(signature)))) {
        fail('KEY_MISMATCH', mismatch);
    }
    const keys = Object.freeze({ partyId, publicKey: Uint8Array.from(publicKey) });
    privateKeys.set(keys, secret);
    return keys;
}

/** Reads a PartyKeyFile: {"partyId", "publicKey": base64, "privateKey": base64}. */
export async function parseKeyFile(jsonText) {
    const what = 'party key file';
    let file;
    try {
        file = JSON.parse(String(jsonText));
    } catch (e) {
        // The parser's message may quote the file, private key included: never pass it on.
        fail('BAD_KEY_FILE', `invalid ${what}: not valid JSON`);
    }
    if (file === null || typeof file !== 'object') {
        fail('BAD_KEY_FILE', `invalid ${what}: not a JSON object`);
    }
    for (const field of ['partyId', 'publicKey', 'privateKey']) {
        if (typeof file[field] !== 'string' || file[field] === '') {
            fail('BAD_KEY_FILE', `invalid ${what}: missing field ${field}`);
        }
    }
    let publicKey;
    let privateKey;
    try {
        publicKey = base64Decode(file.publicKey);
        privateKey = base64Decode(file.privateKey);
    } catch (e) {
        fail('BAD_KEY_FILE', `invalid ${what}: a key is not base64`);
    }
    try {
        return await importPartyKeys(file.partyId, publicKey, privateKey);
    } catch (e) {
        throw e instanceof HrmCryptoError ? new HrmCryptoError(e.code, `invalid ${what}: ${e.message}`) : e;
    } finally {
        privateKey.fill(0);
    }
}

// ------------------------------------------------------------------------- HPKE

const KEM_SUITE = concat(utf8Encode('KEM'), i2osp(0x0010, 2));
const HPKE_SUITE = concat(utf8Encode('HPKE'), i2osp(0x0010, 2), i2osp(0x0001, 2), i2osp(0x0002, 2));
const HPKE_V1 = utf8Encode('HPKE-v1');

function labeledExtract(suite, salt, label, ikm) {
    return hmacSha256(salt, concat(HPKE_V1, suite, utf8Encode(label), ikm));
}

function labeledExpand(suite, prk, label, info, length) {
    return hkdfExpand(prk, concat(i2osp(length, 2), HPKE_V1, suite, utf8Encode(label), info), length);
}

/** RFC 9180 7.1.3 DeriveKeyPair for P-256: the ephemeral key pair from ikm (test vectors). */
async function deriveKeyPair(ikm) {
    const prk = await labeledExtract(KEM_SUITE, new Uint8Array(0), 'dkp_prk', ikm);
    for (let counter = 0; counter < 256; counter++) {
        const candidate = await labeledExpand(KEM_SUITE, prk, 'candidate', i2osp(counter, 1), SCALAR_BYTES);
        const d = bigIntOf(candidate);
        if (d !== 0n && d < N) {
            const [x, y] = scalarBaseMultiply(d);
            const publicKey = concat(Uint8Array.of(4), bytesOfBigInt(x), bytesOfBigInt(y));
            return { privateKey: (await importPrivate(publicKey, candidate)).ecdh, publicKey };
        }
    }
    return fail('DERIVE_KEY_PAIR_ERROR', 'DeriveKeyPair found no scalar');
}

async function generateKeyPair() {
    const pair = await subtle().generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits']);
    return { privateKey: pair.privateKey, publicKey: new Uint8Array(await subtle().exportKey('raw', pair.publicKey)) };
}

async function dh(privateKey, publicKey) {
    const peer = await importPublic(publicKey, 'ECDH');
    return new Uint8Array(await subtle().deriveBits({ name: 'ECDH', public: peer }, privateKey, 256));
}

async function extractAndExpand(dhSecret, kemContext) {
    const prk = await labeledExtract(KEM_SUITE, new Uint8Array(0), 'eae_prk', dhSecret);
    return labeledExpand(KEM_SUITE, prk, 'shared_secret', kemContext, 32);
}

async function keySchedule(sharedSecret, info) {
    const empty = new Uint8Array(0);
    const pskIdHash = await labeledExtract(HPKE_SUITE, empty, 'psk_id_hash', empty);
    const infoHash = await labeledExtract(HPKE_SUITE, empty, 'info_hash', info);
    const context = concat(Uint8Array.of(0), pskIdHash, infoHash);
    const secret = await labeledExtract(HPKE_SUITE, sharedSecret, 'secret', empty);
    return {
        key: await labeledExpand(HPKE_SUITE, secret, 'key', context, 32),
        baseNonce: await labeledExpand(HPKE_SUITE, secret, 'base_nonce', context, 12),
        exporterSecret: await labeledExpand(HPKE_SUITE, secret, 'exp', context, 32),
    };
}

function hpkeContext({ key, baseNonce, exporterSecret }, mode) {
    let sequence = 0;
    const nextNonce = () => {
        const nonce = Uint8Array.from(baseNonce);
        i2osp(sequence++, 12).forEach((b, i) => (nonce[i] ^= b));
        return nonce;
    };
    return {
        [mode === 'encrypt' ? 'seal' : 'open']: async (aad, data) => aesGcm(mode, key, nextNonce(), aad, data),
        export: (exporterContext, length) => labeledExpand(HPKE_SUITE, exporterSecret, 'sec', exporterContext, length),
    };
}

/** Sender context (SetupBaseS); pass {ikmE} only to reproduce test vectors. */
export async function hpkeSetupBaseS(recipientPublicKey, info, { ikmE } = {}) {
    const pkR = bytesOf(recipientPublicKey, 'recipientPublicKey');
    const ephemeral = ikmE ? await deriveKeyPair(bytesOf(ikmE, 'ikmE')) : await generateKeyPair();
    const sharedSecret = await extractAndExpand(
        await dh(ephemeral.privateKey, pkR),
        concat(ephemeral.publicKey, pkR),
    );
    return { enc: ephemeral.publicKey, ...hpkeContext(await keySchedule(sharedSecret, info), 'encrypt') };
}

/** Recipient context (SetupBaseR) with party keys from parseKeyFile or importPartyKeys. */
export async function hpkeSetupBaseR(enc, recipientKeys, info) {
    const secret = privateOf(recipientKeys);
    const sharedSecret = await extractAndExpand(
        await dh(secret.ecdh, enc),
        concat(enc, recipientKeys.publicKey),
    );
    return hpkeContext(await keySchedule(sharedSecret, info), 'decrypt');
}

/** Single-shot HPKE base-mode seal. */
export async function hpkeSealBase(recipientPublicKey, info, aad, plaintext, options = {}) {
    const context = await hpkeSetupBaseS(recipientPublicKey, info, options);
    return { enc: context.enc, ciphertext: await context.seal(aad, plaintext) };
}

/** Single-shot HPKE base-mode open; rejects with WebCrypto's error on a bad point or tag. */
export async function hpkeOpenBase(enc, ciphertext, recipientKeys, info, aad) {
    return (await hpkeSetupBaseR(enc, recipientKeys, info)).open(aad, ciphertext);
}

// ------------------------------------------------------------------- key shares

// A share's length names its version: v1 sealed K1 (enc 65 || 32 + tag 16 = 113 bytes), v2 seals K1 || salt (145).
const SHARE_VERSIONS = new Map([
    [SHARE_BYTES_V1, { version: 1, info: SHARE_INFO_V1, payload: KEY_BYTES }],
    [SHARE_BYTES_V2, { version: 2, info: SHARE_INFO_V2, payload: KEY_BYTES + SALT_BYTES }],
]);
const shareInfo = (label, recordId) => utf8Encode(label + recordId);

function shareBytesOf(share, readerKeys) {
    if (share instanceof Uint8Array) {
        return share;
    }
    if (share === null || typeof share !== 'object') {
        fail('BAD_FIELD', 'missing field share');
    }
    if (share.readerId !== readerKeys.partyId) {
        fail(...SHARE_FOR_OTHER_READER);
    }
    return bytesOf(share.share, 'share.share');
}

/**
 * What a key share seals, exactly as the Java KeyShares opens it: K1 (v1, 32 bytes) or K1 || salt (v2, 64 bytes);
 * zero it when done. Any failure is SHARE_DOES_NOT_OPEN.
 */
export async function openShare(share, recordId, readerKeys) {
    requireUuid(recordId, 'recordId');
    privateOf(readerKeys);
    const shareBytes = shareBytesOf(share, readerKeys);
    const layout = SHARE_VERSIONS.get(shareBytes.length);
    if (!layout) {
        fail(...SHARE_DOES_NOT_OPEN);
    }
    try {
        const enc = shareBytes.subarray(0, PUBLIC_KEY_BYTES);
        const ct = shareBytes.subarray(PUBLIC_KEY_BYTES);
        const info = shareInfo(layout.info, recordId);
        const payload = await hpkeOpenBase(enc, ct, readerKeys, info, utf8Encode(readerKeys.partyId));
        if (payload.length !== layout.payload) {
            payload.fill(0);
            throw new Error('wrong payload length');
        }
        return payload;
    } catch (e) {
        // A bad point in enc and a bad tag give the same answer, as in Java.
        return fail(...SHARE_DOES_NOT_OPEN);
    }
}

/** K1 and, from a v2 share, the salt: {version, key, salt | null}. */
async function unwrapShare(share, recordId, readerKeys) {
    const payload = await openShare(share, recordId, readerKeys);
    return payload.length === KEY_BYTES
        ? { version: 1, key: payload, salt: null }
        : { version: 2, key: payload.subarray(0, KEY_BYTES), salt: payload.subarray(KEY_BYTES) };
}

async function wrapShare(payload, recordId, readerId, readerPublicKey, options) {
    const label = payload.length === KEY_BYTES ? SHARE_INFO_V1 : SHARE_INFO_V2;
    const { enc, ciphertext } = await hpkeSealBase(
        bytesOf(readerPublicKey, 'publicKey'),
        shareInfo(label, recordId),
        utf8Encode(readerId),
        payload,
        options,
    );
    return { readerId, share: base64Encode(concat(enc, ciphertext)) };
}

/**
 * The owner's client rewraps one record's share to a grantee: the grantee's KeyShare JSON, of the owner share's
 * version (a v2 share carries the salt along; a v1 record's salt is in its C1).
 */
export async function rewrapShare(ownerShare, recordId, ownerKeys, grantee, options = {}) {
    const granteeId = requireText(grantee && grantee.partyId, 'grantee.partyId');
    const payload = await openShare(ownerShare, recordId, ownerKeys);
    try {
        return await wrapShare(payload, recordId, granteeId, grantee.publicKey, options);
    } finally {
        payload.fill(0);
    }
}

// ------------------------------------------------------------------ records

function innerAad(recordId, domain, ownerId) {
    return concat(utf8Encode(recordId), Uint8Array.of(0), utf8Encode(domain), Uint8Array.of(0), utf8Encode(ownerId));
}

async function recordKey(plaintext, salt, recordId) {
    const ikm = await sha256(plaintext);
    try {
        return await hkdfSha256(ikm, salt, utf8Encode(RECORD_KEY_INFO + recordId), KEY_BYTES);
    } finally {
        ikm.fill(0);
    }
}

/** C1 of either version: v1 = 0x01 || salt 32 || nonce 12 || ct || tag, v2 = 0x02 || nonce 12 || ct || tag. */
function parseEnvelope(innerCiphertext) {
    if (innerCiphertext.length === 0) {
        fail(...ENVELOPE_TRUNCATED);
    }
    const version = innerCiphertext[0];
    if (version !== ENVELOPE_V1 && version !== ENVELOPE_V2) {
        fail('UNSUPPORTED_VERSION', `unsupported envelope version ${version}`);
    }
    const saltBytes = version === ENVELOPE_V1 ? SALT_BYTES : 0;
    const header = 1 + saltBytes + NONCE_BYTES;
    if (innerCiphertext.length < header + TAG_BYTES) {
        fail(...ENVELOPE_TRUNCATED);
    }
    return {
        version,
        salt: version === ENVELOPE_V1 ? innerCiphertext.subarray(1, 1 + SALT_BYTES) : null,
        nonce: innerCiphertext.subarray(1 + saltBytes, header),
        sealed: innerCiphertext.subarray(header),
    };
}

/**
 * Decrypts C1 with the reader's share and checks that the content is the one written (K1 recomputed from the
 * plaintext and salt). record: {recordId, domain, ownerId, innerCiphertext, share}. The share's version must be C1's.
 */
export async function decryptRecord(record, readerKeys) {
    const recordId = requireUuid(record && record.recordId, 'recordId');
    const domain = requireDomain(record.domain);
    const owner = requireText(record.ownerId, 'ownerId');
    const envelope = parseEnvelope(bytesOf(record.innerCiphertext, 'innerCiphertext'));
    const opened = await unwrapShare(record.share, recordId, readerKeys);
    try {
        if (opened.version !== envelope.version) {
            fail(...SHARE_VERSION_MISMATCH);
        }
        let plaintext;
        try {
            plaintext = await aesGcm('decrypt', opened.key, envelope.nonce, innerAad(recordId, domain, owner), envelope.sealed);
        } catch (e) {
            fail(...INNER_AUTHENTICATION_FAILED);
        }
        const recomputed = await recordKey(plaintext, envelope.salt ?? opened.salt, recordId);
        const matches = equalBytes(recomputed, opened.key);
        recomputed.fill(0);
        if (!matches) {
            plaintext.fill(0);
            fail(...CONTENT_CHECK_FAILED);
        }
        return plaintext;
    } finally {
        opened.key.fill(0);
        opened.salt?.fill(0);
    }
}

/**
 * C1 out of a RecordReleased (v2): checks that it answers this requester (and, when given, this request id and
 * record id), then opens the HPKE seal with info "hrm/released/v2" || requestId and
 * aad = requesterId || 0x00 || recordId. Any failure of the seal is RELEASE_DOES_NOT_OPEN.
 */
export async function openReleased(released, requesterKeys, expected = {}) {
    const event = parseJson(released, 'RecordReleased');
    if (event === null || typeof event !== 'object') {
        fail('BAD_FIELD', 'RecordReleased must be a JSON object');
    }
    privateOf(requesterKeys);
    const requestId = requireUuid(event.requestId, 'requestId');
    const recordId = requireUuid(event.recordId, 'recordId');
    const requesterId = requireText(event.requesterId, 'requesterId');
    if (requesterId !== requesterKeys.partyId
        || (expected.requestId != null && expected.requestId !== requestId)
        || (expected.recordId != null && expected.recordId !== recordId)) {
        fail(...NOT_THIS_REQUEST);
    }
    const sealed = bytesOf(event.sealedInnerCiphertext, 'sealedInnerCiphertext');
    if (sealed.length <= PUBLIC_KEY_BYTES + TAG_BYTES) {
        fail(...RELEASE_DOES_NOT_OPEN);
    }
    try {
        return await hpkeOpenBase(
            sealed.subarray(0, PUBLIC_KEY_BYTES),
            sealed.subarray(PUBLIC_KEY_BYTES),
            requesterKeys,
            utf8Encode(RELEASED_INFO + requestId),
            concat(utf8Encode(requesterId), Uint8Array.of(0), utf8Encode(recordId)),
        );
    } catch (e) {
        return fail(...RELEASE_DOES_NOT_OPEN);
    }
}

/**
 * Decrypts a released record as its requester: openReleased, then decryptRecord with the released share.
 * options: {requestId, recordId} the answer must be for; shareKeys, the share holder's keys when they are not the
 * requester's (emergency access through the institution). ownerId null/undefined: released.ownerId.
 */
export async function openRecord(released, ownerId, readerKeys, options = {}) {
    const event = parseJson(released, 'RecordReleased');
    const innerCiphertext = await openReleased(event, readerKeys, options);
    // RecordReleased has no owner; a fetch response that adds one may stand in. Either way C1's AAD checks it.
    return decryptRecord(
        { ...event, ownerId: ownerId ?? event.ownerId, innerCiphertext, share: event.share },
        options.shareKeys ?? readerKeys,
    );
}

/** Canonical field: its length as a 4-byte big-endian integer, then the bytes. */
function field(bytes) {
    return concat(i2osp(bytes.length, 4), bytes);
}

/**
 * The bytes a record's author signs, by C1's version: v2 = canonical("hrm/provenance/v2", recordId, domain, ownerId,
 * authorId, SHA-256(C1), then readerId and share of each share); v1 = the raw tag "hrm/provenance/v1" and the same
 * length-prefixed fields without authorId. record: the RecordSubmitted JSON shape.
 */
export async function provenanceSignedBytes(record) {
    const r = parseJson(record, 'record');
    const recordId = requireUuid(r && r.recordId, 'recordId');
    const innerCiphertext = bytesOf(r.innerCiphertext, 'innerCiphertext');
    const version = parseEnvelope(innerCiphertext).version;
    if (!Array.isArray(r.shares) || r.shares.length === 0) {
        fail('BAD_FIELD', 'missing field shares');
    }
    const identity = [recordId, requireDomain(r.domain), requireText(r.ownerId, 'ownerId')];
    if (version === ENVELOPE_V2) {
        identity.push(requireText(r.authorId, 'authorId'));
    }
    const fields = [...identity.map(utf8Encode), await sha256(innerCiphertext)];
    for (const share of r.shares) {
        fields.push(utf8Encode(requireText(share.readerId, 'shares[].readerId')), bytesOf(share.share, 'shares[].share'));
    }
    return version === ENVELOPE_V2
        ? canonical(PROVENANCE_LABEL_V2, fields)
        : concat(utf8Encode(PROVENANCE_TAG_V1), ...fields.map(field));
}

/**
 * A short, stable fingerprint of a public key (first 16 bytes of its SHA-256, hex in groups of 4) for the page to
 * show next to a grantee, so a user can compare it out of band before wrapping a key to it.
 */
export async function publicKeyFingerprint(publicKey) {
    const key = bytesOf(publicKey, 'publicKey');
    await importPublic(key, 'ECDH');
    const hex = [...(await sha256(key)).subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
    return hex.match(/.{4}/g).join(':');
}

/** Whether `signature` (64 bytes r||s) is the holder of `publicKey`'s ECDSA P-256/SHA-256 signature. */
export async function verifySignature(publicKey, message, signature) {
    const key = await importPublic(bytesOf(publicKey, 'publicKey'), 'ECDSA');
    const sig = bytesOf(signature, 'signature');
    if (sig.length !== 64) {
        return false;
    }
    return subtle().verify({ name: 'ECDSA', hash: 'SHA-256' }, key, sig, message);
}

/**
 * Verifies the author's signature over the record (provenanceSignedBytes, the version C1 names) with the author's
 * public key from the directory; throws PROVENANCE_INVALID otherwise. Content must not be shown before this passes.
 */
export async function verifyProvenance(record, authorPublicKey) {
    const r = parseJson(record, 'record');
    const signed = await provenanceSignedBytes(r);
    if (!(await verifySignature(authorPublicKey, signed, bytesOf(r.authorSignature, 'authorSignature')))) {
        fail(...PROVENANCE_INVALID);
    }
    return true;
}

/** How a refusal for a key its owner reported lost begins (the Java ProvenanceKeyRule.LOST_KEY). */
export const LOST_KEY = 'signed with a key its owner reported lost';

/** An ISO-8601 UTC time ("...Z", up to 9 fraction digits) as nanoseconds since the epoch (BigInt), or null. */
function instantNanos(value) {
    const m = typeof value === 'string' ? /^(.*?)(?:\.(\d{1,9}))?Z$/.exec(value) : null;
    const seconds = m ? Date.parse(`${m[1]}Z`) : NaN;
    if (Number.isNaN(seconds)) {
        return null;
    }
    return BigInt(seconds) * 1000000n + BigInt((m[2] || '').padEnd(9, '0'));
}

/**
 * Verifies the author's signature over the record against every key the author held, by the rule of the Java
 * ProvenanceKeyRule (docs/security.md, "Provenance across key rotations"):
 *   the current key, or an earlier key the author rotated away (ended ROTATED): verified;
 *   an earlier key the author reported lost (REPORTED_LOST): verified only if the record was sealed before the key's
 *       retiredAt, else throws PROVENANCE_LOST_KEY (message starts with LOST_KEY);
 *   a key never proven the author's (SUPERSEDED_UNATTESTED) or whose end was not recorded (UNRECORDED): throws
 *       PROVENANCE_KEY_NOT_ACCEPTED;
 *   no key the author held: throws PROVENANCE_INVALID.
 * author: {authorId, publicKey, retiredKeys: [{publicKey, retiredAt, ended}]} (what the gateway's fetch answers);
 * sealedAt: when the vault sealed the record (ISO time) or null if unknown. Returns 'current', 'rotated' or 'lost'
 * (which key verified).
 */
export async function verifyProvenanceWithHistory(record, author, sealedAt) {
    const r = parseJson(record, 'record');
    const signed = await provenanceSignedBytes(r);
    const signature = bytesOf(r.authorSignature, 'authorSignature');
    if (await verifySignature(author.publicKey, signed, signature)) {
        return 'current';
    }
    for (const old of author.retiredKeys || []) {
        if (!(await verifySignature(old.publicKey, signed, signature))) {
            continue;
        }
        if (old.ended === 'ROTATED') {
            return 'rotated';
        }
        if (old.ended === 'REPORTED_LOST') {
            const sealed = instantNanos(sealedAt);
            const retired = instantNanos(old.retiredAt);
            if (sealed === null || retired === null) {
                fail('PROVENANCE_LOST_KEY', `${LOST_KEY} (${author.authorId}, at ${old.retiredAt}) and the record's sealing time is not established`);
            }
            if (sealed >= retired) {
                fail('PROVENANCE_LOST_KEY', `${LOST_KEY} (${author.authorId}, at ${old.retiredAt}) and the record was sealed after that, at ${sealedAt}`);
            }
            return 'lost';
        }
        fail('PROVENANCE_KEY_NOT_ACCEPTED', `signed with an earlier key of ${author.authorId} that is not accepted (${old.ended})`);
    }
    return fail(...PROVENANCE_INVALID);
}

/**
 * Encrypts a record as the Java RecordEncryptor does (envelope v2) and signs its provenance: the RecordSubmitted JSON
 * (without submittedAt and category, which the submitter adds). readers: [{partyId, publicKey}] besides the author,
 * the owner among them; shares come owner first, then the author, then the others by id.
 * options {salt, nonce, ikmE: {partyId: bytes}} fix the randomness, for conformance vectors only.
 */
export async function encryptRecord({ recordId, domain, ownerId, author, plaintext, readers }, options = {}) {
    requireUuid(recordId, 'recordId');
    requireDomain(domain);
    requireText(ownerId, 'ownerId');
    privateOf(author);
    const others = new Map((readers || []).map((r) => [requireText(r.partyId, 'readers[].partyId'), r.publicKey]));
    others.delete(author.partyId);
    const ordered = [];
    if (ownerId !== author.partyId) {
        if (!others.has(ownerId)) {
            fail('BAD_FIELD', `readers must include the owner ${ownerId}`);
        }
        ordered.push([ownerId, others.get(ownerId)]);
        others.delete(ownerId);
    }
    ordered.push([author.partyId, author.publicKey]);
    [...others.keys()].sort().forEach((id) => ordered.push([id, others.get(id)]));
    const salt = options.salt ? bytesOf(options.salt, 'salt') : globalThis.crypto.getRandomValues(new Uint8Array(SALT_BYTES));
    const nonce = options.nonce ? bytesOf(options.nonce, 'nonce') : globalThis.crypto.getRandomValues(new Uint8Array(NONCE_BYTES));
    const key = await recordKey(plaintext, salt, recordId);
    const payload = concat(key, salt);
    try {
        const sealed = await aesGcm('encrypt', key, nonce, innerAad(recordId, domain, ownerId), plaintext);
        const shares = [];
        for (const [readerId, publicKey] of ordered) {
            const ikmE = options.ikmE && options.ikmE[readerId];
            shares.push(await wrapShare(payload, recordId, readerId, publicKey, ikmE ? { ikmE } : {}));
        }
        const record = {
            recordId, domain, ownerId, authorId: author.partyId,
            innerCiphertext: base64Encode(concat(Uint8Array.of(ENVELOPE_V2), nonce, sealed)), shares,
        };
        return { ...record, authorSignature: await sign(author, await provenanceSignedBytes(record)) };
    } finally {
        key.fill(0);
        payload.fill(0);
    }
}

// ------------------------------------------------------------------ consent

/**
 * A time as Java's Instant.toString writes it: UTC, "Z", seconds always, the fraction in groups of 3 digits.
 * Accepts a Date, epoch milliseconds or an ISO-8601 string with "Z" or an offset (up to nanoseconds).
 */
export function javaInstant(time) {
    if (time instanceof Date || typeof time === 'number') {
        const ms = time instanceof Date ? time.getTime() : time;
        if (!Number.isFinite(ms)) {
            fail('BAD_TIME', 'invalid time');
        }
        return javaInstant(new Date(ms).toISOString());
    }
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/.exec(
        typeof time === 'string' ? time : '',
    );
    if (!m) {
        return fail('BAD_TIME', 'time must be ISO-8601 like 2026-11-25T10:00:00Z');
    }
    const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
    const local = Date.UTC(year, month - 1, day, hour, minute, second);
    const check = new Date(local);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day
        || hour > 23 || minute > 59 || second > 59) {
        fail('BAD_TIME', 'time is not a valid date');
    }
    const offsetMinutes = m[8] === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (60 * +m[8].slice(1, 3) + +m[8].slice(4));
    const utc = new Date(local - offsetMinutes * 60000).toISOString();
    if (!/^\d{4}-/.test(utc) || utc.startsWith('0000')) {
        fail('BAD_TIME', 'year must be between 0001 and 9999');
    }
    let fraction = (m[7] || '').padEnd(9, '0');
    fraction = /^0+$/.test(fraction) ? '' : fraction.replace(/(000){1,2}$/, '');
    return `${utc.slice(0, 19)}${fraction ? '.' + fraction : ''}Z`;
}

/** A key that sorts javaInstant strings in time order. */
function instantOrder(instant) {
    const [seconds, fraction = ''] = instant.slice(0, -1).split('.');
    return seconds + fraction.padEnd(9, '0');
}

function canonical(label, fields) {
    return concat(...[utf8Encode(label), ...fields].map((f) => field(typeof f === 'string' ? utf8Encode(f) : f)));
}

/** ConsentGranted.signedBytes(): every field but the signature; shares by record id and bytes. */
export function grantSignedBytes(grant) {
    const g = parseJson(grant, 'ConsentGranted');
    const scope = g.scope || {};
    const fields = [
        g.grantId,
        g.domain,
        g.ownerId,
        g.granteeId,
        (scope.recordIds || []).join(','),
        // Java's String.valueOf(null): a record-scoped grant signs the text "null" as its category.
        scope.category == null ? 'null' : scope.category,
        g.purpose,
        javaInstant(g.validFrom),
        javaInstant(g.expiresAt),
        javaInstant(g.grantedAt),
    ];
    for (const share of g.shares || []) {
        fields.push(share.recordId, bytesOf(share.share, 'shares[].share'));
    }
    return canonical(GRANT_LABEL, fields);
}

/** ConsentRevoked.signedBytes(). */
export function revokeSignedBytes(revoked) {
    const r = parseJson(revoked, 'ConsentRevoked');
    return canonical(REVOKE_LABEL, [r.grantId, r.domain, r.ownerId, javaInstant(r.revokedAt)]);
}

async function sign(keys, message) {
    const signature = await subtle().sign({ name: 'ECDSA', hash: 'SHA-256' }, privateOf(keys).ecdsa, message);
    return base64Encode(new Uint8Array(signature));
}

function grantScope(scope) {
    const recordIds = (scope && scope.recordIds) || [];
    const category = scope && typeof scope.category === 'string' && scope.category.trim() !== '' ? scope.category : null;
    if ((recordIds.length === 0) === (category === null)) {
        fail('BAD_FIELD', 'scope needs either recordIds or a category, not both or neither');
    }
    recordIds.forEach((id) => requireUuid(id, 'scope.recordIds[]'));
    // As Jackson writes GrantScope: recordIds always, category only when set.
    return category === null ? { recordIds: [...recordIds] } : { recordIds: [], category };
}

function grantShare(share, granteeId) {
    const recordId = requireUuid(share && share.recordId, 'shares[].recordId');
    let bytes = share.share;
    if (bytes && typeof bytes === 'object' && !(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
        if (bytes.readerId !== granteeId) {
            fail('BAD_FIELD', 'a grant can only carry key shares of its grantee');
        }
        bytes = bytes.share;
    }
    return { recordId, share: base64Encode(bytesOf(bytes, 'shares[].share')) };
}

/** A ConsentGranted signed by the owner, as ConsentSigner.grant builds it (shares already rewrapped). */
export async function signGrant(ownerKeys, terms) {
    privateOf(ownerKeys);
    if (terms === null || typeof terms !== 'object') {
        fail('BAD_FIELD', 'grant terms must be an object');
    }
    const granteeId = requireText(terms.granteeId, 'granteeId');
    if (granteeId === ownerKeys.partyId) {
        fail('BAD_FIELD', 'an owner cannot grant to itself');
    }
    const grant = {
        grantId: requireUuid(terms.grantId, 'grantId'),
        domain: requireDomain(terms.domain),
        ownerId: ownerKeys.partyId,
        granteeId,
        scope: grantScope(terms.scope),
        purpose: requireText(terms.purpose, 'purpose'),
        validFrom: javaInstant(terms.validFrom),
        expiresAt: javaInstant(terms.expiresAt),
        shares: (terms.shares || []).map((share) => grantShare(share, granteeId)),
        grantedAt: javaInstant(terms.grantedAt ?? new Date()),
    };
    if (instantOrder(grant.expiresAt) <= instantOrder(grant.validFrom)) {
        fail('BAD_FIELD', 'expiresAt must be after validFrom');
    }
    return { ...grant, ownerSignature: await sign(ownerKeys, grantSignedBytes(grant)) };
}

/** A ConsentRevoked signed by the owner, as ConsentSigner.revoke builds it. */
export async function signRevoke(ownerKeys, grantId, domain, now = new Date()) {
    privateOf(ownerKeys);
    const revoked = {
        grantId: requireUuid(grantId, 'grantId'),
        domain: requireDomain(domain),
        ownerId: ownerKeys.partyId,
        revokedAt: javaInstant(now),
    };
    return { ...revoked, ownerSignature: await sign(ownerKeys, revokeSignedBytes(revoked)) };
}

// ------------------------------------------------------- key rotation and erasure (the owner's own requests)

const KEY_ROTATION_LABEL = 'hrm/party-key-rotated/v2';
const ERASURE_LABEL = 'hrm/erasure-requested/v2';

function base64urlDecode(text) {
    const standard = text.replace(/-/g, '+').replace(/_/g, '/');
    return base64Decode(standard.padEnd(standard.length + ((4 - (standard.length % 4)) % 4), '='));
}

/**
 * A fresh P-256 key pair for `partyId`: {keys, keyFile}. keys are party keys as parseKeyFile returns them
 * (non-extractable CryptoKeys); keyFile is the PartyKeyFile JSON text {"partyId", "publicKey", "privateKey"} for the
 * user to save. It is the only copy of the private key outside the page: offer it for download, then drop it.
 */
export async function generatePartyKeys(partyId) {
    requireText(partyId, 'partyId');
    const pair = await subtle().generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const jwk = await subtle().exportKey('jwk', pair.privateKey);
    const publicKey = concat(Uint8Array.of(0x04), base64urlDecode(jwk.x), base64urlDecode(jwk.y));
    const privateKey = base64urlDecode(jwk.d);
    try {
        const keys = await importPartyKeys(partyId, publicKey, privateKey);
        const keyFile = JSON.stringify({
            partyId,
            publicKey: base64Encode(publicKey),
            privateKey: base64Encode(privateKey),
        });
        return { keys, keyFile };
    } finally {
        privateKey.fill(0);
    }
}

/** PartyKeyRotated.signedBytes(): label, partyId, previousPublicKey, newPublicKey, rotatedAt. */
export function keyRotationSignedBytes(rotation) {
    const r = parseJson(rotation, 'PartyKeyRotated');
    return canonical(KEY_ROTATION_LABEL, [
        requireText(r.partyId, 'partyId'),
        bytesOf(r.previousPublicKey, 'previousPublicKey'),
        bytesOf(r.newPublicKey, 'newPublicKey'),
        javaInstant(r.rotatedAt),
    ]);
}

async function provenRotation(partyId, previousPublicKey, newKeys, rotatedAt) {
    privateOf(newKeys);
    if (newKeys.partyId !== partyId) {
        fail('BAD_KEYS', `the new key is ${newKeys.partyId}'s, not ${partyId}'s`);
    }
    const previous = bytesOf(previousPublicKey, 'previousPublicKey');
    await importPublic(previous, 'ECDSA');
    if (equalBytes(previous, newKeys.publicKey)) {
        fail('BAD_KEYS', 'the new key must differ from the previous one');
    }
    const rotation = {
        partyId,
        previousPublicKey: base64Encode(previous),
        newPublicKey: base64Encode(newKeys.publicKey),
        rotatedAt: javaInstant(rotatedAt),
    };
    return { ...rotation, proofOfPossession: await sign(newKeys, keyRotationSignedBytes(rotation)) };
}

/**
 * A routine key rotation, as PartyKeyRotated.rotate makes it: proven by the new key (proofOfPossession) and signed
 * by the previous one (previousKeySignature), both over keyRotationSignedBytes. previousKeys: the party's current
 * keys; newKeys: from generatePartyKeys (same party).
 */
export async function signKeyRotation(previousKeys, newKeys, rotatedAt = new Date()) {
    privateOf(previousKeys);
    const rotation = await provenRotation(previousKeys.partyId, previousKeys.publicKey, newKeys, rotatedAt);
    return { ...rotation, previousKeySignature: await sign(previousKeys, keyRotationSignedBytes(rotation)) };
}

/**
 * A rotation for a lost key: proven by the new key only; the gateway adds its attestation (purpose rotate-key) of
 * the caller. previousPublicKey: the directory's current key of the party (the one being replaced).
 */
export function proveLostKeyRotation(partyId, previousPublicKey, newKeys, rotatedAt = new Date()) {
    return provenRotation(requireText(partyId, 'partyId'), previousPublicKey, newKeys, rotatedAt);
}

/** ErasureRequested.signedBytes(): label, requestId, domain, ownerId, opt(recordId) (empty = all), requestedAt. */
export function erasureSignedBytes(erasure) {
    const e = parseJson(erasure, 'ErasureRequested');
    const recordId = e.recordId == null || String(e.recordId).trim() === '' ? null : requireUuid(e.recordId, 'recordId');
    return canonical(ERASURE_LABEL, [
        requireUuid(e.requestId, 'requestId'),
        requireDomain(e.domain),
        requireText(e.ownerId, 'ownerId'),
        recordId === null ? new Uint8Array(0) : recordId,
        javaInstant(e.requestedAt),
    ]);
}

/**
 * An ErasureRequested signed by its owner, as ErasureRequested.signedBy makes it. request: {requestId (UUID),
 * domain, recordId? (absent: every record of the owner in the domain), requestedAt? (default now)}.
 */
export async function signErasure(ownerKeys, request) {
    privateOf(ownerKeys);
    const r = request || {};
    const erasure = {
        requestId: requireUuid(r.requestId, 'requestId'),
        domain: requireDomain(r.domain),
        ownerId: ownerKeys.partyId,
        ...(r.recordId == null ? {} : { recordId: requireUuid(r.recordId, 'recordId') }),
        requestedAt: javaInstant(r.requestedAt ?? new Date()),
    };
    return { ...erasure, ownerSignature: await sign(ownerKeys, erasureSignedBytes(erasure)) };
}
