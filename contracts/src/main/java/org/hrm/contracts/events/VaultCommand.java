package org.hrm.contracts.events;

import java.time.Instant;

/**
 * An operator's command to the key vault: {@code ROTATE} re-wraps every owner KEK under the newest
 * master key version in the key file; {@code RETIRE} forgets {@code version} once nothing is
 * wrapped under it (so backups made under it become useless).
 */
public record VaultCommand(String commandId, String command, int version, Instant issuedAt) {
    public VaultCommand {
        Require.recordId(commandId);
        Require.text(command, "command");
        if (!command.equals("ROTATE") && !command.equals("RETIRE")) {
            throw new IllegalArgumentException("command must be ROTATE or RETIRE, not " + command);
        }
        Require.present(issuedAt, "issuedAt");
    }
}
