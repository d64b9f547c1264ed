package org.hrm.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hrm.cli.Session;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeys;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.contracts.Domain;

/** A patient-domain record written by {@code author} for {@code owner} only, and submitted. */
final class PatientRecords {
    private PatientRecords() {}

    static EncryptedRecord submit(Session session, PartyKeys author, PartyKeys owner, byte[] plaintext) {
        EncryptedRecord record = new RecordEncryptor()
                .encrypt(
                        UUID.randomUUID().toString(),
                        Domain.PATIENT,
                        owner.partyId(),
                        author,
                        plaintext,
                        Map.of(owner.partyId(), owner.publicKey()));
        session.publisher
                .publish(record.toSubmitted(Instant.now(), "Observation"))
                .join();
        return record;
    }
}
