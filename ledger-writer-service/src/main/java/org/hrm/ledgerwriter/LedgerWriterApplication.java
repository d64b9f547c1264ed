package org.hrm.ledgerwriter;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Starts the ledger writer: Kafka consumers (records, consents, erasures) and the chain's only signer,
 * with no web server.
 */
@SpringBootApplication
public class LedgerWriterApplication {
    public static void main(String[] args) {
        SpringApplication.run(LedgerWriterApplication.class, args);
    }
}
