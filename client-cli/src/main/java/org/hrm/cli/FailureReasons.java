package org.hrm.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Why something failed, on one line, for a person: the message of an error and of each of its causes, outermost
 * first, each once ("Failed to connect to /127.0.0.1:1: Connection refused"); the class's name where there is no
 * message. What a command prints instead of a stack trace, and what a service started in a JVM of its own prints
 * before it exits.
 */
public final class FailureReasons {
    private FailureReasons() {}

    public static String of(Throwable failure) {
        Set<String> messages = new LinkedHashSet<>();
        chain(failure)
                .forEach(cause -> messages.add(
                        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
        return String.join(": ", messages);
    }

    /** The error and its causes, outermost first, each once: a chain may loop back (a cause set to an outer error). */
    public static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }
}
