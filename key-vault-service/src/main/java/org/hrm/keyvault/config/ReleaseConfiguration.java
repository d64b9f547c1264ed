package org.hrm.keyvault.config;

import java.time.Clock;
import org.hrm.keyvault.application.ErasedRecords;
import org.hrm.keyvault.application.LedgerReader;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.application.RecordRelease;
import org.hrm.keyvault.application.UsedDecisions;
import org.hrm.keyvault.domain.ConsentKey;
import org.hrm.keyvault.domain.Pseudonyms;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The release path's use case, on when {@code hrm.vault.chain.rpc-url} is set; consent-service's public key is then
 * required and checked at startup, so a vault that could not verify decisions never starts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "hrm.vault.chain", name = "rpc-url")
class ReleaseConfiguration {

    @Bean
    ConsentKey consentKey(KeyVaultProperties properties) {
        String configured = properties.consentPublicKey();
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("hrm.vault.consent-public-key is not set: the release path needs "
                    + "consent-service's public key (base64 of the 65-byte uncompressed P-256 point)");
        }
        try {
            return ConsentKey.fromBase64(configured);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("hrm.vault.consent-public-key is invalid: " + e.getMessage(), e);
        }
    }

    @Bean
    RecordRelease recordRelease(
            ConsentKey consentKey,
            UsedDecisions usedDecisions,
            ErasedRecords erasedRecords,
            LedgerReader ledgerReader,
            OuterDecryption outerDecryption,
            Pseudonyms pseudonyms,
            Clock vaultClock) {
        return new RecordRelease(
                consentKey, usedDecisions, erasedRecords, ledgerReader, outerDecryption, pseudonyms, vaultClock);
    }
}
