package org.hrm.consent;

import static com.mongodb.client.model.Filters.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.PartyKind;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordSubmitted;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Drives the service step by step: each step is sent on its topic and waited for (parties and records in MongoDB,
 * grants and revocations by their audit event), because Kafka orders nothing across topics.
 */
public final class ConsentDriver {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final ConsentProbe kafka;
    private final MongoTemplate mongo;

    public ConsentDriver(ConsentProbe kafka, MongoTemplate mongo) {
        this.kafka = kafka;
        this.mongo = mongo;
    }

    /** Registers institutions first: a practitioner's registration is checked against its institution's key. */
    public void register(PartyRegistered... parties) {
        registerNow(Arrays.stream(parties)
                .filter(party -> party.kind() == PartyKind.SYSTEM)
                .toList());
        registerNow(Arrays.stream(parties)
                .filter(party -> party.kind() != PartyKind.SYSTEM)
                .toList());
    }

    private void registerNow(List<PartyRegistered> parties) {
        parties.forEach(party -> kafka.send(Topic.PARTY_REGISTERED.topicName(), party.partyId(), party));
        List<String> ids = parties.stream().map(PartyRegistered::partyId).toList();
        eventually(() -> mongo.getCollection("parties").countDocuments(in("_id", ids)) == ids.size());
    }

    public void index(RecordSubmitted... records) {
        for (RecordSubmitted record : records) {
            kafka.send(Topic.RECORD_SUBMITTED.name(record.domain()), record.recordId(), record);
            String collection = record.domain().id() + "_records";
            eventually(() -> mongo.getCollection(collection).countDocuments(in("_id", record.recordId())) == 1);
        }
    }

    /** Sends the grant and returns its audit event (accepted or rejected). */
    public AuditEvent grant(ConsentGranted grant) {
        kafka.send(Topic.CONSENT_GRANTED.name(grant.domain()), grant.ownerId(), grant);
        return kafka.awaitAudit(audit -> audit.action().equals("C") && concerns(audit, grant.grantId()));
    }

    /** Sends the revocation and returns its audit event (accepted or rejected). */
    public AuditEvent revoke(ConsentRevoked revocation) {
        kafka.send(Topic.CONSENT_REVOKED.name(revocation.domain()), revocation.ownerId(), revocation);
        return kafka.awaitAudit(audit -> audit.action().equals("D") && concerns(audit, revocation.grantId()));
    }

    public static boolean concerns(AuditEvent audit, String id) {
        return audit.entity().stream().anyMatch(entity -> entity.what().equals(id));
    }

    private static void eventually(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + PATIENCE);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
