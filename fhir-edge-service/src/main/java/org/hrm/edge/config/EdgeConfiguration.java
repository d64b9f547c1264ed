package org.hrm.edge.config;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.edge.adapter.fhir.EdgeFhirServer;
import org.hrm.edge.adapter.sdk.PlatformSdk;
import org.hrm.edge.application.IntakeResources;
import org.hrm.edge.application.ResourceValidator;
import org.hrm.edge.application.SubmittedRecords;
import org.hrm.edge.application.TrackRecords;
import org.hrm.edge.domain.OwnerMapping;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The edge's beans: one FHIR context and one validator per JVM, the SDK adapters, the use cases, the servlet. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EdgeProperties.class)
class EdgeConfiguration {
    @Bean
    FhirContext fhirContext() {
        return FhirContext.forR4();
    }

    @Bean
    ResourceValidator resourceValidator(FhirContext context) {
        return new ResourceValidator(context);
    }

    @Bean(destroyMethod = "close")
    PlatformSdk platformSdk(EdgeProperties properties) throws IOException {
        PartyKeyHolder hospital = HospitalKeys.load(properties);
        Map<String, Object> kafka = properties.kafka() == null ? Map.of() : Map.copyOf(properties.kafka());
        try {
            return PlatformSdk.connect(
                    properties.kafkaBootstrapServers(),
                    kafka,
                    hospital,
                    properties.attestationKeys(),
                    GatewayAccess.client(properties.gateway(), hospital.partyId()));
        } catch (RuntimeException e) {
            hospital.close();
            throw e;
        }
    }

    @Bean
    SubmittedRecords submittedRecords() {
        return new SubmittedRecords();
    }

    @Bean
    IntakeResources intakeResources(
            FhirContext context,
            ResourceValidator validator,
            EdgeProperties properties,
            PlatformSdk sdk,
            SubmittedRecords submitted)
            throws IOException {
        return new IntakeResources(
                context,
                validator,
                OwnerMapping.read(properties.ownerMapping()),
                sdk.submitter(),
                submitted,
                properties.maxRecordBytes(),
                Clock.systemUTC());
    }

    @Bean
    TrackRecords trackRecords(SubmittedRecords submitted, PlatformSdk sdk) {
        return new TrackRecords(submitted, sdk.tracker());
    }

    @Bean
    ServletRegistrationBean<EdgeFhirServer> fhirServlet(
            FhirContext context, IntakeResources intake, TrackRecords tracking) {
        ServletRegistrationBean<EdgeFhirServer> registration =
                new ServletRegistrationBean<>(new EdgeFhirServer(context, intake, tracking), "/fhir/*");
        registration.setName("fhir");
        registration.setLoadOnStartup(1);
        return registration;
    }
}
