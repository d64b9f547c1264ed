package org.hrm.gateway.adapter.mongo;

import org.hrm.contracts.Domain;

/** The only place that names collections: record data has one per domain, so the two never share storage. */
final class GatewayCollections {
    static final String PARTIES = "parties";

    private GatewayCollections() {}

    static String records(Domain domain) {
        return domain.id() + "_records";
    }

    static String standingGrants(Domain domain) {
        return domain.id() + "_standing_grants";
    }

    static String erasures(Domain domain) {
        return domain.id() + "_erasures";
    }

    static String fetches(Domain domain) {
        return domain.id() + "_fetches";
    }
}
