package org.hrm.gateway.adapter.web;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One in-memory MongoDB-wire server for the API tests' gateway database, started on first use. */
final class TestMongo {
    private static MongoServer server;

    private TestMongo() {}

    static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
        }
        InetSocketAddress address = server.getLocalAddress();
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }
}
