package org.hrm.benchmarks.jmh;

import java.security.SecureRandom;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;

/** Ids and helpers shared by the benchmarks; every key is generated per trial and never leaves memory. */
final class Fixtures {
    static final String RECORD_ID = "3f0c2a9e-7d41-4b8e-9a65-0c1d2e3f4a5b";
    static final Domain DOMAIN = Domain.PATIENT;
    static final String OWNER_ID = "patient-0001";
    static final String AUTHOR_ID = "practitioner-0001";
    static final String GRANTEE_ID = "practitioner-0002";

    private Fixtures() {}

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /** A record written by the author for the owner: two shares (owner, author), as the client creates it. */
    static EncryptedRecord record(PartyKeys owner, PartyKeys author, byte[] plaintext) {
        return new RecordEncryptor()
                .encrypt(
                        RECORD_ID,
                        DOMAIN,
                        owner.partyId(),
                        author,
                        plaintext,
                        java.util.Map.of(owner.partyId(), owner.publicKey()));
    }

    static void require(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("benchmark setup is broken: " + failure);
        }
    }
}
