package org.hrm.sandbox;

import java.util.List;
import org.hrm.cli.HrmCommand;

/**
 * The sandbox's commands of {@code ./hrm}, which {@code HrmCli} finds as an {@link HrmCommand}: the platform's
 * ({@code up}, {@code demo}, {@code chaos}) and the operator's {@code vault}, which needs the sandbox's operator key.
 * A party's commands are client-cli's own. Public only to be found; the commands themselves stay package-private.
 */
public final class SandboxCommands implements HrmCommand {
    @Override
    public List<Object> commands() {
        return List.of(new PlatformCli.Up(), new PlatformCli.Demo(), new PlatformCli.Chaos(), new VaultCli());
    }
}
