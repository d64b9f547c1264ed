package org.hrm.keyvault.adapter.mongo;

import org.hrm.keyvault.domain.RecordDomain;

/** The only place that names collections: each domain has its own, so a request never reaches the other's. */
final class VaultCollections {
    private VaultCollections() {}

    static String recordKeys(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_record_keys";
            case PRACTITIONER -> "practitioner_record_keys";
        };
    }

    static String ownerKeys(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_owner_keys";
            case PRACTITIONER -> "practitioner_owner_keys";
        };
    }

    static String usedDecisions(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_used_decisions";
            case PRACTITIONER -> "practitioner_used_decisions";
        };
    }

    static String erasures(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_erasures";
            case PRACTITIONER -> "practitioner_erasures";
        };
    }

    static String erasedRecords(RecordDomain domain) {
        return switch (domain) {
            case PATIENT -> "patient_erased_records";
            case PRACTITIONER -> "practitioner_erased_records";
        };
    }
}
