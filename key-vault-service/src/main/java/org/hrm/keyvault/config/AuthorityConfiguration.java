package org.hrm.keyvault.config;

import java.time.Clock;
import org.hrm.contracts.authority.DirectoryKeeper;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.DirectoryStore;
import org.hrm.contracts.authority.RequestRules;
import org.hrm.keyvault.adapter.kafka.VaultAuthority;
import org.hrm.keyvault.domain.EventSigner;
import org.hrm.keyvault.domain.ReceiptSigningKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The vault's verified party directory and the checks of whose word it obeys ({@link VaultAuthority}). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuthorityProperties.class)
class AuthorityConfiguration {
    private static final Logger log = LoggerFactory.getLogger(AuthorityConfiguration.class);

    @Bean
    DirectoryKeeper partyDirectory(DirectoryStore store, AuthorityProperties authority) {
        return new DirectoryKeeper(new DirectoryRules(authority.attesters()), store);
    }

    /** The receipt key when one is configured; otherwise a key of this run only, whose events nobody will accept. */
    @Bean
    EventSigner eventSigner(ObjectProvider<ReceiptSigningKey> receiptKey) {
        ReceiptSigningKey key = receiptKey.getIfAvailable();
        if (key == null) {
            key = ReceiptSigningKey.ephemeral();
            log.warn(
                    "No hrm.vault.receipt-key-file: RecordSealed and KeysDestroyed are signed by a key of this run"
                            + " only (public {}); the ledger writer and consent-service will refuse them",
                    key.publicKeyBase64());
        } else {
            log.info(
                    "RecordSealed and KeysDestroyed are signed by the vault's published key {}", key.publicKeyBase64());
        }
        return new EventSigner(key);
    }

    @Bean
    VaultAuthority vaultAuthority(DirectoryKeeper directory, AuthorityProperties authority) {
        if (authority.operatorKeys().isEmpty()) {
            log.warn("No operator keys (hrm.vault.authority.operator-keys): every vault command will be refused");
        }
        return new VaultAuthority(
                directory,
                new RequestRules(authority.attesters()),
                authority.operators(),
                authority.partyGrace(),
                authority.erasureRequestMaxAge(),
                Clock.systemUTC());
    }
}
