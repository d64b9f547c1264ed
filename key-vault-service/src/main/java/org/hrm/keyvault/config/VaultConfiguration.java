package org.hrm.keyvault.config;

import java.security.SecureRandom;
import java.time.Clock;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.application.OwnerKeyStore;
import org.hrm.keyvault.application.RecordKeyStore;
import org.hrm.keyvault.application.RecordSealing;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The vault's crypto and use cases as beans; the master key ring is loaded first and failing stops startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyVaultProperties.class)
class VaultConfiguration {

    @Bean
    MasterKeyRing masterKeyRing(KeyVaultProperties properties, Environment environment) {
        return MasterKeySource.load(properties.masterKeyFile(), environment);
    }

    @Bean
    SecureRandom vaultRandom() {
        return new SecureRandom();
    }

    @Bean
    Clock vaultClock() {
        return Clock.systemUTC();
    }

    @Bean
    OuterLayer outerLayer(SecureRandom vaultRandom) {
        return new OuterLayer(vaultRandom);
    }

    @Bean
    KeyHierarchy keyHierarchy(MasterKeyRing masterKeyRing, SecureRandom vaultRandom) {
        return new KeyHierarchy(masterKeyRing, vaultRandom);
    }

    @Bean
    Pseudonyms pseudonyms(MasterKeyRing masterKeyRing) {
        return new Pseudonyms(masterKeyRing);
    }

    @Bean
    RecordSealing recordSealing(
            RecordKeyStore recordKeys,
            OwnerKeyStore ownerKeys,
            KeyHierarchy keyHierarchy,
            OuterLayer outerLayer,
            Pseudonyms pseudonyms,
            Clock vaultClock) {
        return new RecordSealing(recordKeys, ownerKeys, keyHierarchy, outerLayer, pseudonyms, vaultClock);
    }

    @Bean
    OuterDecryption outerDecryption(
            RecordKeyStore recordKeys, OwnerKeyStore ownerKeys, KeyHierarchy keyHierarchy, OuterLayer outerLayer) {
        return new OuterDecryption(recordKeys, ownerKeys, keyHierarchy, outerLayer);
    }
}
