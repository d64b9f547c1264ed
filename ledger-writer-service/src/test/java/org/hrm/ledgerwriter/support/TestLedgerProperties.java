package org.hrm.ledgerwriter.support;

import java.util.HashMap;
import java.util.Map;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.config.LedgerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Binds {@link LedgerProperties} the way the application does, defaults included. */
public final class TestLedgerProperties {
    private TestLedgerProperties() {}

    public static LedgerProperties bind(
            String rpcUrl, String signingKey, Map<Domain, String> contracts, Map<String, String> overrides) {
        Map<String, String> source = new HashMap<>();
        source.put("hrm.ledger.rpc-url", rpcUrl);
        source.put("hrm.ledger.signing-key", signingKey);
        contracts.forEach((domain, address) -> source.put("hrm.ledger.contracts." + domain.id(), address));
        source.putAll(overrides);
        return new Binder(new MapConfigurationPropertySource(source))
                .bind("hrm.ledger", LedgerProperties.class)
                .get();
    }
}
