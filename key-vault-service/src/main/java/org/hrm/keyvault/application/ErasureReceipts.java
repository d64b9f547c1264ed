package org.hrm.keyvault.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.ErasureCommit;
import org.hrm.keyvault.domain.ErasureRule;
import org.hrm.keyvault.domain.IssuedReceipt;
import org.hrm.keyvault.domain.ReceiptSigningKey;

/**
 * Use case: once the ledger writer confirms an erasure's tombstones, issue the owner's receipt: what was destroyed
 * and when (from the stored erasure, never from the commit), the tombstones, signed over the bytes of the
 * ErasureReceipt event ({@link ReceiptBytes}) with the vault's receipt key. The receipt is stored with the erasure
 * (RECEIPTED) before it is published, so a repeated commit gets the very same receipt.
 */
public final class ErasureReceipts {
    private static final byte[] UNSIGNED = {0};

    private final ErasureStore erasures;
    private final ReceiptSigningKey key;
    private final ReceiptBytes signedBytes;
    private final Clock clock;

    public ErasureReceipts(ErasureStore erasures, ReceiptSigningKey key, ReceiptBytes signedBytes, Clock clock) {
        this.erasures = erasures;
        this.key = key;
        this.signedBytes = signedBytes;
        this.clock = clock;
    }

    public List<ReceiptOutcome> receipt(List<ErasureCommit> commits) {
        return commits.stream().map(this::receipt).toList();
    }

    private ReceiptOutcome receipt(ErasureCommit commit) {
        Optional<Erasure> found = erasures.find(commit.domain(), commit.requestId());
        if (found.isEmpty()) {
            return new ReceiptOutcome.Refused(
                    commit.requestId(), "no erasure " + commit.requestId() + " in domain " + domainId(commit));
        }
        Erasure erasure = found.get();
        if (erasure.receipt() == null) {
            Optional<String> refusal = ErasureRule.receiptRefusal(erasure, commit);
            if (refusal.isPresent()) {
                return new ReceiptOutcome.Refused(commit.requestId(), refusal.get());
            }
            erasure = erasures.markReceipted(commit.domain(), commit.requestId(), sign(erasure, commit));
        }
        return new ReceiptOutcome.Issued(erasure, erasure.receipt());
    }

    private IssuedReceipt sign(Erasure erasure, ErasureCommit commit) {
        // Millisecond precision, as stored: the signature must cover what is published again later.
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        IssuedReceipt unsigned = new IssuedReceipt(commit.contractAddress(), commit.tombstones(), issuedAt, UNSIGNED);
        // signedBytes() covers every field but the signature, so the placeholder does not enter it.
        byte[] signature = key.sign(signedBytes.of(erasure, unsigned));
        return new IssuedReceipt(commit.contractAddress(), commit.tombstones(), issuedAt, signature);
    }

    private static String domainId(ErasureCommit commit) {
        return VaultDomains.toContract(commit.domain()).id();
    }
}
