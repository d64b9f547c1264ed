package org.hrm.keyvault.config;

import java.security.SecureRandom;
import java.time.Clock;
import org.hrm.keyvault.adapter.pkcs11.Pkcs11Custody;
import org.hrm.keyvault.adapter.pkcs11.Pkcs11Token;
import org.hrm.keyvault.application.ErasedRecords;
import org.hrm.keyvault.application.KeyFileCustody;
import org.hrm.keyvault.application.OuterDecryption;
import org.hrm.keyvault.application.OwnerKeyStore;
import org.hrm.keyvault.application.RecordKeyStore;
import org.hrm.keyvault.application.RecordSealing;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.MasterKeyRing;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The vault's crypto and use cases as beans; the master key custody is opened first and failing stops startup. No bean
 * caches an unwrapped key: every use case unwraps what it needs per call and zeroes it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KeyVaultProperties.class)
class VaultConfiguration {
    private static final Logger log = LoggerFactory.getLogger(VaultConfiguration.class);

    /**
     * The one custody of this process: a PKCS#11 token in production, the key file in the sandbox only. From a key
     * file, the ring re-reads the file when a stored KEK names a version it lacks and before it wraps a new KEK, so
     * every instance follows a rotation another one ran.
     */
    @Bean
    MasterKeyCustody masterKeyCustody(
            KeyVaultProperties properties, Environment environment, SecureRandom vaultRandom) {
        if (properties.pkcs11Custody()) {
            KeyVaultProperties.Pkcs11 pkcs11 = properties.pkcs11();
            if (pkcs11 == null) {
                throw new MasterKeyRingException("hrm.vault.master-key-custody is pkcs11 but hrm.vault.pkcs11.* is not "
                        + "set (library, pin-file, and slot or slot-list-index)");
            }
            Pkcs11Custody custody = Pkcs11Custody.open(
                    new Pkcs11Token(pkcs11.library(), pkcs11.slot(), pkcs11.slotListIndex(), pkcs11.pinFile()),
                    pkcs11.initialize(),
                    vaultRandom);
            log.info("Master keys in a PKCS#11 token ({}): {}", pkcs11.library(), custody);
            return custody;
        }
        KeyFileGuard.requireSandbox(properties, environment);
        StoredMasterKeys storage = new StoredMasterKeys(properties.masterKeyFile(), environment);
        MasterKeyRing ring = MasterKeySource.load(properties.masterKeyFile(), environment);
        if (properties.masterKeyFile() != null) {
            // An environment variable cannot change while the process runs: only a key file is worth re-reading.
            ring.reloadFrom(storage::read);
        }
        return new KeyFileCustody(ring, storage, vaultRandom);
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
    KeyHierarchy keyHierarchy(MasterKeyCustody masterKeyCustody, SecureRandom vaultRandom) {
        return new KeyHierarchy(masterKeyCustody, vaultRandom);
    }

    @Bean
    Pseudonyms pseudonyms(MasterKeyCustody masterKeyCustody) {
        return new Pseudonyms(masterKeyCustody);
    }

    @Bean
    RecordSealing recordSealing(
            RecordKeyStore recordKeys,
            OwnerKeyStore ownerKeys,
            ErasedRecords erasedRecords,
            KeyHierarchy keyHierarchy,
            OuterLayer outerLayer,
            Pseudonyms pseudonyms,
            Clock vaultClock) {
        return new RecordSealing(
                recordKeys, ownerKeys, erasedRecords, keyHierarchy, outerLayer, pseudonyms, vaultClock);
    }

    @Bean
    OuterDecryption outerDecryption(
            RecordKeyStore recordKeys, OwnerKeyStore ownerKeys, KeyHierarchy keyHierarchy, OuterLayer outerLayer) {
        return new OuterDecryption(recordKeys, ownerKeys, keyHierarchy, outerLayer);
    }

    /** Says at startup whether the release path runs: without a chain to read, it is off rather than failing. */
    @Bean
    SmartInitializingSingleton releasePathNotice(KeyVaultProperties properties) {
        return () -> {
            if (properties.releaseEnabled()) {
                log.info("Release path on: access decisions are verified and records read from the chain");
            } else {
                log.warn("Release path OFF: hrm.vault.chain.rpc-url is not set, so no AccessDecided is consumed "
                        + "and nothing is released (set it with hrm.vault.chain.contracts.* and "
                        + "hrm.vault.consent-public-key to turn it on)");
            }
        };
    }
}
