"""Conformance vectors of every signed event, the identity attestation and the key file, written from
docs/wire-format/authority-events.md and docs/wire-format.md alone (not by calling Java or JavaScript).

Called by derive_vectors.py. Every file is {"description", "structure", "keys", "cases": [{"name", "inputs",
"expected"}]}: "keys" are the fixed P-256 keys (hex scalar and 65-byte SEC1 point); a case's "inputs" are the event's
unsigned fields exactly as its JSON carries them (bytes base64, times ISO-8601), the key that makes each signature
("signers") and the attestation's fields; "expected" holds the canonical signed bytes (hex), each signature (hex,
RFC 6979 deterministic ECDSA with low S, so reproducible) and the complete event JSON (inputs plus signatures).
"""
import base64
import hashlib
import re

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

N = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551

# The scalars of contracts' AuthorityFixtures (0x11 repeated 32 times, ...), so the frozen fixtures and these
# vectors speak of the same keys; consent-service's decision key is 0x71...
KEY_SCALARS = {
    "practitioner-dr-chen": 0x11, "practitioner-dr-chen-next": 0x12, "patient-alice": 0x21,
    "patient-alice-next": 0x22, "hospital-st-mary": 0x31, "gateway-attestation": 0x41, "vault": 0x51,
    "operator-ops-1": 0x61, "consent-service": 0x71,
}
GATEWAY_KEY_ID = "gateway-attestation-1"
RECORD_ID = "1b4e28ba-2fa1-41d2-883f-0016d3cca427"
OTHER_RECORD_ID = "7d444840-9dc0-11d1-b245-5ffdce74fad2"


def scalar(name):
    return int.from_bytes(bytes([KEY_SCALARS[name]]) * 32, "big")


def public_key(name):
    pk = ec.derive_private_key(scalar(name), ec.SECP256R1()).public_key().public_numbers()
    return b"\x04" + pk.x.to_bytes(32, "big") + pk.y.to_bytes(32, "big")


def keys(*names):
    return {n: {"privateKey": scalar(n).to_bytes(32, "big").hex(), "publicKey": public_key(n).hex()} for n in names}


def sign(name, message):
    """ECDSA P-256/SHA-256, RFC 6979 k, r || s with low S (authority-events.md, "Signatures")."""
    der = ec.derive_private_key(scalar(name), ec.SECP256R1()).sign(message, ec.ECDSA(hashes.SHA256(), True))
    r, s = decode_dss_signature(der)
    s = min(s, N - s)
    return r.to_bytes(32, "big") + s.to_bytes(32, "big")


def b64(data):
    return base64.b64encode(data).decode()


def unb64(text):
    return base64.b64decode(text, validate=True)


# ------------------------------------------------------------------ canonical bytes (authority-events.md table)

def raw(data):
    return len(data).to_bytes(4, "big") + data


def text(s):
    return raw(s.encode("utf-8"))


def v1_text(s):
    """A v1 event's text: an absent value is the four characters null."""
    return text("null" if s is None else s)


def opt(s):
    """A v2 optional text: an empty field when absent."""
    return raw(b"") if s is None else text(s)


def blank_absent(s):
    """PartyRegistered.institutionId, AccessRequested.emergencyReason, VaultCommand.operatorId: blank is absent."""
    return None if s is None or s.strip() == "" else s


def count(n):
    return text(str(n))


def boolean(x):
    return text("true" if x else "false")


def integer(n):
    return text(str(n))


def time(iso):
    """text(iso) of the UTC instant as Java's Instant.toString writes it: the fraction, when not zero, in 3, 6 or 9
    digits (the fewest that hold it)."""
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?Z", iso)
    assert m, iso
    fraction = (m.group(2) or "").ljust(9, "0")
    if fraction == "000000000":
        return text(m.group(1) + "Z")
    while fraction.endswith("000"):
        fraction = fraction[:-3]
    return text(m.group(1) + "." + fraction + "Z")


def canonical(label, *fields):
    return text(label) + b"".join(fields)


# ------------------------------------------------------------------------------------------ attestation

def attestation_signed_bytes(a, bound_digest):
    return canonical("hrm/attestation/v2", text(a["attesterKeyId"]), text(a["subjectId"]), text(a["purpose"]),
                     raw(bound_digest), time(a["issuedAt"]))


def attest(a, statement):
    """The gateway's attestation of `statement` (its signed bytes): fields, digest, signed bytes, signature."""
    digest = hashlib.sha256(statement).digest()
    signed = attestation_signed_bytes(a, digest)
    signature = sign(a["signer"], signed)
    as_json = {k: a[k] for k in ("attesterKeyId", "subjectId", "purpose")}
    as_json.update(boundDigest=b64(digest), issuedAt=a["issuedAt"], signature=b64(signature))
    return {"boundDigest": digest.hex(), "signedBytes": signed.hex(), "signature": signature.hex(), "json": as_json}


def case(name, fields, signed, signers, attestation=None, extra_bytes=None):
    """One vector case: `signers` maps a signature field to (key name, the bytes it signs)."""
    signatures = {f: sign(k, message) for f, (k, message) in signers.items()}
    event = dict(fields)
    expected = {"signedBytes": signed.hex()}
    expected.update({k: v.hex() for k, v in (extra_bytes or {}).items()})
    expected["signatures"] = {f: s.hex() for f, s in signatures.items()}
    inputs = {"fields": fields, "signers": {f: k for f, (k, _) in signers.items()}}
    for f, s in signatures.items():
        event[f] = b64(s)
    if attestation is not None:
        inputs["attestation"] = attestation
        made = attest(attestation, signed)
        event["attestation"] = made.pop("json")
        expected["attestation"] = made
    expected["event"] = event
    return {"name": name, "inputs": inputs, "expected": expected}


def gateway(subject, purpose, issued_at):
    return {"attesterKeyId": GATEWAY_KEY_ID, "subjectId": subject, "purpose": purpose, "issuedAt": issued_at,
            "signer": "gateway-attestation"}


# ----------------------------------------------------------------------------------------------- events

def party_registered():
    def one(name, f, attested_at, vouch_by=None):
        signed = canonical("hrm/party-registered/v2", text(f["partyId"]), text(f["kind"]),
                           opt(blank_absent(f.get("institutionId"))), raw(unb64(f["publicKey"])), time(f["registeredAt"]))
        vouch = canonical("hrm/institution-vouch/v2", text(f["partyId"]), text(f["kind"]),
                          opt(blank_absent(f.get("institutionId"))), raw(unb64(f["publicKey"])))
        signers = {"proofOfPossession": (f["partyId"], signed)}
        if vouch_by:
            signers["institutionSignature"] = (vouch_by, vouch)
        return case(name, f, signed, signers, gateway(f["partyId"], "register", attested_at),
                    {"vouchBytes": vouch} if vouch_by else None)

    return {
        "description": "PartyRegistered: signed bytes, proof of possession by the registered key, the gateway's "
                       "attestation (purpose register) and, for a practitioner, its institution's vouch. Register "
                       "the cases in order: the institution first (the practitioner's vouch is checked against it).",
        "structure": "PartyRegistered",
        "keys": keys("hospital-st-mary", "practitioner-dr-chen", "patient-alice", "gateway-attestation"),
        "cases": [
            one("institution (SYSTEM), no institution id; attestation issued 0.12 s later",
                {"partyId": "hospital-st-mary", "kind": "SYSTEM", "publicKey": b64(public_key("hospital-st-mary")),
                 "registeredAt": "2026-11-25T08:00:00Z"}, "2026-11-25T08:00:00.120Z"),
            one("practitioner vouched for by its institution",
                {"partyId": "practitioner-dr-chen", "kind": "PRACTITIONER",
                 "publicKey": b64(public_key("practitioner-dr-chen")), "institutionId": "hospital-st-mary",
                 "registeredAt": "2026-11-25T09:00:00Z"}, "2026-11-25T09:00:01Z", vouch_by="hospital-st-mary"),
            one("patient; a time with a microsecond fraction",
                {"partyId": "patient-alice", "kind": "PATIENT", "publicKey": b64(public_key("patient-alice")),
                 "registeredAt": "2026-11-25T09:30:00.000001Z"}, "2026-11-25T09:30:00Z"),
        ],
    }


def party_key_rotated():
    def one(name, party, old, new, at, attested_at=None):
        f = {"partyId": party, "previousPublicKey": b64(public_key(old)), "newPublicKey": b64(public_key(new)),
             "rotatedAt": at}
        signed = canonical("hrm/party-key-rotated/v2", text(party), raw(public_key(old)), raw(public_key(new)),
                           time(at))
        signers = {"proofOfPossession": (new, signed)}
        if attested_at is None:
            signers["previousKeySignature"] = (old, signed)
            return case(name, f, signed, signers)
        return case(name, f, signed, signers, gateway(party, "rotate-key", attested_at))

    return {
        "description": "PartyKeyRotated on top of the registrations of party-registered.json: a routine rotation "
                       "signed by the previous key, and a lost-key rotation attested by the gateway (purpose "
                       "rotate-key). Both carry the new key's proof of possession.",
        "structure": "PartyKeyRotated",
        "keys": keys("practitioner-dr-chen", "practitioner-dr-chen-next", "patient-alice", "patient-alice-next",
                     "gateway-attestation"),
        "cases": [
            one("routine: signed by the previous key", "practitioner-dr-chen", "practitioner-dr-chen",
                "practitioner-dr-chen-next", "2026-11-27T09:00:00Z"),
            one("lost key: attested by the gateway", "patient-alice", "patient-alice", "patient-alice-next",
                "2026-11-28T10:00:00Z", attested_at="2026-11-28T10:02:30Z"),
        ],
    }


def attestation():
    registration = party_registered()["cases"][1]
    statement = bytes.fromhex(registration["expected"]["signedBytes"])
    a = gateway("practitioner-dr-chen", "register", "2026-11-25T09:00:01Z")
    made = attest(a, statement)
    return {
        "description": "The gateway's identity attestation on its own: bound to a statement's signed bytes (here "
                       "the practitioner registration of party-registered.json) by their SHA-256; valid within 5 "
                       "minutes of the statement's own time.",
        "structure": "Attestation",
        "keys": keys("gateway-attestation"),
        "cases": [{"name": "registration of practitioner-dr-chen",
                   "inputs": {"fields": {k: v for k, v in a.items() if k != "signer"},
                              "signers": {"signature": "gateway-attestation"},
                              "statementSignedBytes": statement.hex(),
                              "statementTime": registration["inputs"]["fields"]["registeredAt"]},
                   "expected": {"boundDigest": made["boundDigest"], "signedBytes": made["signedBytes"],
                                "signatures": {"signature": made["signature"]}, "event": made["json"]}}],
    }


def consent_granted():
    def one(name, f):
        scope = f["scope"]
        fields = [text(f["grantId"]), text(f["domain"]), text(f["ownerId"]), text(f["granteeId"]),
                  text(",".join(scope["recordIds"])), v1_text(scope.get("category")), text(f["purpose"]),
                  time(f["validFrom"]), time(f["expiresAt"]), time(f["grantedAt"])]
        for share in f["shares"]:
            fields += [text(share["recordId"]), raw(unb64(share["share"]))]
        signed = canonical("hrm/consent-granted/v1", *fields)
        return case(name, f, signed, {"ownerSignature": (f["ownerId"], signed)})

    opaque_share = b64(bytes(range(145)))  # stands for a 145-byte v2 key share (record-v2.json has a real one)
    return {
        "description": "ConsentGranted (v1 label, kept in protocol v2), signed by the owner. The share bytes are "
                       "opaque here: the signature covers them as they are.",
        "structure": "ConsentGranted",
        "keys": keys("patient-alice"),
        "cases": [
            one("two records, a share for each; category absent (signed as the text null)",
                {"grantId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "domain": "PATIENT", "ownerId": "patient-alice",
                 "granteeId": "practitioner-dr-chen", "scope": {"recordIds": [RECORD_ID, OTHER_RECORD_ID]},
                 "purpose": "TREAT", "validFrom": "2026-11-25T10:00:00Z", "expiresAt": "2026-12-25T10:00:00Z",
                 "shares": [{"recordId": RECORD_ID, "share": opaque_share},
                            {"recordId": OTHER_RECORD_ID, "share": b64(bytes(reversed(range(145))))}],
                 "grantedAt": "2026-11-25T10:00:00.5Z"}),
            one("by category, no record ids (an empty text) and no shares",
                {"grantId": "a8098c1a-f86e-41d2-9f6c-2a3b4c5d6e7f", "domain": "PATIENT", "ownerId": "patient-alice",
                 "granteeId": "practitioner-dr-chen", "scope": {"recordIds": [], "category": "Observation"},
                 "purpose": "RESEARCH", "validFrom": "2026-11-25T10:00:00Z", "expiresAt": "2027-11-25T10:00:00Z",
                 "shares": [], "grantedAt": "2026-11-25T10:00:00Z"}),
        ],
    }


def consent_revoked():
    f = {"grantId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301", "domain": "PATIENT", "ownerId": "patient-alice",
         "revokedAt": "2026-11-26T08:15:00Z"}
    signed = canonical("hrm/consent-revoked/v1", text(f["grantId"]), text(f["domain"]), text(f["ownerId"]),
                       time(f["revokedAt"]))
    return {
        "description": "ConsentRevoked (v1 label, kept in protocol v2), signed by the owner.",
        "structure": "ConsentRevoked",
        "keys": keys("patient-alice"),
        "cases": [case("revocation of the first grant of consent-granted.json", f, signed,
                       {"ownerSignature": ("patient-alice", signed)})],
    }


def access_requested():
    def one(name, f, attested_at=None):
        signed = canonical("hrm/access-requested/v2", text(f["requestId"]), text(f["recordId"]), text(f["domain"]),
                           text(f["requesterId"]), text(f["purpose"]), opt(blank_absent(f.get("emergencyReason"))),
                           time(f["requestedAt"]))
        if attested_at is None:
            return case(name, f, signed, {"requesterSignature": (f["requesterId"], signed)})
        return case(name, f, signed, {}, gateway(f["requesterId"], "access", attested_at))

    return {
        "description": "AccessRequested: signed by the requester's current key, or attested by the gateway (purpose "
                       "access) for a caller without its key at hand.",
        "structure": "AccessRequested",
        "keys": keys("practitioner-dr-chen", "gateway-attestation"),
        "cases": [
            one("signed by the requester; no emergency reason (an empty field)",
                {"requestId": "0f8fad5b-d9cb-469f-a165-70867728950e", "recordId": RECORD_ID, "domain": "PATIENT",
                 "requesterId": "practitioner-dr-chen", "purpose": "TREAT", "requestedAt": "2026-11-25T11:00:00Z"}),
            one("emergency, attested by the gateway; non-ASCII reason",
                {"requestId": "5a8a2f4e-5c21-4f3b-8f6e-9d0c1b2a3e4f", "recordId": RECORD_ID, "domain": "PATIENT",
                 "requesterId": "practitioner-dr-chen", "purpose": "EMERGENCY",
                 "emergencyReason": "patient unconscious in the emergency room, allergies unknown (\u00e9tat critique)",
                 "requestedAt": "2026-11-25T23:59:59Z"}, attested_at="2026-11-26T00:00:02Z"),
        ],
    }


def access_decided():
    def one(name, f):
        key = unb64(f["requesterPublicKey"]) if "requesterPublicKey" in f else b""
        signed = canonical("hrm/access-decided/v2", text(f["requestId"]), text(f["recordId"]), text(f["domain"]),
                           text(f["requesterId"]), boolean(f["allowed"]), text(f["basis"]),
                           v1_text(f.get("shareHolderId")), v1_text(f.get("grantId")), raw(key), text(f["reason"]),
                           time(f["decidedAt"]), time(f["expiresAt"]))
        return case(name, f, signed, {"signature": ("consent-service", signed)})

    return {
        "description": "AccessDecided v2, signed by consent-service's published key; an absent text is the text "
                       "null, an absent requester key a zero-length field.",
        "structure": "AccessDecided",
        "keys": keys("consent-service"),
        "cases": [
            one("allowed by a grant, with the requester's key",
                {"requestId": "0f8fad5b-d9cb-469f-a165-70867728950e", "recordId": RECORD_ID, "domain": "PATIENT",
                 "requesterId": "practitioner-dr-chen", "allowed": True, "basis": "GRANT",
                 "shareHolderId": "practitioner-dr-chen", "grantId": "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                 "requesterPublicKey": b64(public_key("practitioner-dr-chen")), "reason": "granted by the owner",
                 "decidedAt": "2026-11-25T11:00:01Z", "expiresAt": "2026-11-25T11:15:01Z"}),
            one("denied: no share holder, grant or key",
                {"requestId": "6b3c2d1e-0f9a-4b8c-8d7e-6f5a4b3c2d1e", "recordId": RECORD_ID, "domain": "PATIENT",
                 "requesterId": "practitioner-dr-chen", "allowed": False, "basis": "NONE",
                 "reason": "no grant covers this record", "decidedAt": "2026-11-25T11:00:01Z",
                 "expiresAt": "2026-11-25T11:00:01Z"}),
        ],
    }


def erasure_requested():
    def one(name, f, attested_at=None):
        signed = canonical("hrm/erasure-requested/v2", text(f["requestId"]), text(f["domain"]), text(f["ownerId"]),
                           opt(f.get("recordId")), time(f["requestedAt"]))
        if attested_at is None:
            return case(name, f, signed, {"ownerSignature": (f["ownerId"], signed)})
        return case(name, f, signed, {}, gateway(f["ownerId"], "erasure", attested_at))

    return {
        "description": "ErasureRequested: signed by the owner's current key, or attested by the gateway (purpose "
                       "erasure) for an identity-verified owner who lost the key.",
        "structure": "ErasureRequested",
        "keys": keys("patient-alice", "gateway-attestation"),
        "cases": [
            one("one record, signed by the owner",
                {"requestId": "9c1185a5-c5e9-4f2c-8b0e-2f6ae4bb1c2d", "domain": "PATIENT", "ownerId": "patient-alice",
                 "recordId": RECORD_ID, "requestedAt": "2026-11-26T09:00:00Z"}),
            one("every record of the owner (no record id: an empty field), attested by the gateway",
                {"requestId": "c56a4180-65aa-42ec-a945-5fd21dec0538", "domain": "PATIENT", "ownerId": "patient-alice",
                 "requestedAt": "2026-11-26T09:05:00Z"}, attested_at="2026-11-26T09:04:00Z"),
        ],
    }


PSEUDONYM = bytes(range(32))
READER_PSEUDONYM = bytes(reversed(range(32)))


def keys_destroyed():
    f = {"requestId": "9c1185a5-c5e9-4f2c-8b0e-2f6ae4bb1c2d", "domain": "PATIENT", "ownerId": "patient-alice",
         "allRecords": False, "records": [{"recordId": RECORD_ID, "ownerPseudonym": b64(PSEUDONYM)}],
         "keys": [{"kind": "K2", "keyId": RECORD_ID, "recordId": RECORD_ID, "masterKeyVersion": 3},
                  {"kind": "KEK", "keyId": "kek-patient-alice-1", "masterKeyVersion": 0}],
         "destroyedAt": "2026-11-26T09:00:01Z"}
    fields = [text(f["requestId"]), text(f["domain"]), text(f["ownerId"]), boolean(f["allRecords"]),
              count(len(f["records"]))]
    for r in f["records"]:
        fields += [text(r["recordId"]), raw(unb64(r["ownerPseudonym"]))]
    fields.append(count(len(f["keys"])))
    for k in f["keys"]:
        fields += [text(k["kind"]), text(k["keyId"]), opt(k.get("recordId")), integer(k["masterKeyVersion"])]
    signed = canonical("hrm/keys-destroyed/v2", *fields, time(f["destroyedAt"]))
    return {
        "description": "KeysDestroyed, signed by the vault's signing key; a key without a record id (a KEK) has an "
                       "empty field there.",
        "structure": "KeysDestroyed",
        "keys": keys("vault"),
        "cases": [case("one record: its K2 and a KEK", f, signed, {"vaultSignature": ("vault", signed)})],
    }


def erasure_receipt():
    f = {"requestId": "9c1185a5-c5e9-4f2c-8b0e-2f6ae4bb1c2d", "domain": "PATIENT", "ownerId": "patient-alice",
         "recordIds": [RECORD_ID, OTHER_RECORD_ID],
         "keys": [{"kind": "K2", "keyId": RECORD_ID, "recordId": RECORD_ID, "masterKeyVersion": 3},
                  {"kind": "KEK", "keyId": "kek-patient-alice-1", "masterKeyVersion": -1}],
         "destroyedAt": "2026-11-26T09:00:01Z", "contractAddress": "0x42699a7612a82f1d9c36148af9c77354759b210b",
         "tombstones": [{"recordId": RECORD_ID, "transactionHash":
                         "0x9fc76417374aa880d4449a1f7f31ec597f00b1f6f3dd2d66f4c9c6c445836d8b",
                         "blockNumber": 4294967296, "logIndex": 0}],
         "issuedAt": "2026-11-26T09:00:05.250Z"}
    fields = [text(f["requestId"]), text(f["domain"]), text(f["ownerId"]), text(",".join(f["recordIds"]))]
    for k in f["keys"]:
        fields += [text(k["kind"]), text(k["keyId"]), v1_text(k.get("recordId")), integer(k["masterKeyVersion"])]
    fields += [time(f["destroyedAt"]), v1_text(f.get("contractAddress"))]
    for t in f["tombstones"]:
        fields += [text(t["recordId"]), text(t["transactionHash"]), integer(t["blockNumber"]), integer(t["logIndex"])]
    signed = canonical("hrm/erasure-receipt/v1", *fields, time(f["issuedAt"]))
    return {
        "description": "ErasureReceipt (v1 label), signed by the vault: the owner's proof of an erasure. Lists "
                       "without counts, an absent text is null; a negative number keeps its minus sign; a block "
                       "number is a 64-bit integer.",
        "structure": "ErasureReceipt",
        "keys": keys("vault"),
        "cases": [case("two records, two keys, one tombstone", f, signed, {"vaultSignature": ("vault", signed)})],
    }


def record_sealed():
    c2 = b"outer ciphertext C2 stands here"
    f = {"recordId": RECORD_ID, "domain": "PRACTITIONER", "ownerPseudonym": b64(PSEUDONYM),
         "outerCiphertext": b64(c2),
         "shares": [{"readerPseudonym": b64(PSEUDONYM), "share": b64(bytes(range(145)))},
                    {"readerPseudonym": b64(READER_PSEUDONYM), "share": b64(bytes(reversed(range(145))))}],
         "authorSignature": b64(bytes(range(64))), "sealedAt": "2026-11-25T10:15:31Z"}
    fields = [text(f["recordId"]), text(f["domain"]), raw(PSEUDONYM), raw(hashlib.sha256(c2).digest()),
              count(len(f["shares"]))]
    for s in f["shares"]:
        fields += [raw(unb64(s["readerPseudonym"])), raw(unb64(s["share"]))]
    signed = canonical("hrm/record-sealed/v2", *fields, raw(unb64(f["authorSignature"])), time(f["sealedAt"]))
    return {
        "description": "RecordSealed, signed by the vault before the ledger writer puts it on chain; C2 enters by "
                       "its SHA-256. Ciphertext, shares and author signature are opaque bytes here.",
        "structure": "RecordSealed",
        "keys": keys("vault"),
        "cases": [case("two shares", f, signed, {"vaultSignature": ("vault", signed)})],
    }


def vault_command():
    def one(name, f):
        signed = canonical("hrm/vault-command/v2", text(f["commandId"]), text(f["command"]), integer(f["version"]),
                           time(f["issuedAt"]), opt(blank_absent(f.get("operatorId"))))
        return case(name, f, signed, {"operatorSignature": (f["operatorId"], signed)})

    return {
        "description": "VaultCommand, signed by an operator key the vault trusts for operatorId.",
        "structure": "VaultCommand",
        "keys": keys("operator-ops-1"),
        "cases": [
            one("rotate the master key", {"commandId": "6f1c2a9e-3b7d-4c55-9a0e-2d8b7f4e1c30", "command": "ROTATE",
                                          "version": 0, "issuedAt": "2026-11-28T09:00:00Z",
                                          "operatorId": "operator-ops-1"}),
            one("retire master key version 2", {"commandId": "e7a1c3b5-2d4f-4a6b-8c9d-0e1f2a3b4c5d",
                                                "command": "RETIRE", "version": 2,
                                                "issuedAt": "2026-11-28T09:30:00Z", "operatorId": "operator-ops-1"}),
        ],
    }


def key_file():
    k = keys("patient-alice")["patient-alice"]
    public, private = bytes.fromhex(k["publicKey"]), bytes.fromhex(k["privateKey"])
    content = '{"partyId":"patient-alice","publicKey":"%s","privateKey":"%s"}' % (b64(public), b64(private))
    other = keys("practitioner-dr-chen")["practitioner-dr-chen"]["publicKey"]
    mismatched = '{"partyId":"patient-alice","publicKey":"%s","privateKey":"%s"}' % (
        b64(bytes.fromhex(other)), b64(private))
    return {
        "description": "PartyKeyFile: a party's keys on disk (docs/wire-format.md, Key file). fileText is exactly "
                       "what the Java SDK writes; a reader accepts any JSON spelling of the same three fields and "
                       "refuses a file whose public key is not its private key's.",
        "structure": "PartyKeyFile",
        "keys": {"patient-alice": k},
        "cases": [
            {"name": "patient-alice", "inputs": {"partyId": "patient-alice", "key": "patient-alice"},
             "expected": {"fileText": content, "valid": True}},
            {"name": "another party's public key: refused", "inputs": {"partyId": "patient-alice"},
             "expected": {"fileText": mismatched, "valid": False}},
        ],
    }


def signature():
    """ECDSA edge cases of authority-events.md, "Signatures": high S verifies; malformed is "not signed"."""
    message = bytes.fromhex(party_registered()["cases"][1]["expected"]["signedBytes"])
    low = sign("practitioner-dr-chen", message)
    r, s = int.from_bytes(low[:32], "big"), int.from_bytes(low[32:], "big")
    assert s <= N // 2
    high = low[:32] + (N - s).to_bytes(32, "big")
    zero = bytes(32)
    n = N.to_bytes(32, "big")
    point = public_key("practitioner-dr-chen")
    compressed = bytes([2 + (point[64] & 1)]) + point[1:33]
    return {
        "description": "ECDSA P-256/SHA-256 r || s over the practitioner registration of party-registered.json: the "
                       "low-S signature the platform makes, the high-S twin (n - s) every verifier must accept too, "
                       "and malformed signatures and keys every verifier must treat as not signed, without error.",
        "structure": "Signature",
        "keys": keys("practitioner-dr-chen"),
        "message": message.hex(),
        "valid": [{"name": "low S (as signed)", "signature": low.hex()},
                  {"name": "high S (n - s)", "signature": high.hex()}],
        "invalid": [
            {"name": "r = 0", "signature": (zero + low[32:]).hex()},
            {"name": "s = 0", "signature": (low[:32] + zero).hex()},
            {"name": "r = n", "signature": (n + low[32:]).hex()},
            {"name": "s = n", "signature": (low[:32] + n).hex()},
            {"name": "63 bytes", "signature": low[:63].hex()},
            {"name": "DER-encoded instead of r || s", "signature": (
                b"\x30" + bytes([len(low) + 4 + (low[0] >= 0x80) + (low[32] >= 0x80)])
                + b"\x02" + bytes([32 + (low[0] >= 0x80)]) + (b"\x00" if low[0] >= 0x80 else b"") + low[:32]
                + b"\x02" + bytes([32 + (low[32] >= 0x80)]) + (b"\x00" if low[32] >= 0x80 else b"") + low[32:]).hex()},
            {"name": "compressed public key", "signature": low.hex(), "publicKey": compressed.hex()},
            {"name": "public key off the curve", "signature": low.hex(),
             "publicKey": (point[:64] + bytes([point[64] ^ 1])).hex()},
        ],
    }


FILES = {
    "party-registered.json": party_registered, "party-key-rotated.json": party_key_rotated,
    "attestation.json": attestation, "consent-granted.json": consent_granted,
    "consent-revoked.json": consent_revoked, "access-requested.json": access_requested,
    "access-decided.json": access_decided, "erasure-requested.json": erasure_requested,
    "keys-destroyed.json": keys_destroyed, "erasure-receipt.json": erasure_receipt,
    "record-sealed.json": record_sealed, "vault-command.json": vault_command, "key-file.json": key_file,
    "signature.json": signature,
}


def self_check():
    """The canonical example of authority-events.md, and the time spellings of its table."""
    example = canonical("hrm/x/v2", text("ab"), raw(bytes([1, 2, 3])))
    assert example.hex() == "00000008" "68726d2f782f7632" "00000002" "6162" "00000003" "010203", example.hex()
    assert time("2026-11-25T09:00:00.000Z") == text("2026-11-25T09:00:00Z")
    assert time("2026-11-25T09:00:00.12Z") == text("2026-11-25T09:00:00.120Z")
    assert time("2026-11-25T09:00:00.000001Z") == text("2026-11-25T09:00:00.000001Z")
    assert time("2026-11-25T09:00:00.0000001Z") == text("2026-11-25T09:00:00.000000100Z")
    assert count(1).hex() == "0000000131"
