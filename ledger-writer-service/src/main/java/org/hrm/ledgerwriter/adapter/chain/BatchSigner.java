package org.hrm.ledgerwriter.adapter.chain;

import java.math.BigInteger;
import java.util.List;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** Signs a ledger batch call offline with the lane's key: legacy or EIP-1559, at the given nonce and gas limit. */
final class BatchSigner {
    private final Credentials credentials;
    private final LedgerProperties.TransactionType type;
    private final BigInteger gasPrice;
    private final BigInteger priorityFee;

    BatchSigner(Credentials credentials, LedgerProperties properties) {
        this.credentials = credentials;
        this.type = properties.transactionType();
        this.gasPrice = properties.gasPriceWei();
        this.priorityFee = properties.maxPriorityFeeWei();
    }

    String address() {
        return credentials.getAddress();
    }

    SignedTransaction sign(
            String contract, Function call, long gasLimit, List<String> entryIds, long nonce, long chainId) {
        return sign(contract, FunctionEncoder.encode(call), gasLimit, entryIds, nonce, chainId);
    }

    /** Signs a call whose input is already encoded ({@code data}, hex). */
    SignedTransaction sign(
            String contract, String data, long gasLimit, List<String> entryIds, long nonce, long chainId) {
        BigInteger gas = BigInteger.valueOf(gasLimit);
        RawTransaction raw = type == LedgerProperties.TransactionType.LEGACY
                ? RawTransaction.createTransaction(
                        BigInteger.valueOf(nonce), gasPrice, gas, contract, BigInteger.ZERO, data)
                : RawTransaction.createTransaction(
                        chainId,
                        BigInteger.valueOf(nonce),
                        gas,
                        contract,
                        BigInteger.ZERO,
                        data,
                        priorityFee,
                        gasPrice);
        String signed = Numeric.toHexString(TransactionEncoder.signMessage(raw, chainId, credentials));
        return new SignedTransaction(Hash.sha3(signed), signed, nonce, contract, entryIds);
    }
}
