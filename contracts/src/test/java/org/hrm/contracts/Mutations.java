package org.hrm.contracts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.Arrays;
import java.util.Random;

/** Seeded mutations of valid input, one kind per mutant number in turn, as a fuzzer's first moves would be. */
final class Mutations {
    private static final String[] WRONG_VALUES = {"null", "true", "-1", "1e309", "\"\"", "[]", "{}", "\"\\u0000\""};

    private Mutations() {}

    static byte[] mutate(byte[] valid, int mutant, Random random) {
        return switch (mutant % 7) {
            case 0 -> flipBits(valid, random);
            case 1 -> Arrays.copyOf(valid, random.nextInt(valid.length));
            case 2 -> deleteRange(valid, random);
            case 3 -> insertRandom(valid, random);
            case 4 -> duplicateRange(valid, random);
            case 5 -> replaceAValue(valid, random);
            default -> randomBytes(random);
        };
    }

    private static byte[] flipBits(byte[] valid, Random random) {
        byte[] copy = valid.clone();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    private static byte[] deleteRange(byte[] valid, Random random) {
        int from = random.nextInt(valid.length);
        int to = Math.min(valid.length, from + 1 + random.nextInt(16));
        byte[] out = new byte[valid.length - (to - from)];
        System.arraycopy(valid, 0, out, 0, from);
        System.arraycopy(valid, to, out, from, valid.length - to);
        return out;
    }

    private static byte[] insertRandom(byte[] valid, Random random) {
        byte[] noise = new byte[1 + random.nextInt(16)];
        random.nextBytes(noise);
        return splice(valid, random.nextInt(valid.length), noise);
    }

    private static byte[] duplicateRange(byte[] valid, Random random) {
        int from = random.nextInt(valid.length);
        byte[] chunk = Arrays.copyOfRange(valid, from, Math.min(valid.length, from + 1 + random.nextInt(64)));
        return splice(valid, from, chunk);
    }

    /** A JSON value (after a colon) replaced by one of the wrong type; for binary input, a random splice. */
    private static byte[] replaceAValue(byte[] valid, Random random) {
        String text = new String(valid, UTF_8);
        int colon = text.indexOf(':', random.nextInt(text.length()));
        if (colon < 0) {
            return insertRandom(valid, random);
        }
        int end = colon + 1;
        while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        String replaced =
                text.substring(0, colon + 1) + WRONG_VALUES[random.nextInt(WRONG_VALUES.length)] + text.substring(end);
        return replaced.getBytes(UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] splice(byte[] valid, int at, byte[] inserted) {
        byte[] out = new byte[valid.length + inserted.length];
        System.arraycopy(valid, 0, out, 0, at);
        System.arraycopy(inserted, 0, out, at, inserted.length);
        System.arraycopy(valid, at, out, at + inserted.length, valid.length - at);
        return out;
    }
}
