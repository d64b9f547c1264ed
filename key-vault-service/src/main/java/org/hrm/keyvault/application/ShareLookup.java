package org.hrm.keyvault.application;

import java.util.Optional;
import org.hrm.keyvault.domain.DecisionBasis;
import org.hrm.keyvault.domain.LedgerEntry;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.ReleaseDecision;
import org.hrm.keyvault.domain.ReleaseRule;

/**
 * Finds the share to release, on chain only. Owner, author and emergency: the record's share under the share
 * holder's pseudonym. Grant: nothing once the grant is revoked on chain; else the record's share under the
 * grantee's pseudonym (records created after the grant are wrapped to the grantee at creation), else the latest
 * ShareGranted log of the grant for this record. A record sealed before a pseudonym key rotation names its readers
 * under an older version: every held version is tried, newest first.
 */
final class ShareLookup {
    /** The share found, or why there is none. */
    record Choice(byte[] share, String refusal) {
        static Choice found(byte[] share) {
            return new Choice(share, null);
        }

        static Choice none(String refusal) {
            return new Choice(null, refusal);
        }
    }

    private final LedgerReader ledger;
    private final Pseudonyms pseudonyms;

    ShareLookup(LedgerReader ledger, Pseudonyms pseudonyms) {
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
    }

    Choice select(ReleaseDecision decision, LedgerEntry entry) {
        if (decision.basis() == DecisionBasis.GRANT) {
            return underGrant(decision, entry);
        }
        return shareOnEntry(decision, entry).map(Choice::found).orElseGet(() -> Choice.none(ReleaseRule.NO_SHARE));
    }

    private Choice underGrant(ReleaseDecision decision, LedgerEntry entry) {
        if (decision.grantId() == null) {
            return Choice.none(ReleaseRule.NO_GRANT_ID);
        }
        if (ledger.grantRevoked(decision.domain(), decision.grantId())) {
            return Choice.none(ReleaseRule.GRANT_REVOKED);
        }
        Optional<byte[]> share = shareOnEntry(decision, entry)
                .or(() -> ledger.grantedShare(decision.domain(), decision.grantId(), decision.recordId()));
        return share.map(Choice::found).orElseGet(() -> Choice.none(ReleaseRule.NO_SHARE));
    }

    private Optional<byte[]> shareOnEntry(ReleaseDecision decision, LedgerEntry entry) {
        for (byte[] pseudonym : pseudonyms.everyVersionOf(decision.domain(), decision.shareHolderId())) {
            Optional<byte[]> share = entry.shareFor(pseudonym);
            if (share.isPresent()) {
                return share;
            }
        }
        return Optional.empty();
    }
}
