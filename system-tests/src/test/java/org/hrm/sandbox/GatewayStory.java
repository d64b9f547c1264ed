package org.hrm.sandbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.function.Function;
import org.hrm.client.sdk.ConsentSigner;
import org.hrm.contracts.events.ErasureReceipt;

/**
 * The store, grant, fetch and erasure story through a gateway whose tokens come from an identity provider (not the
 * development login): for tests outside this package that start the services some other way (DeploymentBootIT).
 */
public final class GatewayStory {
    /** The parties of the story and the role each logs in with. */
    public static final java.util.Map<String, String> ROLES =
            java.util.Map.of("hospital-a", "system", "patient-alice", "patient", "dr-chen", "practitioner");

    private GatewayStory() {}

    /**
     * Registers a hospital system, a patient and a doctor; the hospital stores a record and it is committed; the
     * doctor is denied, the patient grants, the doctor reads the exact bytes; the patient erases it and gets a receipt
     * that verifies under {@code vaultPublicKey}; afterwards the record answers 410 to its owner.
     *
     * @param tokens a bearer token for a party id (see {@link #ROLES})
     */
    public static void storeGrantFetchErase(String gatewayUrl, Function<String, String> tokens, String vaultPublicKey)
            throws Exception {
        GatewayParties parties = new GatewayParties(gatewayUrl, (gateway, partyId) -> tokens.apply(partyId));
        parties.registerAll();
        byte[] plaintext = "{\"resourceType\":\"Observation\",\"valueString\":\"BP 128/82\"}".getBytes(UTF_8);

        String recordId = parties.submitCommitted(plaintext);
        assertThat(parties.read(recordId, parties.alice, parties.aliceToken)).isEqualTo(plaintext);
        assertThat(parties.fetch(recordId, parties.chenToken).status()).isEqualTo(403);

        parties.grantAndAwaitFetch(recordId);
        assertThat(parties.read(recordId, parties.chen, parties.chenToken)).isEqualTo(plaintext);

        ErasureReceipt receipt = parties.erase(recordId);
        assertThat(receipt.recordIds()).containsExactly(recordId);
        assertThat(ConsentSigner.verify(
                        Base64.getDecoder().decode(vaultPublicKey), receipt.signedBytes(), receipt.vaultSignature()))
                .as("the receipt verifies under the vault's published key")
                .isTrue();
        assertThat(parties.fetch(recordId, parties.aliceToken).status()).isEqualTo(410);
    }
}
