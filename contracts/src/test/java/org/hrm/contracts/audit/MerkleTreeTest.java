package org.hrm.contracts.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MerkleTreeTest {
    // The leaves and roots of Certificate Transparency's reference tests (RFC 6962 hashing).
    private static final List<String> LEAVES =
            List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f");
    private static final List<String> ROOTS = List.of(
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

    @Test
    void computesTheRootsOfTheRfc6962ReferenceTrees() {
        List<byte[]> leaves = LEAVES.stream()
                .map(hex -> MerkleTree.leafHash(HexFormat.of().parseHex(hex)))
                .toList();

        for (int size = 1; size <= leaves.size(); size++) {
            assertThat(MerkleTree.hex(MerkleTree.root(leaves.subList(0, size)))).isEqualTo(ROOTS.get(size - 1));
        }
    }

    @Test
    void everyLeafsPathLeadsToTheRootInTreesOfEverySize() {
        for (int size = 1; size <= 33; size++) {
            List<byte[]> leaves = leaves(size);
            byte[] root = MerkleTree.root(leaves);

            for (int index = 0; index < size; index++) {
                List<byte[]> path = MerkleTree.path(leaves, index);
                assertThat(MerkleTree.verify(leaves.get(index), index, size, path, root))
                        .as("leaf %d of %d", index, size)
                        .isTrue();
            }
        }
    }

    @Test
    void refusesAnotherLeafAnotherIndexAShorterTreeOrAnInnerNodeAsLeaf() {
        List<byte[]> leaves = leaves(7);
        byte[] root = MerkleTree.root(leaves);
        List<byte[]> path = MerkleTree.path(leaves, 4);

        assertThat(MerkleTree.verify(leaves.get(5), 4, 7, path, root)).isFalse();
        assertThat(MerkleTree.verify(leaves.get(4), 5, 7, path, root)).isFalse();
        assertThat(MerkleTree.verify(leaves.get(4), 4, 5, path, root)).isFalse();
        assertThat(MerkleTree.verify(leaves.get(4), 4, 7, path.subList(0, 2), root))
                .isFalse();
        byte[] innerNode = MerkleTree.node(leaves.get(0), leaves.get(1));
        assertThat(MerkleTree.verify(innerNode, 0, 6, MerkleTree.path(leaves, 0).subList(1, 3), root))
                .isFalse();
    }

    private static List<byte[]> leaves(int size) {
        return new ArrayList<>(IntStream.range(0, size)
                .mapToObj(i -> MerkleTree.leafHash(new byte[] {(byte) i, (byte) (i >> 8)}))
                .toList());
    }
}
