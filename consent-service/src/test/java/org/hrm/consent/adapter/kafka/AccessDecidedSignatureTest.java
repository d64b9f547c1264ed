package org.hrm.consent.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hrm.consent.domain.Fixtures.EMERGENCY_TTL;
import static org.hrm.consent.domain.Fixtures.NOW;
import static org.hrm.consent.domain.Fixtures.TTL;
import static org.hrm.consent.domain.Fixtures.category;
import static org.hrm.consent.domain.Fixtures.grant;
import static org.hrm.consent.domain.Fixtures.id;
import static org.hrm.consent.domain.Fixtures.party;
import static org.hrm.consent.domain.Fixtures.record;
import static org.hrm.consent.domain.Fixtures.request;

import java.util.Base64;
import java.util.List;
import org.hrm.consent.TestKeys;
import org.hrm.consent.application.DecisionSigning;
import org.hrm.consent.domain.AccessRule;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.PartyKind;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.RecordEntry;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AccessBasis;
import org.hrm.contracts.events.AccessDecided;
import org.junit.jupiter.api.Test;

class AccessDecidedSignatureTest {
    private final String keyFile = DecisionSigningKey.generateKeyFileContent();
    private final byte[] publishedKey = Base64.getDecoder().decode(DecisionSigningKey.publicKeyBase64(keyFile));
    private final DecisionSigning signing =
            new DecisionSigning(DecisionSigningKey.parse(keyFile, "test"), new AccessDecidedBytes());
    private final RecordEntry record = record(RecordDomain.PATIENT, "alice", "st-mary", "lab");
    private final Grant grant = grant(RecordDomain.PATIENT, "alice", "bob", category("lab"));
    private final TestKeys bobKey = TestKeys.generate();
    private final AccessDecided published = OutputMapping.decided(signing.sign(new AccessRule(TTL, EMERGENCY_TTL)
            .decide(
                    request(RecordDomain.PATIENT, record.recordId(), "bob"),
                    party("bob", PartyKind.PRACTITIONER, bobKey),
                    record,
                    List.of(grant),
                    NOW)));

    @Test
    void publishesADecisionThatVerifiesWithThePublishedPublicKey() {
        AccessDecided received = new EventCodec().decode(new EventCodec().encode(published), AccessDecided.class);

        assertThat(received.signature()).hasSize(64);
        assertThat(received.basis()).isEqualTo(AccessBasis.GRANT);
        assertThat(received.requesterPublicKey()).isEqualTo(bobKey.publicKey());
        assertThat(TestKeys.verify(publishedKey, received.signedBytes(), received.signature()))
                .isTrue();
    }

    @Test
    void failsVerificationWhenAnyFieldChanges() {
        AccessDecided d = published;
        List<AccessDecided> tampered = List.of(
                with(d, id(), d.recordId(), d.domain(), d.requesterId(), d.basis(), d.shareHolderId(), d.grantId()),
                with(d, d.requestId(), id(), d.domain(), d.requesterId(), d.basis(), d.shareHolderId(), d.grantId()),
                with(
                        d,
                        d.requestId(),
                        d.recordId(),
                        Domain.PRACTITIONER,
                        d.requesterId(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId()),
                with(d, d.requestId(), d.recordId(), d.domain(), "mallory", d.basis(), d.shareHolderId(), d.grantId()),
                with(
                        d,
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        AccessBasis.OWNER,
                        d.shareHolderId(),
                        d.grantId()),
                with(d, d.requestId(), d.recordId(), d.domain(), d.requesterId(), d.basis(), "st-mary", d.grantId()),
                with(d, d.requestId(), d.recordId(), d.domain(), d.requesterId(), d.basis(), d.shareHolderId(), id()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        false,
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        d.requesterPublicKey(),
                        d.reason(),
                        d.decidedAt(),
                        d.expiresAt(),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        d.requesterPublicKey(),
                        "because",
                        d.decidedAt(),
                        d.expiresAt(),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        d.requesterPublicKey(),
                        d.reason(),
                        d.decidedAt().minusMillis(1),
                        d.expiresAt(),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        d.requesterPublicKey(),
                        d.reason(),
                        d.decidedAt(),
                        d.expiresAt().plusSeconds(3600),
                        d.signature()),
                new AccessDecided(
                        d.requestId(),
                        d.recordId(),
                        d.domain(),
                        d.requesterId(),
                        d.allowed(),
                        d.basis(),
                        d.shareHolderId(),
                        d.grantId(),
                        TestKeys.generate().publicKey(),
                        d.reason(),
                        d.decidedAt(),
                        d.expiresAt(),
                        d.signature()));

        List<Boolean> verified = tampered.stream()
                .map(each -> TestKeys.verify(publishedKey, each.signedBytes(), each.signature()))
                .toList();

        assertThat(verified).hasSize(12).containsOnly(false);
    }

    /** The decision with other ids, domain, basis or share holder, and the original signature. */
    private static AccessDecided with(
            AccessDecided d,
            String requestId,
            String recordId,
            Domain domain,
            String requesterId,
            AccessBasis basis,
            String shareHolderId,
            String grantId) {
        return new AccessDecided(
                requestId,
                recordId,
                domain,
                requesterId,
                d.allowed(),
                basis,
                shareHolderId,
                grantId,
                d.requesterPublicKey(),
                d.reason(),
                d.decidedAt(),
                d.expiresAt(),
                d.signature());
    }
}
