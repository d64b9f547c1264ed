package org.hrm.ledgerwriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.ledgerwriter.support.ConsentDriver.TIMEOUT;

import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventHeaders;
import org.hrm.contracts.Topic;
import org.hrm.contracts.events.ConsentGranted;
import org.hrm.contracts.events.ConsentRevoked;
import org.hrm.embedded.EmbeddedMongo;
import org.hrm.ledgerwriter.application.ConsentIndex;
import org.hrm.ledgerwriter.application.IndexEntry;
import org.hrm.ledgerwriter.application.SignedTransaction;
import org.hrm.ledgerwriter.application.SigningLane;
import org.hrm.ledgerwriter.domain.ConsentTransaction;
import org.hrm.ledgerwriter.domain.GasModel;
import org.hrm.ledgerwriter.domain.Revocation;
import org.hrm.ledgerwriter.domain.ShareGrant;
import org.hrm.ledgerwriter.support.ConsentDriver;
import org.hrm.ledgerwriter.support.ConsentLogs.GrantedShare;
import org.hrm.ledgerwriter.support.Consents;
import org.hrm.ledgerwriter.support.KafkaProbe;
import org.hrm.ledgerwriter.support.LedgerWriterDriver;
import org.hrm.ledgerwriter.support.Listeners;
import org.hrm.ledgerwriter.support.SharedChain;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The consent path end to end, the test to read first for it: ConsentGranted and ConsentRevoked in,
 * ShareGranted and GrantRevoked logs on the domain's ledger out, read back with eth_getLogs as the key
 * vault reads them. The events are built by hand, signed by their owners' registered keys: the ledger writer writes
 * only what its owner signed.
 */
@SpringBootTest(classes = LedgerWriterApplication.class)
@EmbeddedKafka(partitions = 3, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@DirtiesContext
class ConsentLedgerIT {
    private static final String GROUP = "ledger-writer-consent";
    private static final EmbeddedMongo MONGO = EmbeddedMongo.inMemory(0);
    /** Short enough to see a revocation's grace run out in a test, long enough for a grant sent right after it. */
    private static final String REVOCATION_GRACE = "20s";

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @Autowired
    ConsentIndex index;

    @Autowired
    SigningLane lane;

    @Autowired
    GasModel gas;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    ConsentDriver driver;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        LedgerWriterDriver.chainProperties(registry);
        registry.add("spring.mongodb.uri", () -> MONGO.uri("ledger-writer"));
        registry.add("hrm.ledger.authority.revocation-grace", () -> REVOCATION_GRACE);
    }

    @AfterAll
    static void stopMongo() {
        MONGO.close();
    }

    @BeforeEach
    void connect() {
        Listeners.awaitAssigned(listeners, 3);
        driver = new ConsentDriver(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        driver.close();
    }

    @Test
    void recordsEachKeyShareInItsDomainsLedgerOnlyAndTheRevocationOnce() {
        ConsentGranted patient = Consents.granted(Domain.PATIENT, 3);
        ConsentGranted practitioner = Consents.granted(Domain.PRACTITIONER, 2);
        ConsentGranted revokedLater = Consents.granted(Domain.PATIENT, 2);
        ConsentGranted category = Consents.grantedCategoryWithoutShares(Domain.PATIENT);
        ConsentRevoked revoked = Consents.revoked(revokedLater);

        driver.grant(patient, practitioner, revokedLater, category);
        driver.revoke(revoked);
        driver.awaitShares(patient, practitioner, revokedLater);
        driver.awaitRevoked(revoked);
        driver.awaitConsumed(GROUP);

        for (ConsentGranted grant : List.of(patient, practitioner, revokedLater)) {
            assertThat(driver.shares(grant.domain(), grant.grantId()))
                    .allSatisfy(log -> assertThat(log.grantId()).isEqualTo(grant.grantId()))
                    .extracting(ConsentLedgerIT::recordAndShare)
                    .containsExactlyInAnyOrderElementsOf(grant.shares().stream()
                            .map(share ->
                                    share.recordId() + "=" + HexFormat.of().formatHex(share.share()))
                            .toList());
            assertThat(driver.shares(other(grant.domain()), grant.grantId())).isEmpty();
            assertThat(index.find(grant.domain(), entryIds(grant)).values())
                    .hasSize(grant.shares().size())
                    .allMatch(IndexEntry.Committed.class::isInstance);
        }
        assertThat(driver.revocations(Domain.PATIENT, revokedLater.grantId())).hasSize(1);
        assertThat(driver.revocations(Domain.PRACTITIONER, revokedLater.grantId()))
                .isEmpty();
        assertThat(driver.revocations(Domain.PATIENT, patient.grantId())).isEmpty();
        assertThat(driver.shares(Domain.PATIENT, category.grantId())).isEmpty();
        assertThat(driver.awaitDeadLetters(category.ownerId(), 1, Duration.ofSeconds(2)))
                .isEmpty();
    }

    @Test
    void writesNothingNewWhenTheSameEventsArriveAgain() {
        ConsentGranted patient = Consents.granted(Domain.PATIENT, 2);
        ConsentGranted practitioner = Consents.granted(Domain.PRACTITIONER, 3);
        ConsentRevoked revoked = Consents.revoked(practitioner);
        driver.grant(patient, practitioner);
        // Revoke once the grant is on chain, so that the revocation is written once, in the first pass.
        driver.awaitShares(patient, practitioner);
        driver.revoke(revoked);
        driver.awaitRevoked(revoked);
        driver.awaitConsumed(GROUP);
        List<String> before = chainState(patient, practitioner);

        driver.grant(patient, practitioner);
        driver.revoke(revoked);
        driver.grant(patient);
        driver.awaitConsumed(GROUP);

        assertThat(chainState(patient, practitioner)).hasSize(6).containsExactlyElementsOf(before);
    }

    /**
     * The grant and revocation topics are consumed independently: under load or after a restart a revocation can be
     * read batches before its grant. It is held until the grant is verified, then written once, after it.
     */
    @Test
    void writesARevocationReadInAnEarlierBatchThanItsGrantOnceTheGrantArrives() {
        ConsentGranted grant = Consents.granted(Domain.PRACTITIONER, 2);
        ConsentRevoked revoked = Consents.revoked(grant);
        driver.register(grant.ownerId());
        driver.revoke(revoked);
        driver.awaitConsumed(GROUP);
        assertThat(driver.revocations(Domain.PRACTITIONER, grant.grantId())).isEmpty();

        driver.send(Topic.CONSENT_GRANTED.name(grant.domain()), grant.ownerId(), driver.json(grant), "ConsentGranted");
        driver.awaitShares(grant);
        driver.awaitRevoked(revoked);
        driver.awaitConsumed(GROUP);

        assertThat(driver.revocations(Domain.PRACTITIONER, grant.grantId())).hasSize(1);
        assertThat(driver.shares(Domain.PRACTITIONER, grant.grantId())).hasSize(2);
        assertThat(index.find(Domain.PRACTITIONER, List.of(Revocation.entryId(grant.grantId())))
                        .values())
                .singleElement()
                .isInstanceOf(IndexEntry.Committed.class);
        assertThat(driver.awaitDeadLetters(grant.ownerId(), 1, Duration.ofSeconds(2)))
                .isEmpty();
    }

    /** No consent event comes after it: the consumer's idle passes dead-letter it once its grace has run out. */
    @Test
    void deadLettersARevocationWhoseGrantNeverComesOnceItsGraceHasRunOut() {
        ConsentGranted neverSent = Consents.granted(Domain.PATIENT, 1);
        driver.register(neverSent.ownerId());

        driver.revoke(Consents.revoked(neverSent));

        assertThat(driver.awaitDeadLetters(neverSent.ownerId(), 1, TIMEOUT))
                .singleElement()
                .satisfies(letter -> {
                    assertThat(KafkaProbe.header(letter, EventHeaders.DLT_REASON))
                            .isEqualTo("revocation of grant " + neverSent.grantId() + " names a grant this ledger"
                                    + " writer has not verified within " + REVOCATION_GRACE
                                    + " of first reading the revocation");
                    assertThat(KafkaProbe.header(letter, EventHeaders.DLT_ORIGINAL_TOPIC))
                            .isEqualTo(Topic.CONSENT_REVOKED.name(Domain.PATIENT));
                });
        assertThat(driver.revocations(Domain.PATIENT, neverSent.grantId())).isEmpty();
    }

    @Test
    void deadLettersBadConsentEventsWithTheirReasonsAndStillRecordsValidOnes() {
        String grants = Topic.CONSENT_GRANTED.name(Domain.PATIENT);
        String revocations = Topic.CONSENT_REVOKED.name(Domain.PATIENT);
        ConsentGranted patientGrant = Consents.granted(Domain.PATIENT, 1);
        String valid = driver.json(patientGrant);
        ConsentGranted practitionerGrant = Consents.granted(Domain.PRACTITIONER, 1);
        String marker = UUID.randomUUID().toString();
        Map<String, String> reasons = new LinkedHashMap<>();
        reasons.put(marker + "-malformed", "malformed ConsentGranted");
        reasons.put(marker + "-type", "unknown event type ConsentRevoked");
        reasons.put(marker + "-untyped", "unknown event type (no header)");
        reasons.put(marker + "-unsigned", "invalid ConsentGranted: missing field ownerSignature");
        reasons.put(marker + "-mismatch", "domain mismatch: a practitioner ConsentGranted");
        reasons.put(marker + "-revoke-mismatch", "domain mismatch: a practitioner ConsentRevoked");
        driver.send(grants, marker + "-malformed", "{\"grantId\": ", "ConsentGranted");
        driver.send(grants, marker + "-type", valid, "ConsentRevoked");
        driver.send(grants, marker + "-untyped", valid, null);
        driver.send(grants, marker + "-unsigned", valid.replace("\"ownerSignature\"", "\"lost\""), "ConsentGranted");
        driver.send(grants, marker + "-mismatch", driver.json(practitionerGrant), "ConsentGranted");
        driver.send(
                revocations,
                marker + "-revoke-mismatch",
                driver.json(Consents.revoked(practitionerGrant)),
                "ConsentRevoked");
        ConsentGranted patientAfter = Consents.granted(Domain.PATIENT, 2);
        ConsentGranted practitionerAfter = Consents.granted(Domain.PRACTITIONER, 1);

        driver.grant(patientAfter, practitionerAfter);
        List<ConsumerRecord<String, byte[]>> deadLetters = driver.awaitDeadLetters(marker, reasons.size(), TIMEOUT);
        driver.awaitShares(patientAfter, practitionerAfter);

        assertThat(deadLetters).hasSize(reasons.size());
        for (ConsumerRecord<String, byte[]> letter : deadLetters) {
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_REASON)).startsWith(reasons.get(letter.key()));
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_ORIGINAL_TOPIC))
                    .isEqualTo(letter.key().endsWith("revoke-mismatch") ? revocations : grants);
            assertThat(KafkaProbe.header(letter, EventHeaders.DLT_SERVICE)).isEqualTo("LEDGER_WRITER");
        }
        assertThat(driver.shares(Domain.PATIENT, patientGrant.grantId())).isEmpty();
        assertThat(driver.shares(Domain.PRACTITIONER, practitionerGrant.grantId()))
                .isEmpty();
        assertThat(driver.revocations(Domain.PRACTITIONER, practitionerGrant.grantId()))
                .isEmpty();
    }

    @Test
    void rebroadcastsTheStoredSignedTransactionOfPendingSharesInsteadOfSigningAgain() {
        driver.awaitConsumed(GROUP);
        ConsentGranted grant = Consents.granted(Domain.PRACTITIONER, 4);
        SignedTransaction unsent = signedButNeverSent(grant);

        driver.grant(grant);
        driver.awaitShares(grant);
        driver.awaitConsumed(GROUP);

        assertThat(driver.shares(Domain.PRACTITIONER, grant.grantId()))
                .hasSize(4)
                .extracting(GrantedShare::transactionHash)
                .containsOnly(unsent.hash());
    }

    /** What a crash right after storing the pending transaction, before broadcasting it, leaves behind. */
    private SignedTransaction signedButNeverSent(ConsentGranted grant) {
        List<ShareGrant> shares = grant.shares().stream()
                .map(share -> new ShareGrant(grant.grantId(), share.recordId(), share.share()))
                .toList();
        long gasLimit = gas.gasLimit(shares.size() * gas.shareGas(Consents.SHARE_BYTES), Consents.SHARE_BYTES);
        SignedTransaction signed = lane.turn(() -> lane.chain()
                .signConsents(
                        SharedChain.contracts().get(grant.domain()), new ConsentTransaction.Grants(shares, gasLimit)));
        index.markPending(grant.domain(), List.of(signed));
        return signed;
    }

    /** Every consent log of these grants in both ledgers: contract, entry and transaction. */
    private List<String> chainState(ConsentGranted... grants) {
        List<String> state = new java.util.ArrayList<>();
        for (ConsentGranted grant : grants) {
            for (Domain ledger : Domain.values()) {
                driver.shares(ledger, grant.grantId())
                        .forEach(log -> state.add(log.contract() + " "
                                + ShareGrant.entryId(log.grantId(), log.recordId()) + " " + log.transactionHash()));
                driver.revocations(ledger, grant.grantId())
                        .forEach(log -> state.add(log.contract() + " " + Revocation.entryId(log.grantId()) + " "
                                + log.transactionHash()));
            }
        }
        return state;
    }

    private static String recordAndShare(GrantedShare log) {
        return log.recordId() + "=" + HexFormat.of().formatHex(log.share());
    }

    private static List<String> entryIds(ConsentGranted grant) {
        return grant.shares().stream()
                .map(share -> ShareGrant.entryId(grant.grantId(), share.recordId()))
                .toList();
    }

    private static Domain other(Domain domain) {
        return domain == Domain.PATIENT ? Domain.PRACTITIONER : Domain.PATIENT;
    }
}
