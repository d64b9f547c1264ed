package org.hrm.gateway.adapter.web;

import java.time.Instant;
import java.util.List;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.RetiredKey;

/**
 * One of a party's earlier keys as the gateway serves it, so a browser can judge an old signature by the same rule as
 * the SDK ({@link org.hrm.contracts.authority.ProvenanceKeyRule}; hrm-crypto.js {@code verifyProvenanceWithHistory}).
 *
 * @param retiredAt when the key stopped being the party's; null if the directory did not record it
 * @param ended {@code ROTATED}, {@code REPORTED_LOST}, {@code SUPERSEDED_UNATTESTED} or {@code UNRECORDED}
 */
record RetiredKeyJson(byte[] publicKey, Instant retiredAt, RetiredKey.Ending ended) {
    static List<RetiredKeyJson> of(DirectoryEntry party) {
        return party.retiredKeys().stream()
                .map(key -> new RetiredKeyJson(key.publicKey(), key.retiredAt(), key.ended()))
                .toList();
    }
}
