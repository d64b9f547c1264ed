package org.hrm.keyvault.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.hrm.keyvault.adapter.kafka.ErasureReceiptMapping;
import org.hrm.keyvault.application.ErasureReceipts;
import org.hrm.keyvault.application.ErasureStore;
import org.hrm.keyvault.domain.ReceiptSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Erasure receipts, on when {@code hrm.vault.receipt-key-file} is set: the key is read and checked at startup (a
 * vault that could not sign never starts with receipts on) and its public half, never the private one, is logged.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hrm.vault", name = "receipt-key-file")
class ReceiptConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ReceiptConfiguration.class);

    @Bean
    ReceiptSigningKey receiptSigningKey(KeyVaultProperties properties) {
        Path file = properties.receiptKeyFile();
        String source = "hrm.vault.receipt-key-file " + file;
        ReceiptSigningKey key;
        try {
            key = ReceiptSigningKey.parse(Files.readString(file, StandardCharsets.UTF_8), source);
        } catch (IOException e) {
            throw new IllegalStateException(
                    source + " cannot be read: " + e.getClass().getSimpleName(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        log.info(
                "Erasure receipts on: signed by the receipt key whose public key (P-256, SEC1, base64) is {}",
                key.publicKeyBase64());
        return key;
    }

    @Bean
    ErasureReceipts erasureReceipts(ErasureStore erasureStore, ReceiptSigningKey receiptSigningKey, Clock vaultClock) {
        return new ErasureReceipts(erasureStore, receiptSigningKey, new ErasureReceiptMapping(), vaultClock);
    }
}
