package org.hrm.consent.domain;

/** Who a registered party is: a patient, a practitioner (doctor) or a hospital system. */
public enum PartyKind {
    PATIENT,
    PRACTITIONER,
    SYSTEM
}
