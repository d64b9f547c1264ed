package org.hrm.consent.adapter.mongo;

import org.hrm.consent.domain.RecordDomain;

/** The only place that names collections: each domain has its own, so a request never reaches the other's. */
final class ConsentCollections {
    static final String PARTIES = "parties";

    private ConsentCollections() {}

    static String records(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_records";
            case PRACTITIONER -> "practitioner_records";
        };
    }

    static String grants(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_grants";
            case PRACTITIONER -> "practitioner_grants";
        };
    }

    static String decisions(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_decisions";
            case PRACTITIONER -> "practitioner_decisions";
        };
    }
}
