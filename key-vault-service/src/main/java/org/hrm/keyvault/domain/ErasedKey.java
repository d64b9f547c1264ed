package org.hrm.keyvault.domain;

/**
 * One key an erasure destroys, named but never carried: a record's K2 ({@link #K2}, named by its record id, since a
 * record has one K2 in its life and an erased record is never sealed again) or an owner's KEK ({@link #KEK}, named
 * by its kek id, with the master key version it was wrapped under when the erasure was planned).
 */
public record ErasedKey(String kind, String keyId, String recordId, int masterKeyVersion) {
    public static final String K2 = "K2";
    public static final String KEK = "KEK";

    public static ErasedKey k2(String recordId) {
        return new ErasedKey(K2, recordId, recordId, 0);
    }

    public static ErasedKey kek(WrappedOwnerKey key) {
        return new ErasedKey(KEK, key.kekId(), null, key.masterKeyVersion());
    }

    public boolean isKek() {
        return KEK.equals(kind);
    }
}
