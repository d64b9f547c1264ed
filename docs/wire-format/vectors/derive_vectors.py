#!/usr/bin/env python3
"""Writes the wire-format conformance vectors (the *.json files next to this script) independently of the Java
and JavaScript implementations.

Built on the RFC 9180 / RFC 5869 code of client/src/test/resources/vectors/derive_vectors.py (Python hmac and the
`cryptography` package, checked against the RFC 9180 vector first) and written from docs/wire-format.md alone.
The signed authority events, the attestation and the key file are in authority_vectors.py (from
docs/wire-format/authority-events.md). Run from anywhere: python3 docs/wire-format/vectors/derive_vectors.py
"""
import base64
import hashlib
import json
import pathlib
import struct
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2] / "client" / "src" / "test" / "resources" / "vectors"))

from derive_vectors import (  # noqa: E402
    AUTHOR_ID, AUTHOR_SK, DOMAIN, IKM_E_AUTHOR, IKM_E_OWNER, N, NONCE, OWNER_ID, OWNER_SK, PLAINTEXT, RECORD_ID,
    SALT, check_rfc9180, field, hpke_seal, public_bytes, record_key)
import authority_vectors  # noqa: E402
from cryptography.hazmat.primitives import hashes  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import ec  # noqa: E402
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature  # noqa: E402
from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # noqa: E402

GRANTEE_ID = "dr-chen"
GRANTEE_SK = int.from_bytes(hashlib.sha256(b"hrm test vector grantee").digest(), "big")
IKM_E_GRANTEE = bytes([0x33]) * 32
IKM_E_RELEASE = bytes([0x44]) * 32
REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e"
SUBMITTED_AT = "2026-12-04T09:30:00Z"


def sign(sk, message):
    der = ec.derive_private_key(sk, ec.SECP256R1()).sign(message, ec.ECDSA(hashes.SHA256(), True))
    r, s = decode_dss_signature(der)
    s = min(s, N - s)  # low S, as the Java signer writes it (docs/wire-format.md, "Signatures")
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def canonical(label, *fields):
    """docs/wire-format.md "Canonical bytes": every item, the label first, as u32be(length) || bytes."""
    return b"".join(field(f.encode() if isinstance(f, str) else f) for f in (label,) + fields)


def inner_aad():
    return RECORD_ID.encode() + b"\x00" + DOMAIN.encode() + b"\x00" + OWNER_ID.encode()


def key_hex(sk):
    return {"privateKey": sk.to_bytes(32, "big").hex(), "publicKey": public_bytes(sk).hex()}


def inputs(version):
    return {
        "recordId": RECORD_ID, "domain": DOMAIN, "ownerId": OWNER_ID, "authorId": AUTHOR_ID,
        "plaintext": PLAINTEXT.hex(), "plaintextUtf8": PLAINTEXT.decode(),
        "owner": key_hex(OWNER_SK), "author": key_hex(AUTHOR_SK), "grantee": {"partyId": GRANTEE_ID, **key_hex(GRANTEE_SK)},
        "randomness": {
            "order": "salt (32), nonce (12), then ikmE (32) per share in share order; the grant's rewrap: ikmE (32)",
            "salt": SALT.hex(), "nonce": NONCE.hex(),
            "ikmE": {OWNER_ID: IKM_E_OWNER.hex(), AUTHOR_ID: IKM_E_AUTHOR.hex(), GRANTEE_ID: IKM_E_GRANTEE.hex()},
        },
        "envelopeVersion": version,
    }


def record_v1():
    k1 = record_key(PLAINTEXT, SALT, RECORD_ID)
    c1 = b"\x01" + SALT + NONCE + AESGCM(k1).encrypt(NONCE, PLAINTEXT, inner_aad())
    info = b"hrm/share/v1" + RECORD_ID.encode()
    shares = [(r, b"".join(hpke_seal(public_bytes(sk), ikm, info, r.encode(), k1)))
              for r, sk, ikm in ((OWNER_ID, OWNER_SK, IKM_E_OWNER), (AUTHOR_ID, AUTHOR_SK, IKM_E_AUTHOR))]
    grantee = b"".join(hpke_seal(public_bytes(GRANTEE_SK), IKM_E_GRANTEE, info, GRANTEE_ID.encode(), k1))
    signed = b"hrm/provenance/v1" + field(RECORD_ID.encode()) + field(DOMAIN.encode()) + field(OWNER_ID.encode())
    signed += field(hashlib.sha256(c1).digest())
    for reader_id, share in shares:
        signed += field(reader_id.encode()) + field(share)
    return k1, c1, shares, grantee, signed, info, k1


def record_v2():
    k1 = record_key(PLAINTEXT, SALT, RECORD_ID)
    c1 = b"\x02" + NONCE + AESGCM(k1).encrypt(NONCE, PLAINTEXT, inner_aad())
    info = b"hrm/share/v2" + RECORD_ID.encode()
    payload = k1 + SALT
    shares = [(r, b"".join(hpke_seal(public_bytes(sk), ikm, info, r.encode(), payload)))
              for r, sk, ikm in ((OWNER_ID, OWNER_SK, IKM_E_OWNER), (AUTHOR_ID, AUTHOR_SK, IKM_E_AUTHOR))]
    grantee = b"".join(hpke_seal(public_bytes(GRANTEE_SK), IKM_E_GRANTEE, info, GRANTEE_ID.encode(), payload))
    assert all(len(s) == 145 for _, s in shares) and len(grantee) == 145
    share_fields = [x for reader_id, share in shares for x in (reader_id, share)]
    signed = canonical("hrm/provenance/v2", RECORD_ID, DOMAIN, OWNER_ID, AUTHOR_ID, hashlib.sha256(c1).digest(),
                       *share_fields)
    return k1, c1, shares, grantee, signed, info, payload


def record_vector(version, k1, c1, shares, grantee, signed, info, share_plaintext):
    signature = sign(AUTHOR_SK, signed)
    return {
        "description": f"One record, envelope v{version}: C1, the owner's and the author's key shares, the "
                       "provenance signature (RFC 6979 deterministic ECDSA, so reproducible), and the owner's "
                       "rewrap of the record's share to a grantee.",
        "inputs": inputs(version),
        "expected": {
            "recordKeyInfo": (b"record-key" + RECORD_ID.encode()).hex(),
            "K1": k1.hex(),
            "innerAad": inner_aad().hex(),
            "C1": c1.hex(),
            "shareInfo": info.hex(),
            "sharePlaintext": share_plaintext.hex(),
            "shares": [{"readerId": r, "share": s.hex()} for r, s in shares],
            "granteeShare": {"readerId": GRANTEE_ID, "share": grantee.hex()},
            "provenanceSignedBytes": signed.hex(),
            "authorSignature": signature.hex(),
        },
    }


def submission(vector):
    e = vector["expected"]
    b64 = lambda h: base64.b64encode(bytes.fromhex(h)).decode()  # noqa: E731
    return {
        "recordId": RECORD_ID, "domain": DOMAIN, "ownerId": OWNER_ID, "authorId": AUTHOR_ID,
        "innerCiphertext": b64(e["C1"]),
        "shares": [{"readerId": s["readerId"], "share": b64(s["share"])} for s in e["shares"]],
        "authorSignature": b64(e["authorSignature"]),
        "submittedAt": SUBMITTED_AT,
        "category": "Observation",
    }


def released_vector(c1):
    info = b"hrm/released/v2" + REQUEST_ID.encode()
    aad = GRANTEE_ID.encode() + b"\x00" + RECORD_ID.encode()
    enc, ct = hpke_seal(public_bytes(GRANTEE_SK), IKM_E_RELEASE, info, aad, c1)
    return {
        "description": "C1 of record-v2.json released to the grantee dr-chen, HPKE-sealed to its public key by the vault.",
        "inputs": {"requestId": REQUEST_ID, "recordId": RECORD_ID, "requesterId": GRANTEE_ID,
                   "requester": key_hex(GRANTEE_SK), "C1": c1.hex(), "ikmE": IKM_E_RELEASE.hex()},
        "expected": {"info": info.hex(), "aad": aad.hex(), "sealedInnerCiphertext": (enc + ct).hex()},
    }


def write(name, value):
    (HERE / name).write_text(json.dumps(value, indent=2) + "\n")


if __name__ == "__main__":
    check_rfc9180()
    assert 0 < GRANTEE_SK < N
    v1 = record_vector(1, *record_v1())
    v2 = record_vector(2, *record_v2())
    write("record-v1.json", v1)
    write("record-v2.json", v2)
    write("submission-v2.json", submission(v2))
    write("released-v2.json", released_vector(bytes.fromhex(v2["expected"]["C1"])))
    authority_vectors.self_check()
    for name, build in authority_vectors.FILES.items():
        write(name, build())
    print("wrote record-v1.json record-v2.json submission-v2.json released-v2.json", *authority_vectors.FILES)
