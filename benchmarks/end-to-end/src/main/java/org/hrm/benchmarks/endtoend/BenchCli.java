package org.hrm.benchmarks.endtoend;

import java.util.concurrent.Callable;
import org.hrm.cli.HrmCli;
import org.hrm.cli.HrmCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The command line of {@code ./hrm bench}, which {@link HrmCli} finds as an {@link HrmCommand}. */
@Command(
        name = "bench",
        description = {
            "Measure throughput, latency, the naive path, the chain limit and fetches.",
            "Throughput per --size, latency at 1,000 records/s, the naive path, the chain-only limit and fetch"
                    + " latency; checks every record is on chain exactly once. The last line on stdout is one"
                    + " JSON report.",
            "Kafka, the MongoDB-wire server and the services run in this JVM unless --separate-jvms gives each"
                    + " its own (every child is stopped when the bench ends, fails or is interrupted)."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the report", "1:a record is not on chain exactly once: no report", "2:a usage error"})
public final class BenchCli implements Callable<Integer>, HrmCommand {
    @Mixin
    BenchArguments options;

    @Override
    public Integer call() throws Exception {
        return BenchCommand.run(options, HrmCli.HOME.resolve("bench"));
    }
}
