package org.hrm.client.sdk;

import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.Domain;

/** Fixed parties and inputs shared by the SDK tests; the owner's and author's keys are those of the vectors. */
final class TestParties {
    static final String RECORD_ID = "6f1c1a52-8b4e-4d7e-9c5b-2f0a3d9e7b11";
    static final Domain DOMAIN = Domain.PATIENT;
    static final String OWNER_ID = "patient-0001";
    static final String AUTHOR_ID = "hospital-a/dr-lee";

    /** SHA-256("hrm test vector owner") and SHA-256("hrm test vector author"), both below the P-256 order. */
    static final PartyKeys OWNER =
            PartyKeys.fromPrivateKey(OWNER_ID, hex("36fb583492ec0cc2d88f8664424d344605635fc147e2e08c973a2c929e1901c1"));

    static final PartyKeys AUTHOR = PartyKeys.fromPrivateKey(
            AUTHOR_ID, hex("f5f004da99116497f0f65932e1fb8e503dafba33f103cdee11b9d7ab2a568372"));
    static final PartyKeys GRANTEE = PartyKeys.generate("dr-grant");
    static final PartyKeys STRANGER = PartyKeys.generate("stranger");

    private TestParties() {}

    static Map<String, byte[]> ownerOnly() {
        return Map.of(OWNER_ID, OWNER.publicKey());
    }

    static Map<String, byte[]> ownerAndGrantee() {
        return Map.of(OWNER_ID, OWNER.publicKey(), GRANTEE.partyId(), GRANTEE.publicKey());
    }

    static String otherRecordId() {
        return UUID.randomUUID().toString();
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
