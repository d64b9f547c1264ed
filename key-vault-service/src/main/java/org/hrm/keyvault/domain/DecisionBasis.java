package org.hrm.keyvault.domain;

/** Why consent-service allowed a read; it tells the vault where to look for the share holder's key share. */
public enum DecisionBasis {
    OWNER,
    AUTHOR,
    GRANT,
    EMERGENCY,
    NONE
}
