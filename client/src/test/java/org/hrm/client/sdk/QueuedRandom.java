package org.hrm.client.sdk;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.HexFormat;

/** A "random" source that hands out fixed bytes in order, for reproducible test vectors; fails when exhausted. */
final class QueuedRandom extends SecureRandom {
    private final ByteBuffer queue;

    QueuedRandom(String... hexChunks) {
        this.queue = ByteBuffer.wrap(HexFormat.of().parseHex(String.join("", hexChunks)));
    }

    @Override
    public void nextBytes(byte[] bytes) {
        queue.get(bytes);
    }

    boolean exhausted() {
        return !queue.hasRemaining();
    }
}
