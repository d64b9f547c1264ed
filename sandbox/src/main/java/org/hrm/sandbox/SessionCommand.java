package org.hrm.sandbox;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.hrm.cli.HrmCli;
import picocli.CommandLine.Option;

/** A command that works against a running platform, the one {@code ./hrm up} started unless told another. */
abstract class SessionCommand implements Callable<Integer> {
    @Option(
            names = "--endpoints",
            paramLabel = "FILE",
            defaultValue = HrmCli.ENDPOINTS_FILE,
            description = "The endpoints file of the platform to work against (./hrm up writes it).")
    Path endpoints;
}
