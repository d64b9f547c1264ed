package org.hrm.gateway.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.hrm.contracts.Domain;
import org.hrm.gateway.application.Release;
import org.hrm.gateway.application.ReleaseAnswers;
import org.hrm.gateway.application.ReleaseStore;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every replica's fetches in {@code <domain>_fetches}, one document per request id with the vault's answer once read.
 * The answer is set only where none is yet, so two replicas reading the same answer store it once. Expired requests
 * are deleted with their answers ({@code expiresAtMillis}), and a collected one at once.
 */
public final class MongoReleaseStore implements ReleaseStore {
    private static final String EXPIRES = "expiresAtMillis";
    private static final String ANSWER = "answer";

    private final MongoTemplate mongo;

    public MongoReleaseStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void expect(Request request) {
        Document document = ViewDocuments.toDocument(request.requestId(), request)
                .append(EXPIRES, request.expiresAt().toEpochMilli());
        fetches(request.domain()).insertOne(document);
    }

    @Override
    public Optional<Request> find(String requestId, Instant now) {
        for (Domain domain : Domain.values()) {
            Document found = fetches(domain)
                    .find(Filters.and(Filters.eq("_id", requestId), Filters.gte(EXPIRES, now.toEpochMilli())))
                    .first();
            if (found != null) {
                return Optional.of(ViewDocuments.fromDocument(found, Request.class));
            }
        }
        return Optional.empty();
    }

    @Override
    public void answer(String requestId, Domain domain, ReleaseAnswers.Answer answer) {
        Document stored = ViewDocuments.toDocument(requestId, answer);
        stored.remove("_id");
        fetches(domain)
                .updateOne(
                        Filters.and(Filters.eq("_id", requestId), Filters.eq(ANSWER, null)),
                        Updates.set(ANSWER, stored));
    }

    @Override
    public void forget(String requestId) {
        for (Domain domain : Domain.values()) {
            fetches(domain).deleteOne(Filters.eq("_id", requestId));
        }
    }

    @Override
    public void dropExpired(Instant now) {
        for (Domain domain : Domain.values()) {
            fetches(domain).deleteMany(Filters.lt(EXPIRES, now.toEpochMilli()));
        }
    }

    @Override
    public List<Release> held(Instant now) {
        List<Release> held = new ArrayList<>();
        for (Domain domain : Domain.values()) {
            fetches(domain)
                    .find(Filters.and(Filters.ne(ANSWER, null), Filters.gte(EXPIRES, now.toEpochMilli())))
                    .forEach(document -> {
                        ReleaseAnswers.Answer answer = ViewDocuments.fromDocument(document, Request.class)
                                .answer();
                        if (answer != null && answer.released() != null) {
                            held.add(answer.released());
                        }
                    });
        }
        return held;
    }

    private MongoCollection<Document> fetches(Domain domain) {
        return mongo.getCollection(GatewayCollections.fetches(domain));
    }
}
