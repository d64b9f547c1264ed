package org.hrm.benchmarks.endtoend;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.hrm.cli.KafkaLogin;
import org.hrm.contracts.Domain;
import org.hrm.sandbox.Platform;
import org.hrm.sandbox.chaos.ProcessPlatform;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the bench measures, whichever way the platform runs: in this JVM ({@link Platform}), or with
 * {@code --separate-jvms} each part in a process of its own ({@link ProcessPlatform}).
 *
 * @param home the platform's directory, where the sandbox's attestation key is
 * @param logins how a client in the bench's JVM connects as a principal
 * @param cpu CPU time by stage: the thread groups in this JVM, or each part's process
 * @param ledgerWriter the running writer's Spring context, when it runs in this JVM (the chain-only limit phase runs
 *     its transaction path)
 */
record BenchTarget(
        String chainRpc,
        Map<Domain, String> ledgers,
        Path home,
        Function<String, KafkaLogin> logins,
        CpuClock cpu,
        Optional<ConfigurableApplicationContext> ledgerWriter) {

    static BenchTarget of(Platform platform) {
        return new BenchTarget(
                platform.chainRpc(),
                platform.ledgers(),
                Path.of(platform.endpoints().logDir()).getParent(),
                platform::kafka,
                new CpuClock(platform.stageThreads()),
                Optional.of(platform.ledgerWriter()));
    }

    static BenchTarget of(ProcessPlatform platform) {
        return new BenchTarget(
                platform.chainRpc(),
                platform.ledgers(),
                platform.home(),
                platform::kafka,
                new CpuClock(Map.of(), platform.pids()),
                Optional.empty());
    }

    /** How a client in the bench's JVM connects as {@code principal}. */
    KafkaLogin kafka(String principal) {
        return logins.apply(principal);
    }
}
