package org.hrm.ledgerwriter.adapter.chain;

import java.util.Arrays;
import java.util.List;
import org.hrm.contracts.LedgerCalldata;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.ledgerwriter.domain.AuditRoot;
import org.hrm.ledgerwriter.domain.ChunkPosition;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.LedgerLayout;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.hrm.ledgerwriter.domain.RecordTombstone;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes16;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint32;
import org.web3j.utils.Numeric;

/**
 * The ledger contract's calls: the record batches (storeBatch, storeBatchInCalldata) encoded straight into bytes by
 * {@link LedgerCalldata}, the others (storeChunk, grantBatch, revokeBatch, eraseBatch, anchorAudit) as ABI functions.
 */
final class LedgerCalls {
    private LedgerCalls() {}

    /**
     * The input of {@code storeBatchInCalldata(recordIds, ownerPseudonyms, payloads)} (calldata layout) or
     * {@code storeBatch(...)} (logged layout), hex.
     */
    static String recordBatch(LedgerLayout layout, List<LedgerRecord> records) {
        return Numeric.toHexString(LedgerCalldata.encode(
                layout == LedgerLayout.CALLDATA ? LedgerCalldata.STORE_BATCH_IN_CALLDATA : LedgerCalldata.STORE_BATCH,
                records.stream()
                        .map(record -> RecordIds.toBytes16(record.recordId()))
                        .toList(),
                records.stream().map(LedgerRecord::ownerPseudonym).toList(),
                records.stream().map(LedgerRecord::payload).toList()));
    }

    /** {@code storeChunk(recordId, ownerPseudonym, index, count, digest, chunk)} of one chunk. */
    static Function storeChunk(LedgerRecord chunk) {
        ChunkPosition position = chunk.chunk();
        return new Function(
                RecordLedger.FUNC_STORECHUNK,
                Arrays.<Type>asList(
                        new Bytes16(RecordIds.toBytes16(chunk.recordId())),
                        new Bytes32(chunk.ownerPseudonym()),
                        new Uint32(position.index()),
                        new Uint32(position.count()),
                        new Bytes32(position.digest()),
                        new DynamicBytes(chunk.payload())),
                List.of());
    }

    /** {@code grantBatch(grantIds, recordIds, shares)} or {@code revokeBatch(grantIds)}. */
    static Function consents(ConsentTransaction transaction) {
        if (transaction instanceof ConsentTransaction.Grants grants) {
            return grantBatch(grants.shares());
        }
        return revokeBatch(((ConsentTransaction.Revocations) transaction).revocations());
    }

    static Function grantBatch(List<ShareGrant> shares) {
        return new Function(
                RecordLedger.FUNC_GRANTBATCH,
                Arrays.<Type>asList(
                        ids(shares.stream().map(ShareGrant::grantId).toList()),
                        ids(shares.stream().map(ShareGrant::recordId).toList()),
                        bytes(shares.stream().map(ShareGrant::share).toList())),
                List.of());
    }

    static Function revokeBatch(List<Revocation> revocations) {
        return new Function(
                RecordLedger.FUNC_REVOKEBATCH,
                List.<Type>of(ids(revocations.stream().map(Revocation::grantId).toList())),
                List.of());
    }

    /** {@code eraseBatch(recordIds, ownerPseudonyms)}. */
    static Function eraseBatch(List<RecordTombstone> tombstones) {
        return new Function(
                RecordLedger.FUNC_ERASEBATCH,
                Arrays.<Type>asList(
                        ids(tombstones.stream().map(RecordTombstone::recordId).toList()),
                        pseudonyms(tombstones.stream()
                                .map(RecordTombstone::ownerPseudonym)
                                .toList())),
                List.of());
    }

    /** {@code anchorAudit(roots, leaves)}. */
    static Function anchorAudit(List<AuditRoot> roots) {
        return new Function(
                RecordLedger.FUNC_ANCHORAUDIT,
                Arrays.<Type>asList(
                        pseudonyms(roots.stream()
                                .map(root -> Numeric.hexStringToByteArray(root.root()))
                                .toList()),
                        new DynamicArray<>(
                                Uint32.class,
                                roots.stream()
                                        .map(root -> new Uint32(root.leaves()))
                                        .toList())),
                List.of());
    }

    private static DynamicArray<Bytes32> pseudonyms(List<byte[]> pseudonyms) {
        return new DynamicArray<>(
                Bytes32.class, pseudonyms.stream().map(Bytes32::new).toList());
    }

    private static DynamicArray<Bytes16> ids(List<String> uuids) {
        return new DynamicArray<>(
                Bytes16.class,
                uuids.stream().map(id -> new Bytes16(RecordIds.toBytes16(id))).toList());
    }

    private static DynamicArray<DynamicBytes> bytes(List<byte[]> values) {
        return new DynamicArray<>(
                DynamicBytes.class, values.stream().map(DynamicBytes::new).toList());
    }
}
