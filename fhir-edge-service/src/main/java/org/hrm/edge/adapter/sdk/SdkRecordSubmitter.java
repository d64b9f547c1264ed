package org.hrm.edge.adapter.sdk;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hrm.client.kafka.RecordPublisher;
import org.hrm.client.sdk.EncryptedRecord;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.client.sdk.RecordEncryptor;
import org.hrm.client.sdk.StandingGrantees;
import org.hrm.edge.domain.PreparedRecord;
import org.hrm.edge.domain.RecordSubmitter;

/**
 * Submits as {@code ./hrm submit} does: a fresh record id, readers = the owner, the owner's standing grantees whose
 * scope covers the record's category (asked of the gateway; each one's key taken from the party directory the edge
 * verified, never from the answer), and the hospital (the SDK adds the author), encrypted and signed with the
 * hospital's key, published to the record-submitted topic and acknowledged before the id is returned.
 */
public final class SdkRecordSubmitter implements RecordSubmitter {
    private final PartyKeyHolder hospital;
    private final RecordPublisher publisher;
    private final DirectoryView directory;
    private final StandingGrantees grantees;
    private final RecordEncryptor encryptor = new RecordEncryptor();

    SdkRecordSubmitter(
            PartyKeyHolder hospital, RecordPublisher publisher, DirectoryView directory, StandingGrantees grantees) {
        this.hospital = hospital;
        this.publisher = publisher;
        this.directory = directory;
        this.grantees = grantees;
    }

    @Override
    public String submit(PreparedRecord record) {
        String recordId = UUID.randomUUID().toString();
        String ownerId = record.owner().ownerId();
        Map<String, byte[]> readers = new LinkedHashMap<>();
        readers.put(ownerId, directory.publicKey(ownerId));
        for (String granteeId : grantees.covering(record.owner().domain(), ownerId, record.category())) {
            readers.put(granteeId, directory.publicKey(granteeId));
        }
        EncryptedRecord encrypted =
                encryptor.encrypt(recordId, record.owner().domain(), ownerId, hospital, record.plaintext(), readers);
        publisher
                .publish(encrypted.toSubmitted(Instant.now(), record.category()))
                .join();
        return recordId;
    }
}
