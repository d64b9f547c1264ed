#!/usr/bin/env python3
"""Independent derivation of the SDK's frozen test vectors (InnerLayerVectorTest, RecordVectorTest).

Written from DESIGN.md and RFC 9180 / RFC 5869 / RFC 6979 without looking at the Java code, using Python's
hmac/hashlib and the `cryptography` package (AES-GCM, P-256, deterministic ECDSA) instead of the JDK and
BouncyCastle. The HPKE part is checked against the RFC 9180 vector first. Run: python3 derive_vectors.py
"""
import hashlib
import hmac
import json
import pathlib
import struct

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551


def extract(salt, ikm):
    return hmac.new(salt or bytes(32), ikm, hashlib.sha256).digest()


def expand(prk, info, length):
    out, block, counter = b"", b"", 1
    while len(out) < length:
        block = hmac.new(prk, block + info + bytes([counter]), hashlib.sha256).digest()
        out, counter = out + block, counter + 1
    return out[:length]


def labeled_extract(suite, salt, label, ikm):
    return extract(salt, b"HPKE-v1" + suite + label + ikm)


def labeled_expand(suite, prk, label, info, length):
    return expand(prk, struct.pack(">H", length) + b"HPKE-v1" + suite + label + info, length)


KEM_SUITE = b"KEM" + struct.pack(">H", 0x10)
HPKE_SUITE = b"HPKE" + struct.pack(">HHH", 0x10, 0x01, 0x02)


def public_bytes(sk):
    return ec.derive_private_key(sk, ec.SECP256R1()).public_key().public_bytes(
        Encoding.X962, PublicFormat.UncompressedPoint)


def derive_key_pair(ikm):
    prk = labeled_extract(KEM_SUITE, b"", b"dkp_prk", ikm)
    for counter in range(256):
        sk = int.from_bytes(labeled_expand(KEM_SUITE, prk, b"candidate", bytes([counter]), 32), "big")
        if 0 < sk < N:
            return sk
    raise ValueError("no key")


def hpke_seal(pk_r, ikm_e, info, aad, pt):
    sk_e = derive_key_pair(ikm_e)
    enc = public_bytes(sk_e)
    peer = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), pk_r)
    dh = ec.derive_private_key(sk_e, ec.SECP256R1()).exchange(ec.ECDH(), peer)
    eae_prk = labeled_extract(KEM_SUITE, b"", b"eae_prk", dh)
    shared = labeled_expand(KEM_SUITE, eae_prk, b"shared_secret", enc + pk_r, 32)
    context = (b"\x00" + labeled_extract(HPKE_SUITE, b"", b"psk_id_hash", b"")
               + labeled_extract(HPKE_SUITE, b"", b"info_hash", info))
    secret = labeled_extract(HPKE_SUITE, shared, b"secret", b"")
    key = labeled_expand(HPKE_SUITE, secret, b"key", context, 32)
    nonce = labeled_expand(HPKE_SUITE, secret, b"base_nonce", context, 12)
    return enc, AESGCM(key).encrypt(nonce, pt, aad)


def check_rfc9180():
    v = json.loads((pathlib.Path(__file__).parents[5] / "crypto/src/test/resources/vectors/hpke-base-p256-sha256-aes256gcm.json").read_text())
    pk_r = public_bytes(derive_key_pair(bytes.fromhex(v["ikmR"])))
    first = v["encryptions"][0]
    enc, ct = hpke_seal(pk_r, bytes.fromhex(v["ikmE"]), bytes.fromhex(v["info"]),
                        bytes.fromhex(first["aad"]), bytes.fromhex(first["pt"]))
    assert enc.hex() == v["enc"] and ct.hex() == first["ct"], "HPKE does not match RFC 9180"


def record_key(plaintext, salt, record_id):
    ikm = hashlib.sha256(plaintext).digest()
    return expand(extract(salt, ikm), b"record-key" + record_id.encode(), 32)


def field(value):
    return struct.pack(">I", len(value)) + value


RECORD_ID = "6f1c1a52-8b4e-4d7e-9c5b-2f0a3d9e7b11"
DOMAIN = "PATIENT"
OWNER_ID = "patient-0001"
AUTHOR_ID = "hospital-a/dr-lee"
PLAINTEXT = "Blood pressure 120/80 mmHg, pulse 64.".encode()
SALT = bytes(range(0x00, 0x20))
NONCE = bytes(range(0xA0, 0xAC))
OWNER_SK = int.from_bytes(hashlib.sha256(b"hrm test vector owner").digest(), "big")
AUTHOR_SK = int.from_bytes(hashlib.sha256(b"hrm test vector author").digest(), "big")
IKM_E_OWNER = bytes([0x11]) * 32
IKM_E_AUTHOR = bytes([0x22]) * 32

if __name__ == "__main__":
    check_rfc9180()
    assert 0 < OWNER_SK < N and 0 < AUTHOR_SK < N
    k1 = record_key(PLAINTEXT, SALT, RECORD_ID)
    aad = RECORD_ID.encode() + b"\x00" + DOMAIN.encode() + b"\x00" + OWNER_ID.encode()
    c1 = b"\x01" + SALT + NONCE + AESGCM(k1).encrypt(NONCE, PLAINTEXT, aad)
    info = b"hrm/share/v1" + RECORD_ID.encode()
    shares = []
    for reader_id, sk, ikm_e in ((OWNER_ID, OWNER_SK, IKM_E_OWNER), (AUTHOR_ID, AUTHOR_SK, IKM_E_AUTHOR)):
        enc, ct = hpke_seal(public_bytes(sk), ikm_e, info, reader_id.encode(), k1)
        shares.append((reader_id, enc + ct))
    signed = b"hrm/provenance/v1" + field(RECORD_ID.encode()) + field(DOMAIN.encode()) + field(OWNER_ID.encode())
    signed += field(hashlib.sha256(c1).digest())
    for reader_id, share in shares:
        signed += field(reader_id.encode()) + field(share)
    der = ec.derive_private_key(AUTHOR_SK, ec.SECP256R1()).sign(signed, ec.ECDSA(hashes.SHA256(), True))
    r, s = decode_dss_signature(der)
    print("owner private key  ", OWNER_SK.to_bytes(32, "big").hex())
    print("author private key ", AUTHOR_SK.to_bytes(32, "big").hex())
    print("K1                 ", k1.hex())
    print("C1                 ", c1.hex())
    for reader_id, share in shares:
        print("share", reader_id.ljust(13), share.hex())
    print("signature          ", (r.to_bytes(32, "big") + s.to_bytes(32, "big")).hex())
