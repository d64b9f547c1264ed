package org.hrm.benchmarks.endtoend;

import java.security.SecureRandom;
import java.util.List;
import org.hrm.contracts.LedgerPayload;
import org.hrm.contracts.events.SealedShare;

/**
 * Payloads for the phases that write past the pipeline (naive path, chain-only limit): the layout of a payload the
 * vault really sealed (the same C2, share and signature lengths, so the same calldata and gas), every field filled
 * with random bytes. Random bytes in a valid layout, not raw random bytes: these phases write to the sandbox chain,
 * and an auditor's {@code ./hrm verify-chain} over it afterwards must still find every payload well formed
 * ({@code allCiphertext}), not 400 "malformed" records a bench left behind.
 */
final class ScratchPayloads {
    private final LedgerPayload template;
    private final SecureRandom random = new SecureRandom();

    /** @param sealedPayload the bytes of a payload the pipeline committed, whose layout every scratch payload copies */
    ScratchPayloads(byte[] sealedPayload) {
        this.template = LedgerPayload.decode(sealedPayload);
    }

    byte[] next() {
        List<SealedShare> shares = template.shares().stream()
                .map(share ->
                        new SealedShare(randomBytes(share.readerPseudonym().length), randomBytes(share.share().length)))
                .toList();
        return new LedgerPayload(
                        randomBytes(template.outerCiphertext().length),
                        shares,
                        randomBytes(template.authorSignature().length))
                .encode();
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
