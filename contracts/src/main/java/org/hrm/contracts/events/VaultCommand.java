package org.hrm.contracts.events;

import java.time.Instant;

/**
 * An operator's command to the key vault: {@code ROTATE} makes a newer master key version current and
 * re-wraps every owner KEK under it; {@code RETIRE} re-wraps what is still under {@code version}, then
 * destroys that version (so backups made under it become useless); {@code ROTATE_PSEUDONYM} makes a
 * newer pseudonym key version name parties in new ledger entries.
 */
public record VaultCommand(String commandId, String command, int version, Instant issuedAt) {
    public VaultCommand {
        Require.recordId(commandId);
        Require.text(command, "command");
        if (!command.equals("ROTATE") && !command.equals("RETIRE") && !command.equals("ROTATE_PSEUDONYM")) {
            throw new IllegalArgumentException("command must be ROTATE, RETIRE or ROTATE_PSEUDONYM, not " + command);
        }
        Require.present(issuedAt, "issuedAt");
    }
}
