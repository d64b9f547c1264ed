package org.hrm.sandbox;

import java.util.List;
import org.hrm.cli.HrmCommand;

/**
 * The sandbox's commands of {@code ./hrm}, which {@code HrmCli} finds as an {@link HrmCommand}: the platform's
 * ({@code up}, {@code demo}, {@code chaos}), a party's and the operator's {@code vault}. Public only to be found; the
 * commands themselves stay package-private.
 */
public final class SandboxCommands implements HrmCommand {
    @Override
    public List<Object> commands() {
        return List.of(
                new PlatformCli.Up(),
                new PlatformCli.Demo(),
                new PlatformCli.Chaos(),
                new PartyCli.Register(),
                new PartyCli.RotateKey(),
                new RecordCli.Submit(),
                new RecordCli.Fetch(),
                new ConsentCli.Grant(),
                new ConsentCli.Revoke(),
                new ConsentCli.Grants(),
                new RecordCli.Erase(),
                new VaultCli());
    }
}
