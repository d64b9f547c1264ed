package org.hrm.consent.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrm.consent.domain.Audits;
import org.hrm.consent.domain.ConsentRules;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.consent.domain.Revocation;
import org.hrm.consent.domain.Signed;

/**
 * Use case: store an owner's grant or revocation after checking the owner's signature, and give back the owner's
 * standing grants to publish. Replays are harmless: the same grant again is accepted as is, a revocation again
 * changes nothing. A grant that arrives after every record it lists was erased is stored ended.
 */
public final class ConsentChanges {
    static final String GRANT_ID_TAKEN = "grant id already used for a different grant";

    private final PartyStore parties;
    private final RecordIndex records;
    private final GrantStore grants;
    private final OwnerGrants ownerGrants;
    private final Clock clock;

    public ConsentChanges(PartyStore parties, RecordIndex records, GrantStore grants, Clock clock) {
        this.parties = parties;
        this.records = records;
        this.grants = grants;
        this.ownerGrants = new OwnerGrants(parties, records, grants);
        this.clock = clock;
    }

    public ConsentOutcome grant(Signed<Grant> signed) {
        Grant grant = signed.content();
        Instant now = clock.instant();
        Optional<String> refusal = check(signed);
        Optional<Grant> stored = refusal.isPresent() ? Optional.empty() : store(grant);
        if (stored.isEmpty()) {
            String reason = refusal.orElse(GRANT_ID_TAKEN);
            return ConsentOutcome.rejected(reason, Audits.grantRejected(grant, reason, now));
        }
        ownerGrants.endOverErasedRecords(grant.domain(), List.of(stored.get()), now);
        return ConsentOutcome.accepted(
                Audits.grantStored(stored.get(), now), ownerGrants.standing(grant.domain(), grant.ownerId(), now));
    }

    public ConsentOutcome revoke(Signed<Revocation> signed) {
        Revocation revocation = signed.content();
        Instant now = clock.instant();
        Party owner = parties.findAll(List.of(revocation.ownerId())).get(revocation.ownerId());
        Optional<StoredGrant> existing = grants.find(revocation.domain(), revocation.grantId());
        Grant grant = existing.map(StoredGrant::grant).orElse(null);
        Optional<String> refusal = ConsentRules.revocationRefusal(signed, owner, grant);
        if (refusal.isPresent()) {
            return ConsentOutcome.rejected(
                    refusal.get(), Audits.revocationRejected(revocation, grant, refusal.get(), now));
        }
        if (grant != null && !grant.revoked()) {
            grants.markRevoked(revocation.domain(), revocation.grantId(), revocation.revokedAt());
        } else if (existing.isEmpty()) {
            requireWritten(grants.insertEarlyRevocation(revocation));
        }
        return ConsentOutcome.accepted(
                Audits.revocationStored(revocation, grant, now),
                ownerGrants.standing(revocation.domain(), revocation.ownerId(), now));
    }

    /**
     * Whether every party the grant names (owner and grantee) is registered. Registrations travel on another
     * topic, read by another consumer, so a grant naming an unknown party may simply have overtaken them.
     */
    public boolean partiesRegistered(Grant grant) {
        return registered(List.of(grant.ownerId(), grant.granteeId()));
    }

    /** Whether the revoking owner is registered; see {@link #partiesRegistered(Grant)}. */
    public boolean partiesRegistered(Revocation revocation) {
        return registered(List.of(revocation.ownerId()));
    }

    private boolean registered(List<String> partyIds) {
        return parties.findAll(partyIds).keySet().containsAll(partyIds);
    }

    private Optional<String> check(Signed<Grant> signed) {
        Grant grant = signed.content();
        Map<String, Party> known = parties.findAll(List.of(grant.ownerId(), grant.granteeId()));
        List<RecordEntry> listed = List.copyOf(
                records.findAll(grant.domain(), grant.scope().recordIds()).values());
        return ConsentRules.grantRefusal(signed, known.get(grant.ownerId()), known.get(grant.granteeId()), listed);
    }

    /** Stores the grant; the grant as stored, or empty when its id holds a different grant. */
    private Optional<Grant> store(Grant grant) {
        Optional<StoredGrant> existing = grants.find(grant.domain(), grant.grantId());
        if (existing.isEmpty()) {
            requireWritten(grants.insertNew(grant));
            return Optional.of(grant);
        }
        Grant stored = existing.get().grant();
        if (stored != null) {
            return Arrays.equals(stored.digest(), grant.digest()) ? Optional.of(stored) : Optional.empty();
        }
        Grant merged = ConsentRules.afterEarlyRevocation(grant, existing.get().earlyRevocation());
        requireWritten(grants.replaceEarlyRevocation(merged));
        return Optional.of(merged);
    }

    private static void requireWritten(boolean written) {
        if (!written) {
            throw new ConsentChangeConflictException("a grant id changed while being written; retrying the batch");
        }
    }
}
