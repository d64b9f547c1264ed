package org.hrm.ledgerwriter.adapter.mongo;

import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.LedgerIndex;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The ledger index of records: {@code <domain>_ledger_index} (one document per record) and
 * {@code <domain>_ledger_tx} (signed storeBatch transactions not yet confirmed).
 */
@Component
class MongoLedgerIndex extends MongoEntryIndex implements LedgerIndex {

    MongoLedgerIndex(MongoTemplate mongo) {
        super(mongo);
    }

    @Override
    String entriesCollection(Domain domain) {
        return domain.id() + "_ledger_index";
    }

    @Override
    String transactionsCollection(Domain domain) {
        return domain.id() + "_ledger_tx";
    }
}
