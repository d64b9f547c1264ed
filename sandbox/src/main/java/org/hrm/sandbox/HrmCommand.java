package org.hrm.sandbox;

/**
 * A command of {@code ./hrm} that a module built after the sandbox adds (the end-to-end bench): a picocli
 * {@code @Command} with a public no-argument constructor, named in {@code META-INF/services/org.hrm.sandbox.HrmCommand}.
 * {@link HrmCli} finds every one on its class path, so the launcher's jar runs them all and the sandbox depends on
 * none of the modules that depend on it.
 */
public interface HrmCommand {}
