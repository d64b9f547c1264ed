package org.hrm.contracts;

/** The producers named in the topic catalogue; each topic has exactly one. */
public enum ServiceName {
    /** Hospital systems and other clients using the SDK (later also the gateway on their behalf). */
    CLIENT,
    GATEWAY,
    CONSENT,
    KEY_VAULT,
    LEDGER_WRITER
}
