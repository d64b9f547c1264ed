package org.hrm.consent.adapter.mongo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.consent.application.PartyStore;
import org.hrm.consent.application.SignedHistory;
import org.hrm.consent.domain.Party;
import org.hrm.consent.domain.PartyKind;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The party directory in {@code parties}: one document per party id (the {@code _id}), earlier keys inside, and the
 * party's signed history as the Kafka adapter encoded it ({@code history}, the very bytes the directory topic carries), so the
 * entry and its history are written together or not at all.
 */
@Component
class MongoPartyStore implements PartyStore {
    private final MongoTemplate mongo;

    MongoPartyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Map<String, Party> findAll(Collection<String> partyIds) {
        Map<String, Party> found = new HashMap<>();
        KeyedDocuments.findByIds(
                mongo.getCollection(ConsentCollections.PARTIES),
                partyIds,
                document -> found.put(document.getString("_id"), fromDocument(document)));
        return found;
    }

    @Override
    public Optional<SignedHistory> history(String partyId) {
        Document found = mongo.getCollection(ConsentCollections.PARTIES)
                .find(new Document("_id", partyId))
                .first();
        Binary history = found == null ? null : found.get("history", Binary.class);
        return Optional.ofNullable(history).map(bytes -> new SignedHistory(bytes.getData()));
    }

    @Override
    public boolean replace(Party next, SignedHistory history, byte[] expectedCurrentKey) {
        var parties = mongo.getCollection(ConsentCollections.PARTIES);
        Document document = toDocument(next);
        if (history != null) {
            document.append("history", new Binary(history.encoded()));
        }
        if (expectedCurrentKey == null) {
            return KeyedDocuments.insertNew(parties, document);
        }
        Document filter = new Document("_id", next.partyId()).append("publicKey", new Binary(expectedCurrentKey));
        return parties.replaceOne(filter, document).getMatchedCount() == 1;
    }

    private static Document toDocument(Party party) {
        return new Document("_id", party.partyId())
                .append("kind", party.kind().name())
                .append("publicKey", new Binary(party.publicKey()))
                .append("institutionId", party.institutionId())
                .append("registeredAt", KeyedDocuments.instant(party.registeredAt()))
                .append("attested", party.attested())
                .append(
                        "previousKeys",
                        party.previousKeys().stream().map(Binary::new).toList());
    }

    private static Party fromDocument(Document document) {
        return new Party(
                document.getString("_id"),
                PartyKind.valueOf(document.getString("kind")),
                document.get("publicKey", Binary.class).getData(),
                document.getString("institutionId"),
                KeyedDocuments.instant(document, "registeredAt"),
                // A document written before protocol v2 came from an unsigned registration.
                document.getBoolean("attested", false),
                document.getList("previousKeys", Binary.class, List.of()).stream()
                        .map(Binary::getData)
                        .toList());
    }
}
