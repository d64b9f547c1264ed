package org.hrm.keyvault.application;

import java.time.Clock;
import java.util.function.Consumer;
import org.hrm.contracts.events.VaultProgress;

/** Counts one vault command's work and reports it as VaultProgress: RUNNING, then DONE or FAILED. */
final class ProgressReport {
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private final String commandId;
    private final String command;
    private final Consumer<VaultProgress> sink;
    private final Clock clock;
    private long done;
    private long total;

    ProgressReport(String commandId, String command, Consumer<VaultProgress> sink, Clock clock) {
        this.commandId = commandId;
        this.command = command;
        this.sink = sink;
        this.clock = clock;
    }

    void total(long total) {
        this.total = total;
    }

    void add(long count) {
        done += count;
    }

    long done() {
        return done;
    }

    void running(String message) {
        report(RUNNING, message);
    }

    VaultProgress done(String message) {
        return report(DONE, message);
    }

    VaultProgress failed(String message) {
        return report(FAILED, message);
    }

    private VaultProgress report(String state, String message) {
        VaultProgress progress = new VaultProgress(commandId, command, done, total, state, message, clock.instant());
        sink.accept(progress);
        return progress;
    }
}
