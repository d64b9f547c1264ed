package org.hrm.keyvault.adapter.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.Key;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import org.hrm.keyvault.domain.CiphertextRejectedException;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.MasterKeyRingException;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The vault's keys in a SoftHSM2 token: every test shares this JVM's token, so assertions are relative. */
class Pkcs11CustodyTest {
    private final SecureRandom random = new SecureRandom();
    private Pkcs11Token token;
    private Pkcs11Custody custody;

    @BeforeEach
    void openTheToken() {
        token = SoftHsmTokens.vaultToken();
        custody = Pkcs11Custody.open(token, true, random);
    }

    @Test
    void wrapsAndUnwrapsInsideTheTokenBindingTheAad() {
        KeyHierarchy hierarchy = new KeyHierarchy(custody, random);
        byte[] kek = hierarchy.newOwnerKey();

        WrappedOwnerKey wrapped = hierarchy.wrapOwnerKey(RecordDomain.PATIENT, "owner-1", kek, Instant.now());

        assertThat(wrapped.wrappedKek()).hasSize(12 + 32 + 16);
        assertThat(hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, wrapped)).isEqualTo(kek);
        WrappedOwnerKey movedToAnotherOwner = new WrappedOwnerKey(
                "owner-2", wrapped.kekId(), wrapped.wrappedKek(), wrapped.masterKeyVersion(), wrapped.createdAt());
        assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, movedToAnotherOwner))
                .isInstanceOf(CiphertextRejectedException.class);
        assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(RecordDomain.PRACTITIONER, wrapped))
                .isInstanceOf(CiphertextRejectedException.class);
    }

    @Test
    void keepsEveryKeyInTheTokenSensitiveAndNotExtractable() throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS11", token.provider());
        keyStore.load(null, token.pin());

        for (String alias : Collections.list(keyStore.aliases())) {
            Key key = keyStore.getKey(alias, null);

            assertThat(key.getEncoded()).as(alias).isNull();
            assertThat(key.toString())
                    .as(alias)
                    .contains("token object")
                    .contains("unextractable")
                    .doesNotContain("not sensitive");
        }
        assertThat(Collections.list(keyStore.aliases())).contains("hrm-master-v1", "hrm-pseudonym-v1");
    }

    @Test
    void rotatesToANewTokenVersionWhileOlderWrapsStillUnwrap() {
        KeyHierarchy hierarchy = new KeyHierarchy(custody, random);
        byte[] kek = hierarchy.newOwnerKey();
        WrappedOwnerKey before = hierarchy.wrapOwnerKey(RecordDomain.PATIENT, "owner-1", kek, Instant.now());
        Pkcs11Custody otherInstance = Pkcs11Custody.open(token, false, random);

        custody.rotate();

        assertThat(custody.currentVersion()).isEqualTo(before.masterKeyVersion() + 1);
        WrappedOwnerKey after = new KeyHierarchy(otherInstance, random)
                .wrapOwnerKey(RecordDomain.PATIENT, "owner-1", kek, Instant.now());
        assertThat(after.masterKeyVersion()).isEqualTo(custody.currentVersion());
        assertThat(hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, before)).isEqualTo(kek);
        assertThat(hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, after)).isEqualTo(kek);
    }

    @Test
    void retiringDestroysTheTokenObjectForEveryInstance() throws Exception {
        KeyHierarchy hierarchy = new KeyHierarchy(custody, random);
        WrappedOwnerKey underOld =
                hierarchy.wrapOwnerKey(RecordDomain.PATIENT, "owner-9", hierarchy.newOwnerKey(), Instant.now());
        int old = underOld.masterKeyVersion();
        Pkcs11Custody otherInstance = Pkcs11Custody.open(token, false, random);
        assertThat(new KeyHierarchy(otherInstance, random).unwrapOwnerKey(RecordDomain.PATIENT, underOld))
                .hasSize(32);
        custody.rotate();

        custody.retire(old);

        KeyStore reloaded = KeyStore.getInstance("PKCS11", token.provider());
        reloaded.load(null, token.pin());
        assertThat(reloaded.containsAlias("hrm-master-v" + old)).isFalse();
        assertThat(custody.versions()).doesNotContain(old);
        assertThatThrownBy(() -> hierarchy.unwrapOwnerKey(RecordDomain.PATIENT, underOld))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("v" + old);
        assertThatThrownBy(() -> new KeyHierarchy(otherInstance, random).unwrapOwnerKey(RecordDomain.PATIENT, underOld))
                .isInstanceOf(MasterKeyRingException.class)
                .hasMessageContaining("v" + old);
    }

    @Test
    void neverRetiresTheNewestVersion() {
        int newest = custody.currentVersion();

        assertThatThrownBy(() -> custody.retire(newest)).hasMessageContaining("newest");
        assertThat(custody.versions()).contains(newest);
    }

    @Test
    void rotatesThePseudonymKeyInsideTheTokenAndStillRecognisesOldPseudonyms() {
        Pseudonyms pseudonyms = new Pseudonyms(custody);
        byte[] before = pseudonyms.of(RecordDomain.PATIENT, "patient-42");

        int newest = custody.rotatePseudonym();

        byte[] after = pseudonyms.of(RecordDomain.PATIENT, "patient-42");
        assertThat(newest).isGreaterThan(1);
        assertThat(after).hasSize(32).isNotEqualTo(before);
        assertThat(pseudonyms.matches(RecordDomain.PATIENT, "patient-42", before))
                .isTrue();
        assertThat(pseudonyms.matches(RecordDomain.PATIENT, "patient-42", after))
                .isTrue();
        assertThat(pseudonyms.matches(RecordDomain.PATIENT, "patient-43", before))
                .isFalse();
        assertThat(pseudonyms.matches(RecordDomain.PRACTITIONER, "patient-42", before))
                .isFalse();
        assertThat(new Pseudonyms(Pkcs11Custody.open(token, false, random)).of(RecordDomain.PATIENT, "patient-42"))
                .isEqualTo(after);
    }
}
