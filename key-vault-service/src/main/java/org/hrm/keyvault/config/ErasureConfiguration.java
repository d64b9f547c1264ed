package org.hrm.keyvault.config;

import java.time.Clock;
import org.hrm.keyvault.application.ErasableKeys;
import org.hrm.keyvault.application.ErasedRecords;
import org.hrm.keyvault.application.ErasureStore;
import org.hrm.keyvault.application.MasterKeyRotation;
import org.hrm.keyvault.application.OwnerKeyStore;
import org.hrm.keyvault.application.OwnerKeyVersions;
import org.hrm.keyvault.application.RecordErasure;
import org.hrm.keyvault.application.RecordKeyStore;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.Pseudonyms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Erasure and master key rotation as beans; says at startup whether erasure receipts are signed. */
@Configuration(proxyBeanMethods = false)
class ErasureConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ErasureConfiguration.class);

    @Bean
    RecordErasure recordErasure(
            RecordKeyStore recordKeys,
            OwnerKeyStore ownerKeys,
            ErasableKeys erasableKeys,
            ErasureStore erasureStore,
            ErasedRecords erasedRecords,
            KeyHierarchy keyHierarchy,
            Pseudonyms pseudonyms,
            Clock vaultClock) {
        return new RecordErasure(
                recordKeys, ownerKeys, erasableKeys, erasureStore, erasedRecords, keyHierarchy, pseudonyms, vaultClock);
    }

    @Bean
    MasterKeyRotation masterKeyRotation(
            MasterKeyCustody masterKeyCustody,
            KeyHierarchy keyHierarchy,
            OwnerKeyVersions ownerKeyVersions,
            KeyVaultProperties properties,
            Clock vaultClock) {
        return new MasterKeyRotation(
                masterKeyCustody, keyHierarchy, ownerKeyVersions, properties.rotationBatchSize(), vaultClock);
    }

    /** Without a receipt key, erasures still destroy keys; only the signed receipts wait for one. */
    @Bean
    SmartInitializingSingleton receiptNotice(KeyVaultProperties properties) {
        return () -> {
            if (properties.receiptKeyFile() == null) {
                log.warn("Erasure receipts OFF: hrm.vault.receipt-key-file is not set, so no ErasureCommitted is "
                        + "consumed and no receipt is signed (erasure itself runs; set the property to a key file "
                        + "made with ReceiptSigningKey.generateReceiptKeyFileContent() to turn receipts on)");
            }
        };
    }
}
