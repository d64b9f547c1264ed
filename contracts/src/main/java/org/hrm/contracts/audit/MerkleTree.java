package org.hrm.contracts.audit;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A Merkle tree over SHA-256 as RFC 6962 (and RFC 9162) defines it: a leaf hashes as SHA-256(0x00 || leaf), an inner
 * node as SHA-256(0x01 || left || right), a tree of n leaves splits at the largest power of two below n. The two
 * prefixes keep a leaf from passing for an inner node (second-preimage attacks on the tree). A proof is only as good
 * as the tree size it is checked with, so the size is anchored on chain next to the root.
 */
public final class MerkleTree {
    public static final int HASH_LENGTH = 32;

    private MerkleTree() {}

    /** The leaf hash of one leaf's bytes. */
    public static byte[] leafHash(byte[] leaf) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x00);
        return sha256.digest(leaf);
    }

    /** The root over leaf hashes, in order; a tree needs at least one leaf. */
    public static byte[] root(List<byte[]> leafHashes) {
        if (leafHashes.isEmpty()) {
            throw new IllegalArgumentException("a tree has at least one leaf");
        }
        return subtreeRoot(leafHashes, 0, leafHashes.size());
    }

    /** The audit path of leaf {@code index}: the sibling hashes from the leaf up to the root (RFC 6962 PATH). */
    public static List<byte[]> path(List<byte[]> leafHashes, int index) {
        if (index < 0 || index >= leafHashes.size()) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of " + leafHashes.size());
        }
        List<byte[]> path = new ArrayList<>();
        collectPath(leafHashes, 0, leafHashes.size(), index, path);
        return path;
    }

    /** Whether {@code path} leads from the leaf hash at {@code index} of a tree of {@code size} leaves to {@code root}. */
    public static boolean verify(byte[] leafHash, int index, int size, List<byte[]> path, byte[] root) {
        if (index < 0 || index >= size || leafHash.length != HASH_LENGTH) {
            return false;
        }
        long fn = index;
        long sn = size - 1L;
        byte[] hash = leafHash;
        for (byte[] sibling : path) {
            if (sn == 0 || sibling.length != HASH_LENGTH) {
                return false;
            }
            if ((fn & 1) == 1 || fn == sn) {
                hash = node(sibling, hash);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                hash = node(hash, sibling);
            }
            fn >>= 1;
            sn >>= 1;
        }
        return sn == 0 && MessageDigest.isEqual(hash, root);
    }

    static byte[] node(byte[] left, byte[] right) {
        MessageDigest sha256 = sha256();
        sha256.update((byte) 0x01);
        sha256.update(left);
        return sha256.digest(right);
    }

    private static byte[] subtreeRoot(List<byte[]> leaves, int from, int to) {
        if (to - from == 1) {
            return leaves.get(from).clone();
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        return node(subtreeRoot(leaves, from, split), subtreeRoot(leaves, split, to));
    }

    private static void collectPath(List<byte[]> leaves, int from, int to, int index, List<byte[]> path) {
        if (to - from == 1) {
            return;
        }
        int split = from + largestPowerOfTwoBelow(to - from);
        if (index < split) {
            collectPath(leaves, from, split, index, path);
            path.add(subtreeRoot(leaves, split, to));
        } else {
            collectPath(leaves, split, to, index, path);
            path.add(subtreeRoot(leaves, from, split));
        }
    }

    private static int largestPowerOfTwoBelow(int n) {
        return Integer.highestOneBit(n - 1);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** Hex of a hash, as events and exports carry it (lower case, no prefix). */
    public static String hex(byte[] hash) {
        return java.util.HexFormat.of().formatHex(hash);
    }

    /** The hash of a hex string (with or without 0x); throws on anything else. */
    public static byte[] unhex(String hex) {
        String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
        return java.util.HexFormat.of().parseHex(digits);
    }

    static boolean same(byte[] a, byte[] b) {
        return Arrays.equals(a, b);
    }
}
