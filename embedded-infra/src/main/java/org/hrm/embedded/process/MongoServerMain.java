package org.hrm.embedded.process;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.hrm.embedded.EmbeddedMongo;

/**
 * The MongoDB-wire server in its own JVM: {@code MongoServerMain FILE PORT} (the chaos run), data in one H2 file that
 * a restart keeps, a stop (SIGTERM) closes the file cleanly; or {@code MongoServerMain PORT}, data in memory (as the
 * in-process sandbox's), for {@code --separate-jvms}.
 */
public final class MongoServerMain {
    public static final String READY = "hrm-mongo-ready";

    private MongoServerMain() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo mongo = args.length == 1
                ? EmbeddedMongo.inMemory(Integer.parseInt(args[0]))
                : EmbeddedMongo.persistent(Path.of(args[0]), Integer.parseInt(args[1]));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mongo.close();
            stopped.countDown();
        }));
        System.out.println(READY + " " + mongo.uri(""));
        stopped.await();
    }
}
