package org.hrm.edge.config;

import java.io.IOException;
import org.hrm.client.sdk.PartyKeyFile;
import org.hrm.client.sdk.PartyKeyHolder;
import org.hrm.client.sdk.Pkcs11PartyKey;
import org.hrm.client.sdk.Pkcs11Token;

/** The hospital's key as {@code hrm.edge.key-custody} says: its key file (the default) or its PKCS#11 token. */
final class HospitalKeys {
    private HospitalKeys() {}

    static PartyKeyHolder load(EdgeProperties properties) throws IOException {
        if (properties.keyCustody() == EdgeProperties.KeyCustody.PKCS11) {
            return fromToken(properties.pkcs11());
        }
        if (properties.keystore() == null) {
            throw new IllegalStateException("hrm.edge.keystore is not set: the hospital's party key file (or set "
                    + "hrm.edge.key-custody=pkcs11 and hrm.edge.pkcs11.*)");
        }
        return PartyKeyFile.load(properties.keystore());
    }

    private static PartyKeyHolder fromToken(EdgeProperties.Pkcs11 pkcs11) {
        if (pkcs11 == null || blank(pkcs11.hospitalId()) || blank(pkcs11.library()) || pkcs11.pinFile() == null) {
            throw new IllegalStateException("hrm.edge.key-custody=pkcs11 needs hrm.edge.pkcs11.hospital-id, "
                    + "hrm.edge.pkcs11.library and hrm.edge.pkcs11.pin-file");
        }
        Pkcs11Token token = new Pkcs11Token(pkcs11.library(), pkcs11.slot(), pkcs11.slotListIndex(), pkcs11.pinFile());
        String label = blank(pkcs11.keyLabel()) ? pkcs11.hospitalId() : pkcs11.keyLabel();
        return Pkcs11PartyKey.open(pkcs11.hospitalId(), token, label);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
