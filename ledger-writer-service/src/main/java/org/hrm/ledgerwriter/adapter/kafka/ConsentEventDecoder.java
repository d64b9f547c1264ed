package org.hrm.ledgerwriter.adapter.kafka;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.contracts.events.GrantShare;
import org.hrm.ledgerwriter.application.ConsentWrite;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Decodes ConsentGranted (one entry per key share) and ConsentRevoked (one entry) events, each on its
 * own, so one bad event never fails the batch, and lets through only what {@link WriteAuthority} accepts: the
 * owner's signature against the directory, v2-shaped shares, a revocation of a grant of the same owner. The chain
 * keeps what it is given for good, so a forged or malformed consent is dead-lettered before anything is written. A
 * revocation its owner signed whose grant is not verified yet is deferred (see {@link ConsentHandler}).
 */
@Component
class ConsentEventDecoder {
    private static final Logger log = LoggerFactory.getLogger(ConsentEventDecoder.class);

    private final EventReader reader;
    private final WriteAuthority authority;

    ConsentEventDecoder(EventCodec codec, WriteAuthority authority) {
        this.reader = new EventReader(codec);
        this.authority = authority;
    }

    /**
     * Grants first, then revocations: the two are different topics, so a batch may list a revocation before the grant
     * it names, and a revocation is accepted only for a grant already verified; one naming a grant verified neither
     * before nor in this batch is deferred.
     */
    Intake<ConsentWrite> decode(List<ConsumerRecord<String, byte[]>> records) {
        Intake<ConsentWrite> intake = new Intake<>();
        List<ConsumerRecord<String, byte[]>> grantsFirst = records.stream()
                .sorted(Comparator.comparing((ConsumerRecord<String, byte[]> record) -> !isGrant(record)))
                .toList();
        for (ConsumerRecord<String, byte[]> record : grantsFirst) {
            boolean granted = isGrant(record);
            try {
                if (granted) {
                    granted(record, intake);
                } else {
                    revoked(record, intake);
                }
            } catch (InvalidEventException e) {
                intake.reject(record, e.getMessage());
            } catch (IllegalArgumentException e) {
                intake.reject(
                        record, "invalid " + (granted ? "ConsentGranted" : "ConsentRevoked") + ": " + e.getMessage());
            }
        }
        return intake;
    }

    private void granted(ConsumerRecord<String, byte[]> record, Intake<ConsentWrite> intake) {
        ConsentGranted grant = reader.read(record, Topic.CONSENT_GRANTED, ConsentGranted.class, ConsentGranted::domain);
        Optional<String> refusal = authority.grantRefusal(grant);
        if (refusal.isPresent()) {
            intake.reject(record, refusal.get());
            return;
        }
        intake.verified(grant.domain(), grant.grantId());
        List<ConsentWrite> writes = grant.shares().stream()
                .map(share -> new ConsentWrite(grant.domain(), shareGrant(grant, share)))
                .toList();
        if (writes.isEmpty()) {
            // E.g. a category scope with no record on chain yet: consent-service keeps it, the chain gets nothing.
            log.debug(
                    "grant {} ({}) carries no key shares: nothing to write on chain",
                    grant.grantId(),
                    grant.domain().id());
        }
        writes.forEach(write ->
                intake.accept(record, write, write.domain(), write.entry().entryId()));
    }

    private void revoked(ConsumerRecord<String, byte[]> record, Intake<ConsentWrite> intake) {
        ConsentRevoked revoked =
                reader.read(record, Topic.CONSENT_REVOKED, ConsentRevoked.class, ConsentRevoked::domain);
        WriteAuthority.RevocationCheck check = authority.revocationCheck(revoked);
        if (check.awaitsGrant()) {
            intake.defer(record, revoked.domain(), revoked.grantId());
            return;
        }
        if (!check.accepted()) {
            intake.reject(record, check.refusal());
            return;
        }
        ConsentWrite write = new ConsentWrite(revoked.domain(), new Revocation(revoked.grantId()));
        intake.accept(record, write, write.domain(), write.entry().entryId());
    }

    private static boolean isGrant(ConsumerRecord<String, byte[]> record) {
        return Topic.CONSENT_GRANTED.domainOf(record.topic()).isPresent();
    }

    private static ShareGrant shareGrant(ConsentGranted grant, GrantShare share) {
        return new ShareGrant(grant.grantId(), share.recordId(), share.share());
    }
}
