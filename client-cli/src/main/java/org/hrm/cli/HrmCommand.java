package org.hrm.cli;

import java.util.List;

/**
 * What a module adds to {@code ./hrm}: a picocli {@code @Command} with a public no-argument constructor (the bench's
 * {@code BenchCli}), or a module's several commands ({@link #commands()}, the sandbox's, which stay package-private),
 * named in {@code META-INF/services/org.hrm.cli.HrmCommand}. {@link HrmCli} finds every one on its class path, so the
 * launcher's jar runs them all and this module depends on none of the modules that add them.
 */
public interface HrmCommand {
    /** The picocli commands this adds, in the order {@code ./hrm help} lists them: by default itself. */
    default List<Object> commands() {
        return List.of(this);
    }
}
