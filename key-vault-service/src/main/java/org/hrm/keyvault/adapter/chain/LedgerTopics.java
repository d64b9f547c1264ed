package org.hrm.keyvault.adapter.chain;

import java.nio.ByteBuffer;
import java.util.UUID;
import org.hrm.contracts.ledger.RecordLedger;
import org.web3j.abi.EventEncoder;
import org.web3j.utils.Numeric;

/** Log topics of the ledger contract: event signatures, and ids as indexed {@code bytes16} topics. */
final class LedgerTopics {
    static final String RECORD_CHUNK_STORED = EventEncoder.encode(RecordLedger.RECORDCHUNKSTORED_EVENT);
    static final String SHARE_GRANTED = EventEncoder.encode(RecordLedger.SHAREGRANTED_EVENT);
    static final String GRANT_REVOKED = EventEncoder.encode(RecordLedger.GRANTREVOKED_EVENT);

    private LedgerTopics() {}

    /**
     * A record or grant id (a UUID) as an indexed {@code bytes16} topic: the UUID's 16 big-endian bytes (most
     * significant long first), left-aligned and zero-padded to 32 bytes.
     */
    static String id(String uuid) {
        UUID id = UUID.fromString(uuid);
        return Numeric.toHexString(ByteBuffer.allocate(32)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array());
    }
}
