package org.hrm.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Lists every test that did not run, with its reason, at the end of each test run ("SKIPPED Class#method: reason"),
 * and appends the same lines to {@code target/skipped-tests.txt}. Surefire and failsafe print only a count of skipped
 * tests; a count does not say that the browser test stopped running because Chromium went missing. Registered with
 * the JUnit Platform through {@code META-INF/services}, so a module gets it by depending on test-support.
 */
public final class SkippedTestsReport implements TestExecutionListener {
    static final Path FILE = Path.of("target", "skipped-tests.txt");

    private final List<String> skipped = new ArrayList<>();
    private final Consumer<String> out;
    private final Path file;

    /** The report the JUnit Platform registers: to standard output and {@link #FILE}. */
    public SkippedTestsReport() {
        this(System.out::println, FILE);
    }

    /** A report to {@code out} and, when not null and its folder exists, appended to {@code file}. */
    SkippedTestsReport(Consumer<String> out, Path file) {
        this.out = out;
        this.file = file;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        skipped.clear();
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        skipped.add(line(test, reason));
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
            String reason = result.getThrowable().map(Throwable::getMessage).orElse("aborted");
            skipped.add(line(test, reason));
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (skipped.isEmpty()) {
            return;
        }
        out.accept("[hrm] " + skipped.size() + " test(s) or container(s) did not run:");
        skipped.forEach(line -> out.accept("[hrm]   " + line));
        try {
            if (file != null && Files.isDirectory(file.toAbsolutePath().getParent())) {
                Files.write(
                        file, skipped, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String line(TestIdentifier test, String reason) {
        return "SKIPPED " + name(test) + ": " + (reason == null ? "no reason given" : reason);
    }

    /** "Class#method" for a test method, "Class" for a class, the display name otherwise. */
    private static String name(TestIdentifier test) {
        return test.getSource()
                .map(source -> {
                    if (source instanceof MethodSource method) {
                        return simpleName(method.getClassName()) + "#" + method.getMethodName();
                    }
                    if (source instanceof ClassSource type) {
                        return simpleName(type.getClassName());
                    }
                    return test.getDisplayName();
                })
                .orElse(test.getDisplayName());
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    List<String> skipped() {
        return List.copyOf(skipped);
    }
}
