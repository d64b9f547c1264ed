package org.hrm.sandbox;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hrm.cli.KafkaLogin;
import org.hrm.client.kafka.TopicReader;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.StandingGrants;

/**
 * Sandbox tooling for tests that read as the observer; a hospital asks the gateway ({@code GET
 * /api/owners/{ownerId}/grantees}), its principal may not read standing grants. Asks consent-service who else must be able to read a new record: its published standing grants of
 * the owner (a compacted topic keyed by owner), narrowed to the grants whose scope covers the record.
 */
public final class StandingGrantsView {
    private StandingGrantsView() {}

    /** Grantee id to public key, for the owner's unexpired grants that cover a record of this category. */
    public static Map<String, byte[]> granteesCovering(
            KafkaLogin observer, Domain domain, String ownerId, String recordId, String category) {
        StandingGrants latest = latest(observer, domain, ownerId);
        if (latest == null) {
            return Map.of();
        }
        return latest.grantees().stream()
                .filter(grantee -> grantee.scope().covers(recordId, category))
                .collect(Collectors.toMap(
                        StandingGrants.Grantee::granteeId, StandingGrants.Grantee::publicKey, (a, b) -> a));
    }

    private static StandingGrants latest(KafkaLogin observer, Domain domain, String ownerId) {
        EventCodec codec = new EventCodec();
        StandingGrants[] latest = {null};
        TopicReader.readAll(
                observer.bootstrapServers(),
                observer.settings(),
                List.of(Topic.STANDING_GRANTS.name(domain)),
                record -> {
                    if (ownerId.equals(record.key())) {
                        try {
                            latest[0] = codec.decode(record.value(), StandingGrants.class);
                        } catch (InvalidEventException e) {
                            // consent-service is this topic's only producer; an unreadable value is skipped, not
                            // trusted.
                        }
                    }
                });
        return latest[0];
    }
}
