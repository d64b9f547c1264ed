package org.hrm.consent.adapter.kafka;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.consent.application.PartyStore;
import org.hrm.consent.domain.Party;
import org.hrm.contracts.authority.RequestRules;
import org.hrm.contracts.events.AccessRequested;

/**
 * Use case: whether each access request carries its requester's authority (signed by the requester's current
 * directory key, or attested by the trusted gateway for that requester), checked before anything is decided or
 * audited: a forged request must leave no trace in a patient's access history. It reads the request event itself
 * (the signature covers its bytes), so it sits in the adapter, before the request is mapped to the domain.
 */
public final class RequestAuthority {
    private final PartyStore parties;
    private final RequestRules rules;

    public RequestAuthority(PartyStore parties, RequestRules rules) {
        this.parties = parties;
        this.rules = rules;
    }

    /** One entry per request, in order: empty when it is the requester's, otherwise why not. */
    public List<Optional<String>> refusals(List<AccessRequested> requests) {
        Map<String, Party> requesters = parties.findAll(
                requests.stream().map(AccessRequested::requesterId).distinct().toList());
        return requests.stream()
                .map(request ->
                        rules.accessRefusal(request, DirectoryEvents.entry(requesters.get(request.requesterId()))))
                .toList();
    }
}
