package org.hrm.ledgerwriter.application;

import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.domain.ConsentEntry;

/** A consent entry of a valid event and the domain whose contract must carry it. */
public record ConsentWrite(Domain domain, ConsentEntry entry) {}
