package org.hrm.gateway.adapter.web;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.PartyKind;
import org.hrm.gateway.application.DirectoryBook;
import org.hrm.gateway.application.GatewayAudit;
import org.hrm.gateway.application.OwnerGrants;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.domain.AccessPolicy;
import org.hrm.gateway.domain.AccessRefused;
import org.hrm.gateway.domain.Action;
import org.hrm.gateway.domain.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who an author must wrap a new record's key to besides the owner and itself: the owner's standing grantees whose
 * scope covers a new record of the category. A hospital's Kafka principal may not read consent-service's
 * standing-grants topic (it names every grantee of every owner), so an author asks here, as an API client.
 *
 * <p>Who may ask, and why: the owner itself; otherwise only an author, a caller whose token has the system or
 * practitioner role and whose party id is registered in the party directory as a system or a practitioner. That is
 * exactly who can write a record the vault seals (it seals only registered authors'), so nobody else learns anything
 * here; another patient's token, or a system that never registered, gets 403. The answer is limited to what wrapping
 * needs: the grantee ids and their public keys, of unexpired grants by category (a new record's id is in no grant's
 * record list), never the grant ids, purposes, expiry times or record-scoped grants. An author could write for any
 * registered owner, so it could ask about any owner: every answer is therefore audited under the owner, who sees in
 * the access history which author looked up its grantees, and rate-limited per caller. The keys are consent-service's
 * copies; a careful client (the SDK does) takes each grantee's key from its own verified party directory instead, so
 * the gateway cannot substitute a key.
 */
@RestController
class GranteesController {
    private final DirectoryBook directory;
    private final GatewayAudit audit;
    private final RateLimits limits;
    private final Clock clock;

    GranteesController(Views views, GatewayAudit audit, RateLimits limits) {
        this.directory = views.directory();
        this.audit = audit;
        this.limits = limits;
        this.clock = Clock.systemUTC();
    }

    /** A party to wrap a new record's key to. */
    record GranteeKey(String granteeId, byte[] publicKey) {}

    @GetMapping("/api/owners/{ownerId}/grantees")
    List<GranteeKey> grantees(
            @PathVariable String ownerId,
            @RequestParam(defaultValue = "PATIENT") Domain domain,
            @RequestParam(required = false) String category) {
        Caller caller = Callers.current();
        AccessPolicy.check(caller, Action.LIST_GRANTEES);
        if (!caller.isParty(ownerId)) {
            requireRegisteredAuthor(caller);
        }
        limits.take(caller, "grantees");
        // A fresh id: a record not yet written is in no record-scoped grant, so only category grants cover it.
        String newRecordId = UUID.randomUUID().toString();
        Map<String, GranteeKey> grantees = new LinkedHashMap<>();
        directory.grantsOf(domain, ownerId).map(OwnerGrants::grantees).orElse(List.of()).stream()
                .filter(grantee ->
                        grantee.expiresAt() == null || grantee.expiresAt().isAfter(clock.instant()))
                .filter(grantee ->
                        grantee.scope().recordIds().isEmpty() && grantee.scope().covers(newRecordId, category))
                .forEach(grantee -> grantees.putIfAbsent(
                        grantee.granteeId(), new GranteeKey(grantee.granteeId(), grantee.publicKey())));
        audit.record(
                caller,
                "R",
                "grantees read to write a record" + (category == null ? "" : " of category " + category),
                domain,
                ownerId,
                List.of());
        return List.copyOf(grantees.values());
    }

    private void requireRegisteredAuthor(Caller caller) {
        DirectoryEntry entry = directory
                .party(caller.partyId())
                .orElseThrow(() -> new AccessRefused(
                        caller.partyId() + " is not a registered author: only the owner and registered systems or"
                                + " practitioners may read an owner's grantees"));
        if (entry.kind() != PartyKind.SYSTEM && entry.kind() != PartyKind.PRACTITIONER) {
            throw new AccessRefused(
                    caller.partyId() + " is a " + entry.kind().name().toLowerCase(java.util.Locale.ROOT)
                            + ", not an author of others' records: only the owner may read its grantees");
        }
    }
}
