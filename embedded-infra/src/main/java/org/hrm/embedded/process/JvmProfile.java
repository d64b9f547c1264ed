package org.hrm.embedded.process;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How a child JVM of the sandbox is sized: its heap and collector, and whether it compiles with C2. Every part of a
 * platform in processes (broker, database, each service) runs as one of these, next to the others on the same two
 * cores.
 */
public enum JvmProfile {
    /**
     * For {@code ./hrm chaos}: small heaps, the serial collector and the quick compiler only, so the five JVMs that
     * share two cores start and restart quickly; throughput is not what that run measures.
     */
    RESTARTABLE(1, false),

    /**
     * For {@code ./hrm bench --separate-jvms}: twice the heap, fixed at its size (no resizing), Metaspace's first
     * collection threshold above what a part loads, the serial collector (one JVM's collector runs on one core while
     * the others go on; a parallel or concurrent collector in each of five JVMs would fight over two cores) and both
     * compilers, as a long run wants; each JVM logs its collections to {@code <log>.gc} next to its log file. Chosen
     * by measurement (docs/performance.md, "The sandbox's JVMs").
     */
    SIZED(2, true);

    private static final String METASPACE_THRESHOLD = "256m";

    private final int heapFactor;
    private final boolean throughput;

    JvmProfile(int heapFactor, boolean throughput) {
        this.heapFactor = heapFactor;
        this.throughput = throughput;
    }

    /** The options of a child JVM whose part needs about {@code heapMegabytes}, logging to {@code logFile}. */
    public List<String> options(int heapMegabytes, Path logFile) {
        String heap = heapMegabytes * heapFactor + "m";
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap, "-XX:+UseSerialGC"));
        if (throughput) {
            options.add("-Xms" + heap);
            // Spring's classes fill Metaspace past its default first threshold (about 21 MB) again and again while a
            // service starts: each crossing was a full collection (three per service, up to 1.4 s on the loaded
            // machine). One threshold above what a part loads removes them.
            options.add("-XX:MetaspaceSize=" + METASPACE_THRESHOLD);
            options.add("-Xlog:gc:file=" + logFile + ".gc");
        } else {
            options.add("-XX:TieredStopAtLevel=1");
        }
        options.add("-Dhrm.log.file=" + logFile);
        return options;
    }
}
