package org.hrm.gateway.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.PartyRegistered;
import org.hrm.contracts.events.StandingGrants;

/**
 * The party directory (first key per party wins, as consent-service decides) and consent-service's latest standing
 * grants per owner and domain.
 */
public final class DirectoryBook {
    private final Map<String, PartyRegistered> parties = new ConcurrentHashMap<>();
    private final Map<String, StandingGrants> standing = new ConcurrentHashMap<>();

    public void registered(PartyRegistered event) {
        parties.putIfAbsent(event.partyId(), event);
    }

    public void standingGrants(StandingGrants event) {
        standing.put(key(event.domain(), event.ownerId()), event);
    }

    public Optional<PartyRegistered> party(String partyId) {
        return Optional.ofNullable(parties.get(partyId));
    }

    public Optional<StandingGrants> grantsOf(Domain domain, String ownerId) {
        return Optional.ofNullable(standing.get(key(domain, ownerId)));
    }

    /** Every owner's standing grant that names {@code granteeId}, with the owner it belongs to. */
    public List<Granted> grantedTo(String granteeId) {
        List<Granted> found = new ArrayList<>();
        standing.values()
                .forEach(grants -> grants.grantees().stream()
                        .filter(grantee -> grantee.granteeId().equals(granteeId))
                        .forEach(grantee -> found.add(new Granted(grants.ownerId(), grants.domain(), grantee))));
        return found;
    }

    /** One standing grant to a grantee. */
    public record Granted(String ownerId, Domain domain, StandingGrants.Grantee grant) {}

    private static String key(Domain domain, String ownerId) {
        return domain.id() + "/" + ownerId;
    }
}
