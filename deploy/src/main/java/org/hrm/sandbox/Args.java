package org.hrm.sandbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} options of one CLI command, with errors that say which option is wrong. */
public final class Args {
    private final String command;
    private final Map<String, String> values = new HashMap<>();

    public Args(String command, String[] args) {
        this.command = command;
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new UsageException(command + ": unexpected argument '" + args[i] + "'");
            }
            boolean flag = i + 1 >= args.length || args[i + 1].startsWith("--");
            values.put(args[i].substring(2), flag ? "true" : args[++i]);
        }
    }

    public String required(String name) {
        return optional(name).orElseThrow(() -> new UsageException(command + ": missing --" + name));
    }

    public Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": --" + name + " needs a number, got '" + value + "'");
        }
    }

    /** A wrong command line; the CLI prints the message and exits with 2. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
