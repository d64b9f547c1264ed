package org.hrm.keyvault.domain;

/** What an erasure request becomes: a plan to carry out, or the reason it is refused (then nothing is touched). */
public record ErasurePlan(Erasure erasure, String refusal) {
    static ErasurePlan of(Erasure erasure) {
        return new ErasurePlan(erasure, null);
    }

    static ErasurePlan refused(String refusal) {
        return new ErasurePlan(null, refusal);
    }

    public boolean refused() {
        return erasure == null;
    }
}
