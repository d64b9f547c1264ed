package org.hrm.embedded;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.asn1.x509.V3TBSCertificateGenerator;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * The certificates of a broker's TLS listener, made as Strimzi makes them for a cluster: a cluster CA that signs the
 * broker's certificate (clients trust it: Strimzi's {@code <cluster>-cluster-ca-cert} Secret) and a clients CA that
 * signs each user's certificate with subject {@code CN=<user>} (the broker trusts it: Strimzi's KafkaUser Secrets).
 * With Kafka's default {@code ssl.principal.mapping.rules}, a user's principal is {@code User:CN=<user>}, the name
 * Strimzi's user operator grants the KafkaUser's ACLs to ({@link #principal}).
 *
 * <p>Keys are P-256, drawn anew for every instance, and live in memory only: {@link #toString()} names the
 * authorities, never a key. {@link #fromPem} takes a broker certificate someone else made instead (compose's
 * generator); such an instance has no clients CA.
 */
public final class KafkaTls {
    /** The broker's subject: its principal when it talks to itself, a super user of the broker. */
    static final String BROKER = "hrm-embedded-broker";

    private static final Duration VALIDITY = Duration.ofDays(2);

    private final Authority clusterCa;
    /** Null when the certificates were made elsewhere ({@link #fromPem}): no client certificates then. */
    private final Authority clientsCa;

    private final Identity broker;

    private KafkaTls(Authority clusterCa, Authority clientsCa, Identity broker) {
        this.clusterCa = clusterCa;
        this.clientsCa = clientsCa;
        this.broker = broker;
    }

    /** Fresh authorities, and a broker certificate for {@code localhost} (its DNS name and 127.0.0.1). */
    public static KafkaTls generate() {
        Authority clusterCa = Authority.create("hrm-embedded-cluster-ca");
        Authority clientsCa = Authority.create("hrm-embedded-clients-ca");
        return new KafkaTls(clusterCa, clientsCa, clusterCa.issue(BROKER, List.of("localhost", "127.0.0.1")));
    }

    /**
     * The broker's certificate as another CA made it: {@code brokerKeyStorePem} is Kafka's PEM key store (an
     * unencrypted PKCS#8 P-256 key, then the certificate chain, the broker's first) and {@code caPem} the certificate
     * clients trust. For SCRAM over TLS ({@link EmbeddedKafka.Listener#saslOverTls}) only: there is no clients CA.
     */
    public static KafkaTls fromPem(String brokerKeyStorePem, String caPem) {
        try {
            int chainStart = brokerKeyStorePem.indexOf("-----BEGIN CERTIFICATE-----");
            if (chainStart < 0) {
                throw new IllegalArgumentException("not a PEM key store: no certificate chain");
            }
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            List<X509Certificate> chain = factory
                    .generateCertificates(new ByteArrayInputStream(
                            brokerKeyStorePem.substring(chainStart).getBytes(StandardCharsets.US_ASCII)))
                    .stream()
                    .map(X509Certificate.class::cast)
                    .toList();
            X509Certificate ca = (X509Certificate)
                    factory.generateCertificate(new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII)));
            String begin = "-----BEGIN PRIVATE KEY-----";
            int start = brokerKeyStorePem.indexOf(begin);
            int end = brokerKeyStorePem.indexOf("-----END PRIVATE KEY-----");
            if (start < 0 || end < start) {
                throw new IllegalArgumentException("not a PEM key store: a PKCS#8 key and a certificate chain");
            }
            byte[] pkcs8 = Base64.getMimeDecoder().decode(brokerKeyStorePem.substring(start + begin.length(), end));
            PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return new KafkaTls(new Authority(new Identity(null, List.of(ca))), null, new Identity(key, chain));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read the broker's PEM key store or the CA certificate", e);
        }
    }

    /** The principal the broker's default mapping gives a client certificate of {@link #user}: the whole subject. */
    public static String principal(String user) {
        return "CN=" + user;
    }

    /** The cluster CA: what a client trusts to reach the broker. */
    public Authority clusterCa() {
        return clusterCa;
    }

    /** The clients CA: whose certificates the broker accepts as client certificates. */
    public Authority clientsCa() {
        if (clientsCa == null) {
            throw new IllegalStateException("certificates made elsewhere have no clients CA here");
        }
        return clientsCa;
    }

    /** The broker's key and certificate chain (signed by the cluster CA). */
    Identity broker() {
        return broker;
    }

    /** A user's client certificate, as Strimzi's user operator issues one for a KafkaUser with TLS authentication. */
    public Identity user(String user) {
        return clientsCa().issue(user, List.of());
    }

    /** The authorities' names, never a key. */
    @Override
    public String toString() {
        return "KafkaTls[" + clusterCa + ", " + (clientsCa == null ? "no clients CA" : clientsCa) + "]";
    }

    /** A certificate authority: a self-signed certificate and its key. */
    public static final class Authority {
        private final Identity identity;

        private Authority(Identity identity) {
            this.identity = identity;
        }

        static Authority create(String commonName) {
            KeyPair pair = keyPair();
            X509Certificate certificate = sign(
                    commonName, "CN=" + commonName, pair.getPublic().getEncoded(), pair.getPrivate(), List.of(), true);
            return new Authority(new Identity(pair.getPrivate(), List.of(certificate)));
        }

        public X509Certificate certificate() {
            return identity.chain().get(0);
        }

        /** A certificate for {@code CN=commonName}, for TLS servers and clients, naming {@code hosts} if any. */
        Identity issue(String commonName, List<String> hosts) {
            KeyPair pair = keyPair();
            X509Certificate certificate = sign(
                    commonName,
                    certificate().getSubjectX500Principal().getName(),
                    pair.getPublic().getEncoded(),
                    identity.key(),
                    hosts,
                    false);
            return new Identity(pair.getPrivate(), List.of(certificate, certificate()));
        }

        /** A PKCS12 trust store holding this authority's certificate, as Strimzi's {@code ca.p12}. */
        public byte[] trustStore(String password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setCertificateEntry("ca", certificate());
                return KafkaTls.store(store, password);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot write a trust store", e);
            }
        }

        /** The certificate in PEM, as Kafka's {@code ssl.truststore.certificates} takes it. */
        public String pem() {
            return KafkaTls.pem("CERTIFICATE", encoded(certificate()));
        }

        @Override
        public String toString() {
            return certificate().getSubjectX500Principal().getName();
        }
    }

    /** A private key and its certificate chain (its own certificate first). */
    public record Identity(PrivateKey key, List<X509Certificate> chain) {
        /** A PKCS12 key store with one key entry under {@code alias}, as Strimzi's {@code user.p12}. */
        public byte[] keyStore(String alias, String password) {
            try {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(alias, key, password.toCharArray(), chain.toArray(new Certificate[0]));
                return KafkaTls.store(store, password);
            } catch (GeneralSecurityException | IOException e) {
                throw new IllegalStateException("cannot write a key store", e);
            }
        }

        /** The key (unencrypted PKCS#8) in PEM, as Kafka's {@code ssl.keystore.key} takes it. */
        String keyPem() {
            return pem("PRIVATE KEY", key.getEncoded());
        }

        /** The chain in PEM, as Kafka's {@code ssl.keystore.certificate.chain} takes it. */
        String chainPem() {
            StringBuilder pem = new StringBuilder();
            chain.forEach(certificate -> pem.append(pem("CERTIFICATE", encoded(certificate))));
            return pem.toString();
        }

        /** The subject, never the key. */
        @Override
        public String toString() {
            return "Identity[" + chain.get(0).getSubjectX500Principal().getName() + "]";
        }
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no P-256 in this JVM", e);
        }
    }

    private static X509Certificate sign(
            String subject,
            String issuer,
            byte[] publicKey,
            PrivateKey issuerKey,
            List<String> hosts,
            boolean authority) {
        try {
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256);
            Instant now = Instant.now();
            V3TBSCertificateGenerator tbs = new V3TBSCertificateGenerator();
            tbs.setSerialNumber(new ASN1Integer(new BigInteger(64, new SecureRandom()).add(BigInteger.ONE)));
            tbs.setIssuer(new X500Name(issuer));
            tbs.setSubject(new X500Name("CN=" + subject));
            tbs.setStartDate(new Time(Date.from(now.minus(Duration.ofMinutes(5)))));
            tbs.setEndDate(new Time(Date.from(now.plus(VALIDITY))));
            tbs.setSubjectPublicKeyInfo(SubjectPublicKeyInfo.getInstance(publicKey));
            tbs.setSignature(algorithm);
            ExtensionsGenerator extensions = new ExtensionsGenerator();
            extensions.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            extensions.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (!hosts.isEmpty()) {
                GeneralName[] names = hosts.stream()
                        .map(host -> new GeneralName(
                                Character.isDigit(host.charAt(0)) ? GeneralName.iPAddress : GeneralName.dNSName, host))
                        .toArray(GeneralName[]::new);
                extensions.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            tbs.setExtensions(extensions.generate());
            TBSCertificate certificate = tbs.generateTBSCertificate();
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(issuerKey);
            signature.update(certificate.getEncoded(ASN1Encoding.DER));
            ASN1EncodableVector signed = new ASN1EncodableVector();
            signed.add(certificate);
            signed.add(algorithm);
            signed.add(new DERBitString(signature.sign()));
            byte[] der = new DERSequence(signed).getEncoded(ASN1Encoding.DER);
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot sign a certificate for " + subject, e);
        }
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encode a certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] store(KeyStore store, String password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password.toCharArray());
        return out.toByteArray();
    }
}
