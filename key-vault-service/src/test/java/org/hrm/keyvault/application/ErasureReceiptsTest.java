package org.hrm.keyvault.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.hrm.contracts.Domain;
import org.hrm.contracts.events.DestroyedKey;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.contracts.events.Tombstone;
import org.hrm.keyvault.adapter.kafka.ErasureReceiptMapping;
import org.hrm.keyvault.domain.Erasure;
import org.hrm.keyvault.domain.ErasureCommit;
import org.hrm.keyvault.domain.ErasureRequest;
import org.hrm.keyvault.domain.KeyHierarchy;
import org.hrm.keyvault.domain.LedgerTombstone;
import org.hrm.keyvault.domain.MasterKeyCustody;
import org.hrm.keyvault.domain.OuterLayer;
import org.hrm.keyvault.domain.Pseudonyms;
import org.hrm.keyvault.domain.ReceiptSigningKey;
import org.hrm.keyvault.domain.RecordDomain;
import org.junit.jupiter.api.Test;

class ErasureReceiptsTest {
    private static final String KEY_FILE = ReceiptSigningKey.generateReceiptKeyFileContent();
    private static final String PUBLISHED = ReceiptSigningKey.receiptPublicKeyBase64(KEY_FILE);

    private final SecureRandom random = new SecureRandom();
    private final MasterKeyCustody ring = TestCustody.fresh();
    private final KeyHierarchy hierarchy = new KeyHierarchy(ring, random);
    private final OuterLayer outerLayer = new OuterLayer(random);
    private final Pseudonyms pseudonyms = new Pseudonyms(ring);
    private final InMemoryKeyStores stores = new InMemoryKeyStores();
    private final InMemoryErasures erasures = new InMemoryErasures();
    private final RecordSealing sealing = new RecordSealing(
            stores.recordKeys, stores.ownerKeys, erasures, hierarchy, outerLayer, pseudonyms, Clock.systemUTC());
    private final RecordErasure erasure = new RecordErasure(
            stores.recordKeys,
            stores.ownerKeys,
            stores.erasableKeys,
            erasures,
            erasures,
            hierarchy,
            pseudonyms,
            Clock.systemUTC());
    private final ErasureReceipts receipts = new ErasureReceipts(
            erasures, ReceiptSigningKey.parse(KEY_FILE, "test"), new ErasureReceiptMapping(), Clock.systemUTC());

    @Test
    void signsAReceiptOfWhatWasDestroyedThatVerifiesWithThePublishedPublicKey() {
        Erasure erased = eraseAllOf("owner-1", 2);

        ErasureReceipt receipt = issued(receipts.receipt(List.of(commit(erased, "owner-1"))));

        assertThat(ReceiptSigningKey.verifies(PUBLISHED, receipt.signedBytes(), receipt.vaultSignature()))
                .isTrue();
        assertThat(receipt.recordIds()).isEqualTo(erased.recordIds());
        assertThat(receipt.keys()).hasSize(3).extracting(DestroyedKey::kind).containsExactly("KEK", "K2", "K2");
        assertThat(receipt.destroyedAt()).isEqualTo(erased.destroyedAt());
        assertThat(receipt.tombstones()).extracting(Tombstone::recordId).isEqualTo(erased.recordIds());
        assertThat(receipt.domain()).isEqualTo(Domain.PATIENT);
        assertThat(erasures.find(RecordDomain.PATIENT, erased.requestId())
                        .orElseThrow()
                        .state())
                .isEqualTo(Erasure.State.RECEIPTED);
    }

    @Test
    void failsVerificationWhenAnyFieldOfTheReceiptChanges() {
        ErasureReceipt receipt = issued(receipts.receipt(List.of(commit(eraseAllOf("owner-1", 2), "owner-1"))));
        List<UnaryOperator<ErasureReceipt>> changes = List.of(
                r -> copy(
                        r,
                        UUID.randomUUID().toString(),
                        r.domain(),
                        r.ownerId(),
                        r.recordIds(),
                        r.keys(),
                        r.destroyedAt(),
                        r.contractAddress(),
                        r.tombstones(),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        Domain.PRACTITIONER,
                        r.ownerId(),
                        r.recordIds(),
                        r.keys(),
                        r.destroyedAt(),
                        r.contractAddress(),
                        r.tombstones(),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        r.domain(),
                        "owner-2",
                        r.recordIds(),
                        r.keys(),
                        r.destroyedAt(),
                        r.contractAddress(),
                        r.tombstones(),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        r.domain(),
                        r.ownerId(),
                        r.recordIds().subList(0, 1),
                        r.keys(),
                        r.destroyedAt(),
                        r.contractAddress(),
                        r.tombstones(),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        r.domain(),
                        r.ownerId(),
                        r.recordIds(),
                        r.keys().subList(1, 3),
                        r.destroyedAt(),
                        r.contractAddress(),
                        r.tombstones(),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        r.domain(),
                        r.ownerId(),
                        r.recordIds(),
                        r.keys(),
                        r.destroyedAt().plusMillis(1),
                        r.contractAddress(),
                        r.tombstones(),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        r.domain(),
                        r.ownerId(),
                        r.recordIds(),
                        r.keys(),
                        r.destroyedAt(),
                        "0x0000000000000000000000000000000000000001",
                        r.tombstones(),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        r.domain(),
                        r.ownerId(),
                        r.recordIds(),
                        r.keys(),
                        r.destroyedAt(),
                        r.contractAddress(),
                        otherBlock(r.tombstones()),
                        r.issuedAt()),
                r -> copy(
                        r,
                        r.requestId(),
                        r.domain(),
                        r.ownerId(),
                        r.recordIds(),
                        r.keys(),
                        r.destroyedAt(),
                        r.contractAddress(),
                        r.tombstones(),
                        r.issuedAt().plusSeconds(1)));

        for (UnaryOperator<ErasureReceipt> change : changes) {
            ErasureReceipt changed = change.apply(receipt);

            assertThat(ReceiptSigningKey.verifies(PUBLISHED, changed.signedBytes(), changed.vaultSignature()))
                    .isFalse();
        }
    }

    @Test
    void answersARepeatedCommitWithTheVeryReceiptFirstIssued() {
        Erasure erased = eraseAllOf("owner-1", 1);
        ErasureReceipt first = issued(receipts.receipt(List.of(commit(erased, "owner-1"))));

        ErasureReceipt again = issued(receipts.receipt(List.of(commit(erased, "owner-1"))));

        assertThat(again.vaultSignature()).isEqualTo(first.vaultSignature());
        assertThat(again.signedBytes()).isEqualTo(first.signedBytes());
    }

    @Test
    void refusesCommitsForAnUnknownErasureOrAnotherOwner() {
        Erasure erased = eraseAllOf("owner-1", 1);
        ErasureCommit unknown = new ErasureCommit(
                UUID.randomUUID().toString(), RecordDomain.PATIENT, "owner-1", "0x1", List.of(), Instant.now());

        List<ReceiptOutcome> outcomes = receipts.receipt(List.of(unknown, commit(erased, "owner-2")));

        assertThat(((ReceiptOutcome.Refused) outcomes.get(0)).reason()).startsWith("no erasure ");
        assertThat(((ReceiptOutcome.Refused) outcomes.get(1)).reason()).contains("is not of owner owner-2");
        assertThat(erasures.find(RecordDomain.PATIENT, erased.requestId())
                        .orElseThrow()
                        .state())
                .isEqualTo(Erasure.State.DESTROYED);
    }

    private Erasure eraseAllOf(String ownerId, int records) {
        for (int i = 0; i < records; i++) {
            sealing.seal(List.of(Submissions.of(RecordDomain.PATIENT, ownerId)));
        }
        ErasureRequest request =
                new ErasureRequest(UUID.randomUUID().toString(), RecordDomain.PATIENT, ownerId, null, Instant.now());
        return ((ErasureOutcome.Destroyed) erasure.erase(List.of(request)).get(0)).erasure();
    }

    private static ErasureCommit commit(Erasure erasure, String ownerId) {
        List<LedgerTombstone> tombstones = new ArrayList<>();
        for (int i = 0; i < erasure.recordIds().size(); i++) {
            tombstones.add(new LedgerTombstone(erasure.recordIds().get(i), "0x" + "ab".repeat(32), 42, i));
        }
        return new ErasureCommit(
                erasure.requestId(),
                erasure.domain(),
                ownerId,
                "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                tombstones,
                Instant.now());
    }

    private static ErasureReceipt issued(List<ReceiptOutcome> outcomes) {
        assertThat(outcomes.get(0)).isInstanceOf(ReceiptOutcome.Issued.class);
        ReceiptOutcome.Issued issued = (ReceiptOutcome.Issued) outcomes.get(0);
        return ErasureReceiptMapping.receipt(issued.erasure(), issued.issued());
    }

    private static List<Tombstone> otherBlock(List<Tombstone> tombstones) {
        Tombstone first = tombstones.get(0);
        List<Tombstone> changed = new ArrayList<>(tombstones);
        changed.set(
                0, new Tombstone(first.recordId(), first.transactionHash(), first.blockNumber() + 1, first.logIndex()));
        return changed;
    }

    private static ErasureReceipt copy(
            ErasureReceipt r,
            String requestId,
            Domain domain,
            String ownerId,
            List<String> recordIds,
            List<DestroyedKey> keys,
            Instant destroyedAt,
            String contractAddress,
            List<Tombstone> tombstones,
            Instant issuedAt) {
        return new ErasureReceipt(
                requestId,
                domain,
                ownerId,
                recordIds,
                keys,
                destroyedAt,
                contractAddress,
                tombstones,
                issuedAt,
                r.vaultSignature());
    }
}
