package org.hrm.ledgerwriter.adapter.mongo;

import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.ErasureIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The erasure index: {@code <domain>_erasure_index} (one document per tombstoned record, id the record
 * id) and {@code <domain>_erasure_tx} (signed eraseBatch transactions not yet confirmed).
 */
@Component
class MongoErasureIndex extends MongoEntryIndex implements ErasureIndex {

    MongoErasureIndex(MongoTemplate mongo) {
        super(mongo);
    }

    @Override
    String entriesCollection(Domain domain) {
        return domain.id() + "_erasure_index";
    }

    @Override
    String transactionsCollection(Domain domain) {
        return domain.id() + "_erasure_tx";
    }
}
