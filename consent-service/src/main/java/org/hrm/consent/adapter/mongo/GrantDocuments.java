package org.hrm.consent.adapter.mongo;

import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.hrm.consent.domain.Grant;
import org.hrm.consent.domain.RecordDomain;
import org.hrm.consent.domain.Revocation;
import org.hrm.consent.domain.Scope;

/** Grants and early revocations to and from documents; the domain comes from the collection, never the document. */
final class GrantDocuments {
    static final String STATUS = "status";
    static final String ENDED = "ENDED";
    static final String ENDED_AT = "endedAt";
    static final String END_REASON = "endReason";

    private GrantDocuments() {}

    static Document of(Grant grant) {
        Document document = new Document("_id", grant.grantId())
                .append("ownerId", grant.ownerId())
                .append("granteeId", grant.granteeId())
                .append("recordIds", grant.scope().recordIds())
                .append("category", grant.scope().category())
                .append("purpose", grant.purpose())
                .append("validFrom", KeyedDocuments.instant(grant.validFrom()))
                .append("expiresAt", KeyedDocuments.instant(grant.expiresAt()))
                .append("grantedAt", KeyedDocuments.instant(grant.grantedAt()))
                .append("digest", new Binary(grant.digest()));
        if (grant.revoked()) {
            document.append("revokedAt", KeyedDocuments.instant(grant.revokedAt()));
        }
        if (grant.ended()) {
            document.append(STATUS, ENDED)
                    .append(ENDED_AT, KeyedDocuments.instant(grant.endedAt()))
                    .append(END_REASON, grant.endReason());
        }
        return document;
    }

    static Document of(Revocation revocation) {
        return new Document("_id", revocation.grantId())
                .append("ownerId", revocation.ownerId())
                .append("revokedAt", KeyedDocuments.instant(revocation.revokedAt()));
    }

    static Grant grant(RecordDomain domain, Document document) {
        return new Grant(
                document.getString("_id"),
                domain,
                document.getString("ownerId"),
                document.getString("granteeId"),
                new Scope(document.getList("recordIds", String.class, List.of()), document.getString("category")),
                document.getString("purpose"),
                KeyedDocuments.instant(document, "validFrom"),
                KeyedDocuments.instant(document, "expiresAt"),
                KeyedDocuments.instant(document, "grantedAt"),
                document.get("digest", Binary.class).getData(),
                KeyedDocuments.instant(document, "revokedAt"),
                KeyedDocuments.instant(document, ENDED_AT),
                document.getString(END_REASON));
    }

    static Revocation earlyRevocation(RecordDomain domain, Document document) {
        return new Revocation(
                document.getString("_id"),
                domain,
                document.getString("ownerId"),
                KeyedDocuments.instant(document, "revokedAt"));
    }
}
