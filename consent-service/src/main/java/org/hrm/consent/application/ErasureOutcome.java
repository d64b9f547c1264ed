package org.hrm.consent.application;

import org.hrm.consent.domain.Audit;
import org.hrm.consent.domain.StandingGrantList;

/** What an erasure leaves to publish: its audit event and the owner's standing grants (ended grants left out). */
public record ErasureOutcome(Audit audit, StandingGrantList standingGrants) {}
