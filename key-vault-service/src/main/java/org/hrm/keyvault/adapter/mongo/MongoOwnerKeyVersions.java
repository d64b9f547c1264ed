package org.hrm.keyvault.adapter.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.keyvault.application.OwnerKeyVersions;
import org.hrm.keyvault.domain.RecordDomain;
import org.hrm.keyvault.domain.WrappedOwnerKey;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Owner KEKs of {@code <domain>_owner_keys} by master key version: pages in owner id order, conditional re-wraps. */
@Component
class MongoOwnerKeyVersions implements OwnerKeyVersions {
    private static final String VERSION = "masterKeyVersion";

    private final MongoTemplate mongo;

    MongoOwnerKeyVersions(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public List<WrappedOwnerKey> wrappedBefore(RecordDomain domain, int version, String afterOwnerId, int limit) {
        List<WrappedOwnerKey> page = new ArrayList<>();
        collection(domain)
                .find(and(lt(VERSION, version), gt("_id", afterOwnerId)))
                .sort(Sorts.ascending("_id"))
                .limit(limit)
                .forEach(document -> page.add(MongoOwnerKeyStore.fromDocument(document)));
        return page;
    }

    @Override
    public long countWrappedBefore(RecordDomain domain, int version) {
        return collection(domain).countDocuments(lt(VERSION, version));
    }

    @Override
    public long countWrappedUnder(RecordDomain domain, int version) {
        // A KEK staged by a re-key still under way counts too: retiring its version would strand it.
        return collection(domain)
                .countDocuments(or(eq(VERSION, version), eq(MongoOwnerKeyStore.PENDING_VERSION, version)));
    }

    @Override
    public boolean replace(RecordDomain domain, WrappedOwnerKey stored, WrappedOwnerKey rewrapped) {
        return collection(domain)
                        .updateOne(
                                and(
                                        eq("_id", stored.ownerId()),
                                        eq("kekId", stored.kekId()),
                                        eq(VERSION, stored.masterKeyVersion())),
                                Updates.combine(
                                        Updates.set("wrappedKek", new Binary(rewrapped.wrappedKek())),
                                        Updates.set(VERSION, rewrapped.masterKeyVersion()),
                                        Updates.set("rewrappedAt", new Date())))
                        .getMatchedCount()
                == 1;
    }

    private MongoCollection<Document> collection(RecordDomain domain) {
        return mongo.getCollection(VaultCollections.ownerKeys(domain));
    }
}
