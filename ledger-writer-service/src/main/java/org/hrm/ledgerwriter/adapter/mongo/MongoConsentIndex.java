package org.hrm.ledgerwriter.adapter.mongo;

import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.ConsentIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The consent index: {@code <domain>_consent_index} (one document per key share, id
 * {@code grantId:recordId}, and per revocation, id {@code grantId:revoked}) and
 * {@code <domain>_consent_tx} (signed grantBatch and revokeBatch transactions not yet confirmed).
 */
@Component
class MongoConsentIndex extends MongoEntryIndex implements ConsentIndex {

    MongoConsentIndex(MongoTemplate mongo) {
        super(mongo);
    }

    @Override
    String entriesCollection(Domain domain) {
        return domain.id() + "_consent_index";
    }

    @Override
    String transactionsCollection(Domain domain) {
        return domain.id() + "_consent_tx";
    }
}
