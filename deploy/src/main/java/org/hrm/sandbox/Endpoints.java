package org.hrm.sandbox;

/** Where a running sandbox listens; {@code ./hrm up} writes it to .sandbox/endpoints.json. */
public record Endpoints(
        String kafkaBootstrapServers,
        String mongoUri,
        String chainRpc,
        String patientContract,
        String practitionerContract,
        String logDir) {}
