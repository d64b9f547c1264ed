package org.hrm.crypto;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Deque;

/** Randomness that hands out the given byte strings in order, each exactly once, for known-answer tests. */
final class FixedRandom extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final transient Deque<byte[]> queue = new ArrayDeque<>();

    FixedRandom(byte[]... values) {
        for (byte[] value : values) {
            queue.add(value);
        }
    }

    @Override
    public void nextBytes(byte[] bytes) {
        byte[] next = queue.poll();
        if (next == null || next.length != bytes.length) {
            throw new IllegalStateException("unexpected draw of " + bytes.length + " random bytes");
        }
        System.arraycopy(next, 0, bytes, 0, bytes.length);
    }
}
