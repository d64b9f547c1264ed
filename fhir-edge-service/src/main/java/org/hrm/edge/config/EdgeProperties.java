package org.hrm.edge.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The hospital's settings ({@code hrm.edge.*}).
 *
 * @param kafkaBootstrapServers the platform's Kafka, where records are submitted and the party directory is read (the
 *     only topic a hospital's principal may read)
 * @param kafka extra Kafka client settings: the hospital principal's login ({@code security.protocol}, {@code
 *     sasl.mechanism}, {@code sasl.jaas.config} or TLS key store), as the hospital's Kafka operator issued them
 * @param gateway the platform's gateway, where the edge, as an API client with the hospital's own credentials, reads
 *     what concerns it: the owner's grantees, its records' stages, releases
 * @param keyCustody where the hospital's private key is: {@code file} (the default: {@code keystore}) or {@code
 *     pkcs11} (a token, {@code pkcs11.*}); the key signs as author and opens what is sealed to the hospital
 * @param keystore the hospital's party key file (JSON, as {@code ./hrm register} writes it), with {@code file} custody
 * @param pkcs11 the token holding the hospital's key, with {@code pkcs11} custody
 * @param ownerMapping the properties file mapping {@code Patient/<id>} and {@code Practitioner/<id>} to owner ids
 * @param attestationKeys the gateway's public attestation keys by key id (base64 SEC1): which registrations the
 *     party directory trusts
 * @param maxRecordBytes the largest resource JSON accepted; the default 1 MiB keeps the encrypted, base64-encoded
 *     event under the platform's 2 MiB message limit with room for the key shares
 */
@ConfigurationProperties("hrm.edge")
public record EdgeProperties(
        String kafkaBootstrapServers,
        Map<String, String> kafka,
        Gateway gateway,
        @DefaultValue("file") KeyCustody keyCustody,
        Path keystore,
        Pkcs11 pkcs11,
        Path ownerMapping,
        Map<String, String> attestationKeys,
        @DefaultValue("1048576") int maxRecordBytes) {

    /**
     * The gateway and how the edge logs in to it ({@code hrm.edge.gateway.*}): the OAuth 2.0 client-credentials grant
     * at the identity provider (production: the hospital's confidential client, its secret in a file), or, in the
     * sandbox only, the development issuer's login as the hospital's party.
     *
     * @param url the gateway's base URL, e.g. {@code https://hrm.example}
     * @param tokenEndpoint the identity provider's token endpoint (Keycloak: {@code
     *     .../realms/hrm/protocol/openid-connect/token})
     * @param clientId the hospital's client id at the identity provider
     * @param clientSecretFile the file holding the client secret (a mounted secret); there is no default
     * @param devLogin log in at the sandbox gateway's development issuer instead (profile {@code dev} gateways only)
     */
    public record Gateway(
            URI url,
            URI tokenEndpoint,
            String clientId,
            Path clientSecretFile,
            @DefaultValue("false") boolean devLogin) {}

    /** Where the hospital's private key is held. */
    public enum KeyCustody {
        FILE,
        PKCS11
    }

    /**
     * The hospital's key in a PKCS#11 token ({@code hrm.edge.pkcs11.*}).
     *
     * @param hospitalId the hospital's party id (a key file names it; a token key does not)
     * @param library path of the token's PKCS#11 library
     * @param slot the slot id; when absent, {@code slotListIndex} picks the slot
     * @param slotListIndex index among the library's slots with a token (default 0)
     * @param pinFile file holding the user PIN (mounted from a secret)
     * @param keyLabel the label of the private key and its certificate; the hospital id when absent
     */
    public record Pkcs11(
            String hospitalId,
            String library,
            Long slot,
            @DefaultValue("0") int slotListIndex,
            Path pinFile,
            String keyLabel) {}
}
