package org.hrm.consent.config;

import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hrm.consent.adapter.kafka.AccessDecidedBytes;
import org.hrm.consent.adapter.kafka.DirectoryEvents;
import org.hrm.consent.adapter.kafka.RequestAuthority;
import org.hrm.consent.application.AccessDecisions;
import org.hrm.consent.application.ConsentChanges;
import org.hrm.consent.application.DecisionSigning;
import org.hrm.consent.application.DecisionStore;
import org.hrm.consent.application.GrantStore;
import org.hrm.consent.application.PartyRegistration;
import org.hrm.consent.application.PartyStore;
import org.hrm.consent.application.RecordErasures;
import org.hrm.consent.application.RecordIndex;
import org.hrm.consent.application.RecordIndexing;
import org.hrm.consent.domain.AccessRule;
import org.hrm.consent.domain.DecisionSigningKey;
import org.hrm.contracts.authority.AttestationKeys;
import org.hrm.contracts.authority.DirectoryRules;
import org.hrm.contracts.authority.RequestRules;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The use cases as beans; the signing key is loaded first and a missing or bad key stops startup. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsentProperties.class)
class ConsentConfiguration {

    @Bean
    DecisionSigningKey decisionSigningKey(ConsentProperties properties, Environment environment) {
        return SigningKeySource.load(properties.signingKeyFile(), environment);
    }

    @Bean
    Clock consentClock() {
        return Clock.systemUTC();
    }

    /** The gateway attestation keys this service trusts; none configured means no registration can succeed. */
    @Bean
    AttestationKeys attestationKeys(ConsentProperties properties) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        properties
                .attestationKeys()
                .forEach((id, base64) -> keys.put(id, Base64.getDecoder().decode(base64.trim())));
        return AttestationKeys.of(keys);
    }

    @Bean
    PartyRegistration partyRegistration(PartyStore parties) {
        return new PartyRegistration(parties);
    }

    @Bean
    DirectoryEvents directoryEvents(AttestationKeys attestationKeys) {
        return new DirectoryEvents(new DirectoryRules(attestationKeys));
    }

    @Bean
    RequestAuthority requestAuthority(PartyStore parties, AttestationKeys attestationKeys) {
        return new RequestAuthority(parties, new RequestRules(attestationKeys));
    }

    @Bean
    RecordIndexing recordIndexing(RecordIndex index) {
        return new RecordIndexing(index);
    }

    @Bean
    ConsentChanges consentChanges(PartyStore parties, RecordIndex records, GrantStore grants, Clock consentClock) {
        return new ConsentChanges(parties, records, grants, consentClock);
    }

    @Bean
    RecordErasures recordErasures(PartyStore parties, RecordIndex records, GrantStore grants, Clock consentClock) {
        return new RecordErasures(parties, records, grants, consentClock);
    }

    @Bean
    AccessDecisions accessDecisions(
            PartyStore parties,
            RecordIndex records,
            GrantStore grants,
            DecisionStore decisions,
            DecisionSigningKey decisionSigningKey,
            ConsentProperties properties,
            Clock consentClock) {
        return new AccessDecisions(
                parties,
                records,
                grants,
                decisions,
                new AccessRule(properties.decisionTtl(), properties.emergencyDecisionTtl()),
                new DecisionSigning(decisionSigningKey, new AccessDecidedBytes()),
                consentClock);
    }
}
