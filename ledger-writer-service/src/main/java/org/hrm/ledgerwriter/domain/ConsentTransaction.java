package org.hrm.ledgerwriter.domain;

import java.util.List;

/** One consent transaction: key shares for {@code grantBatch} or revocations for {@code revokeBatch}, and its gas limit. */
public sealed interface ConsentTransaction {
    long gasLimit();

    /** The consent index entries it writes, in call order. */
    List<String> entryIds();

    /** A grantBatch call: one ShareGranted log per share. */
    record Grants(List<ShareGrant> shares, long gasLimit) implements ConsentTransaction {
        public Grants {
            shares = nonEmpty(shares);
        }

        @Override
        public List<String> entryIds() {
            return shares.stream().map(ShareGrant::entryId).toList();
        }
    }

    /** A revokeBatch call: one GrantRevoked log per revocation. */
    record Revocations(List<Revocation> revocations, long gasLimit) implements ConsentTransaction {
        public Revocations {
            revocations = nonEmpty(revocations);
        }

        @Override
        public List<String> entryIds() {
            return revocations.stream().map(Revocation::entryId).toList();
        }
    }

    private static <T> List<T> nonEmpty(List<T> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("a transaction carries at least one entry");
        }
        return List.copyOf(entries);
    }
}
