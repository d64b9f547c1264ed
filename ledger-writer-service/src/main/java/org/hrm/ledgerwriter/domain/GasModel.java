package org.hrm.ledgerwriter.domain;

import java.util.List;

/**
 * Deterministic gas estimate of one {@code storeBatch}, {@code storeBatchInCalldata}, {@code grantBatch},
 * {@code revokeBatch} or {@code eraseBatch} transaction, from payload sizes alone.
 *
 * <p>Gas = 21000 + calldata (16 per payload, id and pseudonym byte, 4 per padding byte, offset and
 * length words priced as 4 non-zero bytes) + per record a LOG3 (375 + 3 x 375 + 8 per data byte),
 * the calldata copy and a measured execution overhead, + memory expansion for the largest payload,
 * then a safety margin. The record layout ({@link LedgerLayout}) decides the LOG3's data: the padded payload and its
 * offset and length (logged, storeBatch), or the payload's keccak256 and position, two words, plus the hash of the
 * payload, 30 + 6 per word (calldata, storeBatchInCalldata). A key share of grantBatch is priced like a record whose second id is a
 * bytes16 (its ShareGranted log is a LOG3 with data too); a revocation is its grant id in calldata and
 * a LOG2 without data; a tombstone is its record id and pseudonym in calldata and a LOG3 without
 * data. A chunk of a record too large for one transaction goes alone in a storeChunk: the call with its five
 * fixed arguments, the chunk in calldata, a LOG4 whose data is the count, the digest and the chunk, the copy and
 * memory for the chunk. Cancun pricing (the fork production runs; Prague's calldata floor of EIP-7623 would need 40
 * gas per payload byte); calibrated against Anvil's gasUsed in GasEstimateIT.
 */
public final class GasModel {
    static final long TRANSACTION_BASE = 21_000;
    static final long ZERO_BYTE = 4;
    static final long NONZERO_BYTE = 16;
    static final long STRUCTURAL_WORD = 4 * NONZERO_BYTE + 28 * ZERO_BYTE;
    /** A bytes16 id in calldata: 16 bytes of the UUID, 16 of padding. */
    static final long BYTES16_WORD = 16 * NONZERO_BYTE + 16 * ZERO_BYTE;

    static final long LOG_BASE = 375;
    static final long LOG_TOPIC = 375;
    static final long LOG_DATA_BYTE = 8;
    static final long COPY_WORD = 3;
    static final long MEMORY_WORD = 3;
    static final long MEMORY_QUADRATIC_DIVISOR = 512;
    /** Dispatch, onlyWriter's cold storage read, array checks: about 3,100 measured on Anvil (cancun). */
    static final long CALL_EXECUTION = 5_000;
    /** Loop, bounds checks and ABI decoding of one record: about 600 measured on Anvil (cancun). */
    static final long RECORD_EXECUTION = 800;
    /** Loop, bounds check and ABI decoding of one revocation: about 280 measured on Anvil (cancun). */
    static final long REVOCATION_EXECUTION = 400;
    /** Loop, bounds checks and ABI decoding of one tombstone: about 330 measured on Anvil (cancun). */
    static final long TOMBSTONE_EXECUTION = 400;
    /** Scratch and free-memory words around the encoded log data. */
    static final long MEMORY_BASE_WORDS = 8;

    static final long KECCAK_BASE = 30;
    static final long KECCAK_WORD = 6;

    private final int marginPercent;
    private final LedgerLayout layout;

    /** The model of the logged layout (storeBatch), the one the grant, revoke, erase and anchor calls resemble. */
    public GasModel(int marginPercent) {
        this(marginPercent, LedgerLayout.LOGGED);
    }

    public GasModel(int marginPercent, LedgerLayout layout) {
        if (marginPercent < 0) {
            throw new IllegalArgumentException("gas margin must not be negative");
        }
        this.marginPercent = marginPercent;
        this.layout = java.util.Objects.requireNonNull(layout, "layout");
    }

    public LedgerLayout layout() {
        return layout;
    }

    /**
     * Gas one record adds to a transaction: calldata, its log (RecordStored with the payload, or RecordInCalldata with
     * the payload's digest and position and the hash that made the digest), the copy and the loop.
     */
    public long recordGas(int payloadBytes) {
        long padded = words(payloadBytes) * 32;
        long calldata = 16 * NONZERO_BYTE
                + 16 * ZERO_BYTE
                + 32 * NONZERO_BYTE
                + 2 * STRUCTURAL_WORD
                + payloadBytes * NONZERO_BYTE
                + (padded - payloadBytes) * ZERO_BYTE;
        if (layout == LedgerLayout.CALLDATA) {
            long log = LOG_BASE + 3 * LOG_TOPIC + LOG_DATA_BYTE * 64;
            long hash = KECCAK_BASE + KECCAK_WORD * words(payloadBytes);
            return calldata + log + hash + COPY_WORD * words(payloadBytes) + RECORD_EXECUTION;
        }
        long log = LOG_BASE + 3 * LOG_TOPIC + LOG_DATA_BYTE * (64 + padded);
        return calldata + log + COPY_WORD * words(payloadBytes) + RECORD_EXECUTION;
    }

    /** Gas one key share adds to a grantBatch: grant and record id, the share, its ShareGranted log, the loop. */
    public long shareGas(int shareBytes) {
        long padded = words(shareBytes) * 32;
        long calldata =
                2 * BYTES16_WORD + 2 * STRUCTURAL_WORD + shareBytes * NONZERO_BYTE + (padded - shareBytes) * ZERO_BYTE;
        long log = LOG_BASE + 3 * LOG_TOPIC + LOG_DATA_BYTE * (64 + padded);
        return calldata + log + COPY_WORD * words(shareBytes) + RECORD_EXECUTION;
    }

    /** Gas one revocation adds to a revokeBatch: its grant id and its GrantRevoked log (no data). */
    public long revocationGas() {
        return BYTES16_WORD + LOG_BASE + 2 * LOG_TOPIC + REVOCATION_EXECUTION;
    }

    /**
     * Gas one tombstone adds to an eraseBatch: its record id, its pseudonym (priced as all non-zero bytes)
     * and its RecordErased log (no data).
     */
    public long tombstoneGas() {
        return BYTES16_WORD + 32 * NONZERO_BYTE + LOG_BASE + 3 * LOG_TOPIC + TOMBSTONE_EXECUTION;
    }

    /** Gas one audit root adds to an anchorAudit: the root and its leaf count, and its AuditAnchored log. */
    public long anchorGas() {
        return 32 * NONZERO_BYTE
                + STRUCTURAL_WORD
                + LOG_BASE
                + 2 * LOG_TOPIC
                + 32 * LOG_DATA_BYTE
                + TOMBSTONE_EXECUTION;
    }

    /** The gas limit for an anchorAudit of {@code roots} roots: two arrays. */
    public long anchorGasLimit(int roots) {
        long call = TRANSACTION_BASE + 4 * NONZERO_BYTE + 4 * STRUCTURAL_WORD + CALL_EXECUTION;
        return withMargin(call + roots * anchorGas() + memoryGas(0));
    }

    /** Gas of the call itself: the transaction base, selector, the three array heads and lengths. */
    public long callGas() {
        return TRANSACTION_BASE + 4 * NONZERO_BYTE + 6 * STRUCTURAL_WORD + CALL_EXECUTION;
    }

    /** Memory expansion, paid once for the largest log (Solidity reuses the same scratch memory). */
    public long memoryGas(int largestPayloadBytes) {
        long memoryWords = MEMORY_BASE_WORDS + 2 + words(largestPayloadBytes);
        return MEMORY_WORD * memoryWords + memoryWords * memoryWords / MEMORY_QUADRATIC_DIVISOR;
    }

    /**
     * The gas limit for a storeBatch (or grantBatch: the same three arrays) whose entries add up to
     * {@code recordGasSum}, with the margin.
     */
    public long gasLimit(long recordGasSum, int largestPayloadBytes) {
        return withMargin(callGas() + recordGasSum + memoryGas(largestPayloadBytes));
    }

    /**
     * The gas limit, margin included, of a storeChunk carrying {@code chunkBytes}: record id, pseudonym, index, count,
     * digest, the chunk's offset and length, the chunk; its RecordChunkStored log (three indexed topics and the count,
     * digest, offset, length and chunk as data).
     */
    public long chunkGasLimit(int chunkBytes) {
        long padded = words(chunkBytes) * 32;
        long calldata = 4 * NONZERO_BYTE
                + BYTES16_WORD
                + 32 * NONZERO_BYTE
                + 2 * STRUCTURAL_WORD
                + 32 * NONZERO_BYTE
                + 2 * STRUCTURAL_WORD
                + chunkBytes * NONZERO_BYTE
                + (padded - chunkBytes) * ZERO_BYTE;
        long log = LOG_BASE + 4 * LOG_TOPIC + LOG_DATA_BYTE * (4 * 32 + padded);
        long execution = CALL_EXECUTION + RECORD_EXECUTION + COPY_WORD * words(chunkBytes) * 2;
        return withMargin(TRANSACTION_BASE + calldata + log + execution + memoryGas(chunkBytes + 4 * 32));
    }

    /** The gas limit for a revokeBatch whose revocations add up to {@code revocationGasSum}: one array. */
    public long revokeGasLimit(long revocationGasSum) {
        long call = TRANSACTION_BASE + 4 * NONZERO_BYTE + 2 * STRUCTURAL_WORD + CALL_EXECUTION;
        return withMargin(call + revocationGasSum + memoryGas(0));
    }

    /** The gas limit for an eraseBatch whose tombstones add up to {@code tombstoneGasSum}: two arrays. */
    public long eraseGasLimit(long tombstoneGasSum) {
        long call = TRANSACTION_BASE + 4 * NONZERO_BYTE + 4 * STRUCTURAL_WORD + CALL_EXECUTION;
        return withMargin(call + tombstoneGasSum + memoryGas(0));
    }

    /** The gas limit for a transaction carrying payloads of these sizes. */
    public long gasLimit(List<Integer> payloadSizes) {
        long sum = payloadSizes.stream().mapToLong(this::recordGas).sum();
        int largest = payloadSizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        return gasLimit(sum, largest);
    }

    private long withMargin(long estimate) {
        return estimate + estimate * marginPercent / 100;
    }

    private static long words(long bytes) {
        return (bytes + 31) / 32;
    }
}
