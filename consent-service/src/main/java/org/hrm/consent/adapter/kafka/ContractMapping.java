package org.hrm.consent.adapter.kafka;

import org.hrm.consent.application.ConsentDomains;
import org.hrm.consent.domain.AccessRequest;
import org.hrm.consent.domain.Digests;
import org.hrm.consent.domain.Erasure;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.consent.domain.Revocation;
import org.hrm.consent.domain.Scope;
import org.hrm.consent.domain.Signed;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.ErasedRecord;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.RecordSubmitted;

/** Maps consumed contract events to the service's domain; signed events keep the exact bytes their owner signed. */
final class ContractMapping {
    private ContractMapping() {}

    static RecordEntry record(RecordSubmitted event) {
        return new RecordEntry(
                event.recordId(),
                ConsentDomains.of(event.domain()),
                event.ownerId(),
                event.authorId(),
                event.category());
    }

    static Signed<Grant> grant(ConsentGranted event) {
        byte[] signedBytes = event.signedBytes();
        Grant grant = new Grant(
                event.grantId(),
                ConsentDomains.of(event.domain()),
                event.ownerId(),
                event.granteeId(),
                new Scope(event.scope().recordIds(), event.scope().category()),
                event.purpose(),
                event.validFrom(),
                event.expiresAt(),
                event.grantedAt(),
                Digests.sha256(signedBytes),
                null);
        return new Signed<>(grant, signedBytes, event.ownerSignature());
    }

    static Signed<Revocation> revocation(ConsentRevoked event) {
        Revocation revocation =
                new Revocation(event.grantId(), ConsentDomains.of(event.domain()), event.ownerId(), event.revokedAt());
        return new Signed<>(revocation, event.signedBytes(), event.ownerSignature());
    }

    static Erasure erasure(KeysDestroyed event) {
        return new Erasure(
                event.requestId(),
                ConsentDomains.of(event.domain()),
                event.ownerId(),
                event.allRecords(),
                event.records().stream().map(ErasedRecord::recordId).toList(),
                event.destroyedAt());
    }

    static AccessRequest request(AccessRequested event) {
        return new AccessRequest(
                event.requestId(),
                event.recordId(),
                ConsentDomains.of(event.domain()),
                event.requesterId(),
                event.purpose(),
                event.emergencyReason(),
                event.requestedAt());
    }
}
