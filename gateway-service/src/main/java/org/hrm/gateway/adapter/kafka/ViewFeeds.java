package org.hrm.gateway.adapter.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.ServiceName;
import org.hrm.contracts.Topic;
import org.hrm.contracts.audit.AccessHistoryExports;
import org.hrm.contracts.authority.AuditAuthority;
import org.hrm.contracts.events.AuditAnchored;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.KeysDestroyed;
import org.hrm.contracts.events.PartyKeyRotated;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordReleaseDenied;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.ServiceHeartbeat;
import org.hrm.contracts.events.StandingGrants;
import org.hrm.gateway.adapter.RecordMapping;
import org.hrm.gateway.application.Views;

/**
 * Which topic feeds which view: the gateway's consumer side of the topic catalogue. Audit events reach the access
 * history only when their producer signed them ({@link AuditAuthority}); a refused one is an invalid event, which the
 * reader dead-letters with the reason.
 */
public final class ViewFeeds {
    private final EventCodec codec = new EventCodec();
    private final Map<String, Consumer<byte[]>> feeds = new HashMap<>();

    private ViewFeeds() {}

    public static Map<String, Consumer<byte[]>> of(Views views, AuditAuthority auditAuthority) {
        ViewFeeds feeds = new ViewFeeds();
        for (Domain domain : Domain.values()) {
            feeds.perDomain(domain, views);
        }
        // The directory topic carries registrations and key rotations; the feed sees no headers, so the shape decides.
        feeds.feeds.put(Topic.PARTY_REGISTERED.topicName(), bytes -> {
            try {
                views.directory()
                        .registered(DirectoryMapping.registration(feeds.codec.decode(bytes, PartyRegistered.class)));
            } catch (InvalidEventException notARegistration) {
                views.directory().rotated(DirectoryMapping.rotation(feeds.codec.decode(bytes, PartyKeyRotated.class)));
            }
        });
        for (Topic audit : List.of(Topic.AUDIT, Topic.GATEWAY_AUDIT)) {
            String topic = audit.topicName();
            feeds.feeds.put(topic, bytes -> {
                AuditEvent event = feeds.codec.decode(bytes, AuditEvent.class);
                auditAuthority.refusal(topic, event).ifPresent(reason -> {
                    throw new InvalidEventException(reason);
                });
                views.audit().add(AuditMapping.entry(event, bytes));
            });
        }
        feeds.on(
                Topic.AUDIT_ANCHORED.topicName(),
                AuditAnchored.class,
                anchor -> views.audit().anchored(AccessHistoryExports.places(anchor)));
        for (ServiceName service : ServiceName.values()) {
            Topic.heartbeatsOf(service)
                    .ifPresent(topic -> feeds.on(
                            topic.topicName(),
                            ServiceHeartbeat.class,
                            beat -> views.heartbeats().beat(HeartbeatMapping.heartbeat(beat))));
        }
        return Map.copyOf(feeds.feeds);
    }

    private void perDomain(Domain domain, Views views) {
        on(
                Topic.RECORD_SUBMITTED.name(domain),
                RecordSubmitted.class,
                event -> views.records().submitted(RecordMapping.submission(event)));
        on(
                Topic.RECORD_SEALED.name(domain),
                RecordSealed.class,
                event -> views.records().sealed(RecordMapping.seal(event)));
        on(
                Topic.RECORD_COMMITTED.name(domain),
                RecordCommitted.class,
                event -> views.records().committed(RecordMapping.commit(event)));
        on(
                Topic.STANDING_GRANTS.name(domain),
                StandingGrants.class,
                grants -> views.directory().standingGrants(DirectoryMapping.grants(grants)));
        feeds.put(
                Topic.RECORD_RELEASED.name(domain),
                bytes -> views.answers().released(ReleaseMapping.release(codec, bytes)));
        on(
                Topic.RECORD_RELEASE_DENIED.name(domain),
                RecordReleaseDenied.class,
                denied -> ReleaseMapping.denied(views.answers(), denied));
        on(
                Topic.ERASURE_REQUESTED.name(domain),
                ErasureRequested.class,
                event -> views.erasures().requested(ErasureMapping.request(event)));
        on(
                Topic.KEYS_DESTROYED.name(domain),
                KeysDestroyed.class,
                event -> ErasureMapping.keysDestroyed(views.erasures(), event));
        on(
                Topic.ERASURE_COMMITTED.name(domain),
                ErasureCommitted.class,
                event -> ErasureMapping.committed(views.erasures(), event));
        feeds.put(
                Topic.ERASURE_RECEIPTS.name(domain),
                bytes -> views.erasures().receipt(ErasureMapping.receipt(codec, bytes)));
    }

    private <T> void on(String topic, Class<T> type, Consumer<T> view) {
        feeds.put(topic, bytes -> view.accept(codec.decode(bytes, type)));
    }
}
