package org.hrm.embedded;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB-wire-compatible server (mongo-java-server): in memory, or backed by an H2 file where data
 * must survive a restart. It has no multi-document transactions, so services use single-document
 * atomic writes.
 */
public final class EmbeddedMongo implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    public static EmbeddedMongo inMemory(int port) {
        return bind(new MongoServer(new MemoryBackend()), port);
    }

    /** A server whose databases live in one H2 file, kept across restarts. */
    public static EmbeddedMongo persistent(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create " + file.getParent(), e);
        }
        return bind(new MongoServer(new H2Backend(file.toString())), port);
    }

    private static EmbeddedMongo bind(MongoServer server, int port) {
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    /** Connection string for one database, e.g. {@code mongodb://127.0.0.1:27017/key-vault}. */
    public String uri(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    public int port() {
        return address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
