package org.hrm.contracts;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.Attestation;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyHistory;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.SealedShare;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.crypto.P256KeyPair;

/**
 * The signed v2 events of the frozen fixtures, rebuilt from fixed private keys: ECDSA here is deterministic (RFC 6979),
 * so the same keys and fields give the same bytes, and a fixture that no longer matches is a changed signed form.
 */
public final class AuthorityFixtures {
    public static final String GATEWAY_KEY_ID = "gateway-attestation-1";
    public static final P256KeyPair DR_CHEN = key("11");
    public static final P256KeyPair DR_CHEN_NEXT = key("12");
    public static final P256KeyPair ALICE = key("21");
    public static final P256KeyPair ST_MARY = key("31");
    public static final P256KeyPair GATEWAY = key("41");
    public static final P256KeyPair VAULT = key("51");
    public static final P256KeyPair OPERATOR = key("61");
    public static final P256KeyPair CONSENT = key("71");

    public static final String RECORD_ID = "1b4e28ba-2fa1-41d2-883f-0016d3cca427";
    public static final String ERASURE_ID = "9c1185a5-c5e9-4f2c-8b0e-2f6ae4bb1c2d";
    public static final String ACCESS_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    public static final String COMMAND_ID = "6f1c2a9e-3b7d-4c55-9a0e-2d8b7f4e1c30";
    private static final byte[] PSEUDONYM = Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    private static final byte[] READER_PSEUDONYM =
            Base64.getDecoder().decode("HxweHRwbGhkYFxYVFBMSERAPDg0MCwoJCAcGBQQDAgE=");

    private AuthorityFixtures() {}

    public static AttestationKeys trusted() {
        return AttestationKeys.of(Map.of(GATEWAY_KEY_ID, GATEWAY.publicKey()));
    }

    public static Attestation attest(String subject, String purpose, byte[] statement, Instant at) {
        return Attestation.issue(GATEWAY, GATEWAY_KEY_ID, subject, purpose, statement, at);
    }

    /** Dr Chen registers, attested by the gateway, vouched for by St Mary. */
    public static PartyRegistered partyRegistered() {
        Instant at = Instant.parse("2026-11-25T09:00:00Z");
        PartyRegistered draft = new PartyRegistered(
                        "practitioner-dr-chen",
                        PartyKind.PRACTITIONER,
                        DR_CHEN.publicKey(),
                        "hospital-st-mary",
                        at,
                        null,
                        null,
                        null)
                .provenBy(DR_CHEN);
        return draft.withAttestation(attest(draft.partyId(), Attestation.REGISTER, draft.signedBytes(), at))
                .vouchedBy(ST_MARY);
    }

    /** St Mary (a hospital system) registers, attested by the gateway. */
    public static PartyRegistered institutionRegistered() {
        Instant at = Instant.parse("2026-11-25T08:00:00Z");
        PartyRegistered draft = new PartyRegistered(
                        "hospital-st-mary", PartyKind.SYSTEM, ST_MARY.publicKey(), null, at, null, null, null)
                .provenBy(ST_MARY);
        return draft.withAttestation(attest(draft.partyId(), Attestation.REGISTER, draft.signedBytes(), at));
    }

    /** Dr Chen rotates to a new key, signed by the old one. */
    public static PartyKeyRotated partyKeyRotated() {
        return PartyKeyRotated.rotate(
                "practitioner-dr-chen", DR_CHEN, DR_CHEN_NEXT, Instant.parse("2026-11-27T09:00:00Z"));
    }

    /** Dr Chen's history as the directory topic carries it: the registration, then the rotation. */
    public static PartyHistory partyHistory() {
        return PartyHistory.of(partyRegistered()).with(partyKeyRotated());
    }

    public static RecordSealed recordSealed() {
        return new RecordSealed(
                        RECORD_ID,
                        Domain.PRACTITIONER,
                        PSEUDONYM,
                        "c2-bytes".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        List.of(new SealedShare(
                                READER_PSEUDONYM, "share".getBytes(java.nio.charset.StandardCharsets.UTF_8))),
                        "signature".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        Instant.parse("2026-11-25T10:15:31Z"),
                        null)
                .signedBy(VAULT);
    }

    public static AccessRequested accessRequested() {
        return new AccessRequested(
                        ACCESS_ID,
                        RECORD_ID,
                        Domain.PATIENT,
                        "practitioner-dr-chen",
                        "TREAT",
                        null,
                        Instant.parse("2026-11-25T11:00:00Z"),
                        null,
                        null)
                .signedBy(DR_CHEN);
    }

    public static ErasureRequested erasureRequested() {
        return new ErasureRequested(
                        ERASURE_ID,
                        Domain.PATIENT,
                        "patient-alice",
                        RECORD_ID,
                        Instant.parse("2026-11-26T09:00:00Z"),
                        null,
                        null)
                .signedBy(ALICE);
    }

    public static KeysDestroyed keysDestroyed() {
        return new KeysDestroyed(
                        ERASURE_ID,
                        Domain.PATIENT,
                        "patient-alice",
                        false,
                        List.of(new ErasedRecord(RECORD_ID, PSEUDONYM)),
                        List.of(new DestroyedKey("K2", RECORD_ID, RECORD_ID, 0)),
                        Instant.parse("2026-11-26T09:00:01Z"),
                        null)
                .signedBy(VAULT);
    }

    public static VaultCommand vaultCommand() {
        return new VaultCommand(COMMAND_ID, "ROTATE", 0, Instant.parse("2026-11-28T09:00:00Z"), null, null)
                .signedBy("operator-ops-1", OPERATOR);
    }

    /** A read Dr Chen made under a standing grant, as consent-service audits and signs it. */
    public static AuditEvent auditEvent() {
        return new AuditEvent(
                        "a3bb189e-8bf9-3888-9912-ace4e6543002",
                        "rest",
                        "read",
                        "R",
                        Instant.parse("2026-11-25T11:00:00.100Z"),
                        "0",
                        "standing grant covers the record",
                        List.of(new AuditEvent.Agent("practitioner-dr-chen", "grantee", true)),
                        List.of(new AuditEvent.Entity(RECORD_ID, "record")),
                        "TREAT",
                        false,
                        Domain.PATIENT,
                        "patient-alice")
                .signedBy(CONSENT);
    }

    /** The signed fixture of {@code type}, or null for an event that has none here. */
    public static Object signed(String type) {
        return switch (type) {
            case "PartyRegistered" -> partyRegistered();
            case "PartyKeyRotated" -> partyKeyRotated();
            case "PartyHistory" -> partyHistory();
            case "RecordSealed" -> recordSealed();
            case "AccessRequested" -> accessRequested();
            case "ErasureRequested" -> erasureRequested();
            case "KeysDestroyed" -> keysDestroyed();
            case "VaultCommand" -> vaultCommand();
            case "AuditEvent" -> auditEvent();
            default -> null;
        };
    }

    private static P256KeyPair key(String byteHex) {
        return P256KeyPair.fromPrivateKey(HexFormat.of().parseHex(byteHex.repeat(32)));
    }
}
