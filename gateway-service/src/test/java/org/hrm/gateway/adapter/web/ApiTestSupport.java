package org.hrm.gateway.adapter.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.events.AccessRequested;
import org.hrm.contracts.events.AuditEvent;
import org.hrm.contracts.events.KeyShare;
import org.hrm.contracts.events.RecordCommitted;
import org.hrm.contracts.events.RecordReleased;
import org.hrm.contracts.events.RecordSealed;
import org.hrm.contracts.events.RecordSubmitted;
import org.hrm.contracts.events.SealedShare;
import org.hrm.gateway.adapter.RecordMapping;
import org.hrm.gateway.adapter.kafka.AuditMapping;
import org.hrm.gateway.adapter.kafka.ReleaseMapping;
import org.hrm.gateway.application.Views;
import org.hrm.gateway.config.DevIssuer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The gateway with its real security, controllers and views, in the dev profile (its own token issuer), with
 * {@link FakePlatform} instead of Kafka. Tests seed the views as the topics would.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"dev", "apitest"})
@Import(ApiTestSupport.Fakes.class)
abstract class ApiTestSupport {
    static final String ISSUER = "urn:hrm:dev-issuer";
    static final String AUDIENCE = "hrm-gateway";

    @Autowired
    MockMvc mvc;

    @Autowired
    DevIssuer issuer;

    @Autowired
    Views views;

    @Autowired
    FakePlatform platform;

    final EventCodec codec = new EventCodec();

    @DynamicPropertySource
    static void gatewayDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> TestMongo.uri("hrm-gateway-apitest"));
    }

    @TestConfiguration
    static class Fakes {
        @Bean
        FakePlatform fakePlatform() {
            return new FakePlatform();
        }
    }

    String token(String subject, String role) {
        return token(subject, role, AUDIENCE, Instant.now().plus(1, ChronoUnit.HOURS));
    }

    String token(String subject, String role, String audience, Instant expiresAt) {
        return issuer.sign(JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(subject)
                .audience(List.of(audience))
                .issuedAt(expiresAt.minus(2, ChronoUnit.HOURS))
                .expiresAt(expiresAt)
                .claim("roles", List.of(role))
                .build());
    }

    MockHttpServletRequestBuilder getAs(String subject, String role, String path) {
        return get(path).header("Authorization", "Bearer " + token(subject, role));
    }

    MockHttpServletRequestBuilder postAs(String subject, String role, String path, byte[] body) {
        return post(path)
                .header("Authorization", "Bearer " + token(subject, role))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    /** The vault's answer to a request as the fetch expects it: a release to the requester (dummy bytes). */
    void release(AccessRequested request) {
        released(new RecordReleased(
                request.requestId(),
                request.recordId(),
                request.domain(),
                request.requesterId(),
                new byte[RecordReleased.ENC_BYTES + 16 + 30],
                new KeyShare(request.requesterId(), new byte[] {3}),
                Instant.now()));
    }

    /** {@code event} as the gateway's release feed reads it from the topic. */
    /** An audit event read from its topic into the owner's history. */
    void audited(AuditEvent event) {
        views.audit().add(AuditMapping.entry(event, codec.encode(event)));
    }

    void released(RecordReleased event) {
        views.answers().released(ReleaseMapping.release(codec, codec.encode(event)));
    }

    static RecordSubmitted submission(String ownerId, String authorId) {
        return new RecordSubmitted(
                UUID.randomUUID().toString(),
                Domain.PATIENT,
                ownerId,
                authorId,
                new byte[] {1, 2, 3, 4},
                List.of(new KeyShare(ownerId, new byte[] {5, 6}), new KeyShare(authorId, new byte[] {7, 8})),
                new byte[64],
                Instant.parse("2026-11-25T10:00:00Z"),
                "Observation");
    }

    /** A record the topics told the gateway about: submitted, sealed and committed. */
    RecordSubmitted committedRecord(String ownerId, String authorId) {
        RecordSubmitted record = submission(ownerId, authorId);
        views.records().submitted(RecordMapping.submission(record));
        views.records().sealed(RecordMapping.seal(sealedAs(record)));
        views.records()
                .committed(RecordMapping.commit(new RecordCommitted(
                        record.recordId(),
                        Domain.PATIENT,
                        "0xcontract",
                        "0xabc",
                        7,
                        0,
                        Instant.parse("2026-11-25T10:00:02Z"))));
        return record;
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The vault's seal of exactly this submission: its signature and share bytes, readers by pseudonym. */
    static RecordSealed sealedAs(RecordSubmitted record) {
        return new RecordSealed(
                record.recordId(),
                record.domain(),
                new byte[32],
                new byte[] {9, 9, 9},
                record.shares().stream()
                        .map(share -> new SealedShare(new byte[32], share.share()))
                        .toList(),
                record.authorSignature(),
                Instant.parse("2026-11-25T10:00:01Z"));
    }
}
