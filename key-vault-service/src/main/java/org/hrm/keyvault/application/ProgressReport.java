package org.hrm.keyvault.application;

import java.time.Clock;
import java.util.function.Consumer;

/** Counts one vault command's work and reports its progress: RUNNING, then DONE or FAILED. */
final class ProgressReport {
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";

    private final String commandId;
    private final String command;
    private final Consumer<CommandProgress> sink;
    private final Clock clock;
    private long done;
    private long total;

    ProgressReport(String commandId, String command, Consumer<CommandProgress> sink, Clock clock) {
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

    CommandProgress done(String message) {
        return report(DONE, message);
    }

    CommandProgress failed(String message) {
        return report(FAILED, message);
    }

    private CommandProgress report(String state, String message) {
        CommandProgress progress =
                new CommandProgress(commandId, command, done, total, state, message, clock.instant());
        sink.accept(progress);
        return progress;
    }
}
