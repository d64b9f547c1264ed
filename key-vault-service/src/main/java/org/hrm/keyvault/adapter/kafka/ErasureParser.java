package org.hrm.keyvault.adapter.kafka;

import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.InvalidEventException;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ErasureCommitted;
import org.hrm.contracts.events.ErasureRequested;
import org.hrm.contracts.events.VaultCommand;
import org.hrm.keyvault.application.VaultDomains;
import org.hrm.keyvault.domain.ErasureCommit;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.keyvault.domain.LedgerTombstone;
import org.hrm.messaging.InboundEvents;

/**
 * Checks consumed ErasureRequested, ErasureCommitted and VaultCommand records (type header, JSON, fields, size, and
 * for the per-domain ones the topic's domain) and maps them to the vault's types; an erasure request must carry the
 * owner's signature (or the gateway's attestation) and a command an operator's signature ({@link VaultAuthority}).
 * Never throws for bad input.
 */
final class ErasureParser {
    private final EventCodec codec;
    private final VaultAuthority authority;

    ErasureParser(EventCodec codec, VaultAuthority authority) {
        this.codec = codec;
        this.authority = authority;
    }

    Parsed<ErasureRequest> requested(ConsumerRecord<String, byte[]> record) {
        Parsed<ErasureRequested> event = decode(record, Topic.ERASURE_REQUESTED, ErasureRequested.class);
        if (!event.accepted()) {
            return Parsed.refused(record, event.refusal());
        }
        Optional<String> mismatch =
                domainMismatch(record, Topic.ERASURE_REQUESTED, event.value().domain());
        if (mismatch.isPresent()) {
            return Parsed.refused(record, mismatch.get());
        }
        ErasureRequested e = event.value();
        Optional<String> unauthorized = authority.erasureRefusal(e);
        if (unauthorized.isPresent()) {
            return Parsed.refused(record, unauthorized.get());
        }
        return Parsed.accepted(
                record,
                new ErasureRequest(
                        e.requestId(), VaultDomains.of(e.domain()), e.ownerId(), e.recordId(), e.requestedAt()));
    }

    Parsed<ErasureCommit> committed(ConsumerRecord<String, byte[]> record) {
        Parsed<ErasureCommitted> event = decode(record, Topic.ERASURE_COMMITTED, ErasureCommitted.class);
        if (!event.accepted()) {
            return Parsed.refused(record, event.refusal());
        }
        Optional<String> mismatch =
                domainMismatch(record, Topic.ERASURE_COMMITTED, event.value().domain());
        if (mismatch.isPresent()) {
            return Parsed.refused(record, mismatch.get());
        }
        ErasureCommitted e = event.value();
        return Parsed.accepted(
                record,
                new ErasureCommit(
                        e.requestId(),
                        VaultDomains.of(e.domain()),
                        e.ownerId(),
                        e.contractAddress(),
                        e.tombstones().stream()
                                .map(t -> new LedgerTombstone(
                                        t.recordId(), t.transactionHash(), t.blockNumber(), t.logIndex()))
                                .toList(),
                        e.committedAt()));
    }

    Parsed<VaultCommand> command(ConsumerRecord<String, byte[]> record) {
        Parsed<VaultCommand> command = decode(record, Topic.VAULT_COMMANDS, VaultCommand.class);
        if (!command.accepted()) {
            return command;
        }
        return authority
                .commandRefusal(command.value())
                .map(reason -> Parsed.<VaultCommand>refused(record, reason))
                .orElse(command);
    }

    private <T> Parsed<T> decode(ConsumerRecord<String, byte[]> record, Topic topic, Class<T> type) {
        Optional<String> wrongType = InboundEvents.typeRefusal(record, type);
        if (wrongType.isPresent()) {
            return Parsed.refused(record, wrongType.get());
        }
        if (!topic.allNames().contains(record.topic())) {
            return Parsed.refused(record, "topic " + record.topic() + " is not a " + topic.name() + " topic");
        }
        try {
            return Parsed.accepted(record, InboundEvents.decode(codec, record.value(), type));
        } catch (InvalidEventException e) {
            return Parsed.refused(record, e.getMessage());
        }
    }

    private static Optional<String> domainMismatch(ConsumerRecord<String, byte[]> record, Topic topic, Domain domain) {
        Domain topicDomain = topic.domainOf(record.topic()).orElseThrow();
        if (topicDomain == domain) {
            return Optional.empty();
        }
        return Optional.of("domain mismatch: topic " + record.topic() + " carries " + topicDomain
                + " events, the event says " + domain);
    }
}
