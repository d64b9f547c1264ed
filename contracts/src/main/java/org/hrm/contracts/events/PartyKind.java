package org.hrm.contracts.events;

/** Who a party is: a patient, a practitioner (doctor) or a hospital system. */
public enum PartyKind {
    PATIENT,
    PRACTITIONER,
    SYSTEM
}
