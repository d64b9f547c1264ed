package org.hrm.ledgerwriter.adapter.kafka;

import java.util.List;
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
 * own, so one bad event never fails the batch.
 *
 * <p>The owner's signature is not verified here, on purpose. The ledger writer has no party directory
 * (consent-service owns the parties' keys), and it does not need one: a ShareGranted log confers no
 * access. consent-service verifies the signature and decides whether a grant counts, and the vault
 * releases a share only under a decision signed by consent-service that names the grant. So every
 * well-formed event is recorded; a forged grant puts on chain a share nobody is ever released, and a
 * forged revocation can only make the vault deny.
 */
@Component
class ConsentEventDecoder {
    private static final Logger log = LoggerFactory.getLogger(ConsentEventDecoder.class);

    private final EventReader reader;

    ConsentEventDecoder(EventCodec codec) {
        this.reader = new EventReader(codec);
    }

    Intake<ConsentWrite> decode(List<ConsumerRecord<String, byte[]>> records) {
        Intake<ConsentWrite> intake = new Intake<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            boolean granted = Topic.CONSENT_GRANTED.domainOf(record.topic()).isPresent();
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
        ConsentWrite write = new ConsentWrite(revoked.domain(), new Revocation(revoked.grantId()));
        intake.accept(record, write, write.domain(), write.entry().entryId());
    }

    private static ShareGrant shareGrant(ConsentGranted grant, GrantShare share) {
        return new ShareGrant(grant.grantId(), share.recordId(), share.share());
    }
}
