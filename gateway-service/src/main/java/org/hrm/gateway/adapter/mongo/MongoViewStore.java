package org.hrm.gateway.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.hrm.contracts.Domain;
import org.hrm.contracts.EventCodec;
import org.hrm.contracts.authority.DirectoryEntry;
import org.hrm.contracts.events.ErasureReceipt;
import org.hrm.gateway.application.ErasureView;
import org.hrm.gateway.application.OwnerGrants;
import org.hrm.gateway.application.RecordView;
import org.hrm.gateway.application.SignedReceipt;
import org.hrm.gateway.application.ViewStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The views in the gateway's database: {@code parties} by party id, {@code <domain>_standing_grants} by owner id,
 * {@code <domain>_records} by record id and {@code <domain>_erasures} by erasure request id. Each write replaces the
 * document with that id (an upsert, so writing the same view twice changes nothing); a record is replaced only by a
 * view at the same stage or a later one.
 */
public final class MongoViewStore implements ViewStore {
    private static final String STAGE_RANK = "stageRank";
    private static final String RECEIPT = "receipt";
    private static final String RECEIPT_EVENT = "event";
    private static final EventCodec CODEC = new EventCodec();

    private final MongoTemplate mongo;

    public MongoViewStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void saveParty(DirectoryEntry entry) {
        upsert(mongo.getCollection(GatewayCollections.PARTIES), ViewDocuments.toDocument(entry.partyId(), entry));
    }

    @Override
    public void saveStandingGrants(OwnerGrants grants) {
        upsert(
                mongo.getCollection(GatewayCollections.standingGrants(grants.domain())),
                ViewDocuments.toDocument(grants.ownerId(), grants));
    }

    @Override
    public void saveRecord(RecordView record) {
        int rank = record.stage().ordinal();
        Document document = ViewDocuments.toDocument(record.recordId(), record).append(STAGE_RANK, rank);
        Bson notFurther = Filters.and(Filters.eq("_id", record.recordId()), Filters.lte(STAGE_RANK, rank));
        try {
            mongo.getCollection(GatewayCollections.records(record.domain()))
                    .replaceOne(notFurther, document, new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            // The upsert found no document at this stage or earlier and the id exists: a replica wrote a later stage.
            if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    @Override
    public void saveErasure(ErasureView erasure) {
        upsert(
                mongo.getCollection(GatewayCollections.erasures(erasure.domain())),
                ViewDocuments.toDocument(erasure.requestId(), erasure));
    }

    @Override
    public List<DirectoryEntry> parties() {
        return all(mongo.getCollection(GatewayCollections.PARTIES), DirectoryEntry.class);
    }

    @Override
    public List<OwnerGrants> standingGrants() {
        List<OwnerGrants> found = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            found.addAll(all(mongo.getCollection(GatewayCollections.standingGrants(domain)), OwnerGrants.class));
        }
        return found;
    }

    @Override
    public List<RecordView> records() {
        List<RecordView> found = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            found.addAll(all(mongo.getCollection(GatewayCollections.records(domain)), RecordView.class));
        }
        return found;
    }

    @Override
    public List<ErasureView> erasures() {
        List<ErasureView> found = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            mongo.getCollection(GatewayCollections.erasures(domain))
                    .find()
                    .forEach(document -> found.add(erasure(document)));
        }
        return found;
    }

    /**
     * An erasure as stored. One stored before the gateway kept a receipt's bytes holds the receipt's fields instead: it
     * is encoded again, as the gateway then handed every receipt out.
     */
    private static ErasureView erasure(Document document) {
        ErasureView erasure = ViewDocuments.fromDocument(document, ErasureView.class);
        Document receipt = document.get(RECEIPT, Document.class);
        if (receipt == null || receipt.containsKey(RECEIPT_EVENT)) {
            return erasure;
        }
        ErasureReceipt fields = ViewDocuments.fromDocument(receipt, ErasureReceipt.class);
        return erasure.withReceipt(new SignedReceipt(fields.requestId(), fields.recordIds(), CODEC.encode(fields)));
    }

    private static void upsert(MongoCollection<Document> collection, Document document) {
        collection.replaceOne(Filters.eq("_id", document.get("_id")), document, new ReplaceOptions().upsert(true));
    }

    private static <T> List<T> all(MongoCollection<Document> collection, Class<T> type) {
        List<T> found = new ArrayList<>();
        collection.find().forEach(document -> found.add(ViewDocuments.fromDocument(document, type)));
        return found;
    }
}
