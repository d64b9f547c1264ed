package org.hrm.keyvault.adapter.chain;

import static org.assertj.core.api.Assertions.assertThat;

import org.hrm.contracts.ledger.StoredPayloads;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

class LedgerTopicsTest {

    @Test
    void encodesAnIdAsTheUuidsBigEndianBytesLeftAlignedInThirtyTwo() {
        assertThat(LedgerTopics.id("00112233-4455-6677-8899-aabbccddeeff"))
                .isEqualTo("0x00112233445566778899aabbccddeeff00000000000000000000000000000000");
    }

    @Test
    void namesTheLedgerEventsByTheirSolidityEventSignatures() {
        assertThat(StoredPayloads.RECORD_STORED).isEqualTo(Hash.sha3String("RecordStored(bytes16,bytes32,bytes)"));
        assertThat(StoredPayloads.RECORD_IN_CALLDATA)
                .isEqualTo(Hash.sha3String("RecordInCalldata(bytes16,bytes32,bytes32,uint256)"));
        assertThat(LedgerTopics.SHARE_GRANTED).isEqualTo(Hash.sha3String("ShareGranted(bytes16,bytes16,bytes)"));
        assertThat(LedgerTopics.GRANT_REVOKED).isEqualTo(Hash.sha3String("GrantRevoked(bytes16)"));
    }
}
