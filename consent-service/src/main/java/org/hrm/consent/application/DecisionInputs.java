package org.hrm.consent.application;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hrm.consent.domain.AccessRequest;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;

/**
 * What one domain's batch of requests is decided on, read in three queries: the requesters, the records (this
 * domain's index only) and their owners' grants (this domain's only).
 */
final class DecisionInputs {
    private final Map<String, Party> requesters;
    private final Map<String, RecordEntry> records;
    private final Map<String, List<Grant>> grantsByOwner;

    private DecisionInputs(
            Map<String, Party> requesters, Map<String, RecordEntry> records, Map<String, List<Grant>> grantsByOwner) {
        this.requesters = requesters;
        this.records = records;
        this.grantsByOwner = grantsByOwner;
    }

    static DecisionInputs load(
            RecordDomain domain,
            List<AccessRequest> requests,
            PartyStore parties,
            RecordIndex index,
            GrantStore grants) {
        Map<String, Party> requesters = parties.findAll(
                requests.stream().map(AccessRequest::requesterId).collect(Collectors.toSet()));
        Map<String, RecordEntry> records = index.findAll(
                domain, requests.stream().map(AccessRequest::recordId).collect(Collectors.toSet()));
        Map<String, List<Grant>> grantsByOwner = grants
                .findByOwners(
                        domain,
                        records.values().stream().map(RecordEntry::ownerId).collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.groupingBy(Grant::ownerId));
        return new DecisionInputs(requesters, records, grantsByOwner);
    }

    Party requester(AccessRequest request) {
        return requesters.get(request.requesterId());
    }

    RecordEntry record(AccessRequest request) {
        return records.get(request.recordId());
    }

    List<Grant> grantsOf(RecordEntry record) {
        return record == null ? List.of() : grantsByOwner.getOrDefault(record.ownerId(), List.of());
    }
}
