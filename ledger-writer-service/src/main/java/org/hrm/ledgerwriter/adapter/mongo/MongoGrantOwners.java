package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.Optional;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.GrantOwners;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Verified grants' owners: {@code <domain>_grant_owners}, one small document per grant (id the grant id). */
@Component
class MongoGrantOwners implements GrantOwners {
    private final MongoTemplate mongo;

    MongoGrantOwners(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void remember(Domain domain, String grantId, String ownerId) {
        mongo.getCollection(collection(domain))
                .replaceOne(
                        Filters.eq("_id", grantId),
                        new Document("_id", grantId).append("ownerId", ownerId),
                        new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<String> ownerOf(Domain domain, String grantId) {
        Document found = mongo.getCollection(collection(domain))
                .find(Filters.eq("_id", grantId))
                .first();
        return Optional.ofNullable(found).map(document -> document.getString("ownerId"));
    }

    private static String collection(Domain domain) {
        return domain.id() + "_grant_owners";
    }
}
