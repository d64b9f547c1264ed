package org.hrm.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Option;

/**
 * A command that works against a running platform, the one {@code ./hrm up} started unless told another. Public
 * because the sandbox's {@code vault} commands are such commands too.
 */
public abstract class SessionCommand implements Callable<Integer> {
    @Option(
            names = "--endpoints",
            paramLabel = "FILE",
            defaultValue = HrmCli.ENDPOINTS_FILE,
            description = "The endpoints file of the platform to work against (./hrm up writes it).")
    Path endpoints;
}
