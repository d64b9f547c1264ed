package org.hrm.ledgerwriter.support;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.SealedShare;
import org.hrm.ledgerwriter.domain.LedgerRecord;

/** Random records and events shaped like real ones: C2 of random bytes, a v2 and a v1 share, signed by the vault. */
public final class Records {
    private static final Random RANDOM = new SecureRandom();

    private Records() {}

    public static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    public static LedgerRecord ledgerRecord(int payloadBytes) {
        return new LedgerRecord(UUID.randomUUID().toString(), bytes(32), bytes(payloadBytes));
    }

    public static RecordSealed sealed(Domain domain, int ciphertextBytes) {
        return new RecordSealed(
                        UUID.randomUUID().toString(),
                        domain,
                        bytes(32),
                        bytes(ciphertextBytes),
                        List.of(
                                new SealedShare(bytes(32), TestAuthority.share()),
                                new SealedShare(bytes(32), TestAuthority.v1Share())),
                        bytes(71),
                        Instant.now(),
                        null)
                .signedBy(TestAuthority.VAULT);
    }
}
