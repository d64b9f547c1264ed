package org.hrm.keyvault.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.authority.DirectoryFields;
import org.hrm.contracts.authority.DirectoryStore;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** The vault's verified party directory: collection {@code parties}, one document per party, id its id. */
@Component
class MongoPartyDirectory implements DirectoryStore {
    private static final String COLLECTION = "parties";

    private final MongoTemplate mongo;

    MongoPartyDirectory(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<DirectoryEntry> find(String partyId) {
        Document found =
                mongo.getCollection(COLLECTION).find(Filters.eq("_id", partyId)).first();
        return Optional.ofNullable(found).map(DirectoryFields::entry);
    }

    @Override
    public void save(DirectoryEntry entry) {
        Document document = new Document(DirectoryFields.of(entry)).append("_id", entry.partyId());
        mongo.getCollection(COLLECTION)
                .replaceOne(Filters.eq("_id", entry.partyId()), document, new ReplaceOptions().upsert(true));
    }
}
