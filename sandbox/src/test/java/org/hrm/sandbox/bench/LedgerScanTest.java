package org.hrm.sandbox.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class LedgerScanTest {
    @Test
    void readsBackTheRecordIdItWroteAsAnIndexedBytes16Topic() {
        String recordId = UUID.randomUUID().toString();

        String topic = LedgerScan.topic(recordId);

        assertThat(topic).hasSize(66).endsWith("0".repeat(32));
        assertThat(LedgerScan.recordId(topic)).isEqualTo(recordId);
    }
}
