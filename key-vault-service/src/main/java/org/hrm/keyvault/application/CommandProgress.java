package org.hrm.keyvault.application;

import java.time.Instant;

/**
 * How far an operator's vault command has got: {@code done} of {@code total} items, in state RUNNING, DONE or FAILED,
 * with a message for the operator; the Kafka adapter publishes it as VaultProgress.
 */
public record CommandProgress(
        String commandId, String command, long done, long total, String state, String message, Instant at) {}
