package org.hrm.ledgerwriter.adapter.chain;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.hrm.contracts.ledger.RecordLedger;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.hrm.ledgerwriter.domain.LedgerRecord;
import org.hrm.ledgerwriter.domain.PackedTransaction;
import org.hrm.ledgerwriter.domain.RecordIds;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes16;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Encodes {@code storeBatch(recordIds, ownerPseudonyms, payloads)} and signs it offline with the lane's key. */
final class StoreBatchSigner {
    private final Credentials credentials;
    private final LedgerProperties.TransactionType type;
    private final BigInteger gasPrice;
    private final BigInteger priorityFee;

    StoreBatchSigner(Credentials credentials, LedgerProperties properties) {
        this.credentials = credentials;
        this.type = properties.transactionType();
        this.gasPrice = properties.gasPriceWei();
        this.priorityFee = properties.maxPriorityFeeWei();
    }

    String address() {
        return credentials.getAddress();
    }

    SignedTransaction sign(String contract, PackedTransaction transaction, long nonce, long chainId) {
        String data = FunctionEncoder.encode(storeBatch(transaction.records()));
        BigInteger gasLimit = BigInteger.valueOf(transaction.gasLimit());
        RawTransaction raw = type == LedgerProperties.TransactionType.LEGACY
                ? RawTransaction.createTransaction(
                        BigInteger.valueOf(nonce), gasPrice, gasLimit, contract, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(
                        chainId,
                        BigInteger.valueOf(nonce),
                        gasLimit,
                        contract,
                        BigInteger.ZERO,
                        data,
                        priorityFee,
                        gasPrice);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, credentials));
        return new SignedTransaction(Hash.sha3(signed), signed, nonce, contract, transaction.recordIds());
    }

    static Function storeBatch(List<LedgerRecord> records) {
        List<Bytes16> recordIds = records.stream()
                .map(record -> new Bytes16(RecordIds.toBytes16(record.recordId())))
                .toList();
        List<Bytes32> owners = records.stream()
                .map(record -> new Bytes32(record.ownerPseudonym()))
                .toList();
        List<DynamicBytes> payloads = records.stream()
                .map(record -> new DynamicBytes(record.payload()))
                .toList();
        return new Function(
                RecordLedger.FUNC_STOREBATCH,
                Arrays.<Type>asList(
                        new DynamicArray<>(Bytes16.class, recordIds),
                        new DynamicArray<>(Bytes32.class, owners),
                        new DynamicArray<>(DynamicBytes.class, payloads)),
                List.of());
    }
}
