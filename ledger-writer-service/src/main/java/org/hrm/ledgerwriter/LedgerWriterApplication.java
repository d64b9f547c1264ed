package org.hrm.ledgerwriter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the ledger writer: Kafka consumers (records, consents, erasures) and the chain's only signer,
 * serving only the actuator over HTTP (probes, Prometheus; {@code server.port}).
 */
@SpringBootApplication
public class LedgerWriterApplication {
    public static void main(String[] args) {
        SpringApplication.run(LedgerWriterApplication.class, args);
    }
}
