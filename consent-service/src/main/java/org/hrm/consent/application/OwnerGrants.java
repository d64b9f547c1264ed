package org.hrm.consent.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hrm.consent.domain.Erasure;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.consent.domain.StandingGrantList;

/** What the consent use cases do with one owner's grants: end those over erased records, list those that stand. */
final class OwnerGrants {
    private final PartyStore parties;
    private final RecordIndex records;
    private final GrantStore grants;

    OwnerGrants(PartyStore parties, RecordIndex records, GrantStore grants) {
        this.parties = parties;
        this.records = records;
        this.grants = grants;
    }

    /** Ends each of {@code candidates} whose listed records are all erased (one index query for all of them). */
    void endOverErasedRecords(RecordDomain domain, Collection<Grant> candidates, Instant now) {
        List<Grant> listing = candidates.stream()
                .filter(grant -> grant.scope().byRecordIds() && !grant.revoked() && !grant.ended())
                .toList();
        if (listing.isEmpty()) {
            return;
        }
        Set<String> erased = records
                .findAll(
                        domain,
                        listing.stream()
                                .flatMap(grant -> grant.scope().recordIds().stream())
                                .collect(Collectors.toSet()))
                .values()
                .stream()
                .filter(RecordEntry::erased)
                .map(RecordEntry::recordId)
                .collect(Collectors.toSet());
        listing.stream()
                .filter(grant -> Erasure.ends(grant, erased))
                .forEach(grant -> grants.markEnded(domain, grant.grantId(), now, Erasure.GRANT_END_REASON));
    }

    StandingGrantList standing(RecordDomain domain, String ownerId, Instant now) {
        List<Grant> ownerGrants = grants.findByOwners(domain, Set.of(ownerId));
        Map<String, Party> grantees =
                parties.findAll(ownerGrants.stream().map(Grant::granteeId).collect(Collectors.toSet()));
        return StandingGrantList.of(ownerId, domain, ownerGrants, grantees, now);
    }
}
