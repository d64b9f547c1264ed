package org.hrm.contracts.events;

import java.time.Instant;

/** Progress of a vault command: how many owner keys are done of how many, and whether it finished or failed. */
public record VaultProgress(
        String commandId, String command, long done, long total, String state, String message, Instant at) {
    public VaultProgress {
        Require.recordId(commandId);
        Require.text(command, "command");
        Require.text(state, "state");
        Require.present(at, "at");
    }
}
