package org.hrm.ledgerwriter.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.hrm.contracts.Domain;
import org.hrm.ledgerwriter.application.ConsumedEvent;
import org.hrm.ledgerwriter.application.HeldRevocation;
import org.hrm.ledgerwriter.application.HeldRevocations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Revocations held for their grant: {@code <domain>_held_revocations}, one document per consumed event (id its topic,
 * partition and offset), with the grant id, the writer's first sight of it and the event's bytes and kept headers.
 * The event is an owner-signed ConsentRevoked: ids, a time and a signature, no key material.
 */
@Component
class MongoHeldRevocations implements HeldRevocations {
    private final MongoTemplate mongo;
    private volatile boolean indexed;

    MongoHeldRevocations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void hold(HeldRevocation revocation) {
        ConsumedEvent event = revocation.event();
        Document headers = new Document();
        event.headers().forEach((name, value) -> headers.append(name, new Binary(value)));
        // Upsert setting fields on insert only: reading the same event again keeps its first sight.
        collection(revocation.domain())
                .updateOne(
                        Filters.eq("_id", revocation.id()),
                        Updates.combine(
                                Updates.setOnInsert("grantId", revocation.grantId()),
                                Updates.setOnInsert("firstSeen", Date.from(revocation.firstSeen())),
                                Updates.setOnInsert("topic", event.topic()),
                                Updates.setOnInsert("partition", event.partition()),
                                Updates.setOnInsert("offset", event.offset()),
                                Updates.setOnInsert("key", event.key()),
                                Updates.setOnInsert("value", new Binary(event.value())),
                                Updates.setOnInsert("headers", headers)),
                        new UpdateOptions().upsert(true));
    }

    @Override
    public List<HeldRevocation> naming(Domain domain, Collection<String> grantIds) {
        return find(domain, Filters.in("grantId", grantIds));
    }

    @Override
    public List<HeldRevocation> seenBy(Instant cutoff) {
        List<HeldRevocation> found = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            found.addAll(find(domain, Filters.lte("firstSeen", Date.from(cutoff))));
        }
        return found;
    }

    @Override
    public void forget(HeldRevocation revocation) {
        collection(revocation.domain()).deleteOne(Filters.eq("_id", revocation.id()));
    }

    private List<HeldRevocation> find(Domain domain, Bson filter) {
        List<HeldRevocation> found = new ArrayList<>();
        collection(domain)
                .find(filter)
                .sort(Sorts.ascending("firstSeen"))
                .forEach(document -> found.add(held(domain, document)));
        return found;
    }

    private static HeldRevocation held(Domain domain, Document document) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        document.get("headers", Document.class).forEach((name, value) -> headers.put(name, ((Binary) value).getData()));
        ConsumedEvent event = new ConsumedEvent(
                document.getString("topic"),
                document.getInteger("partition"),
                document.getLong("offset"),
                document.getString("key"),
                document.get("value", Binary.class).getData(),
                headers);
        return new HeldRevocation(
                domain,
                document.getString("grantId"),
                document.getDate("firstSeen").toInstant(),
                event);
    }

    private MongoCollection<Document> collection(Domain domain) {
        MongoCollection<Document> collection = mongo.getCollection(domain.id() + "_held_revocations");
        if (!indexed) {
            for (Domain each : Domain.values()) {
                MongoCollection<Document> held = mongo.getCollection(each.id() + "_held_revocations");
                held.createIndex(Indexes.ascending("grantId"));
                held.createIndex(Indexes.ascending("firstSeen"));
            }
            indexed = true;
        }
        return collection;
    }
}
