package org.hrm.gateway.adapter.mongo;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Views to documents and back through their JSON form, so a stored view has the fields the topics' events have.
 * Instants are ISO-8601 strings (exact to the nanosecond, as the signatures over them need) and bytes Base64 strings;
 * the fields a store filters on ({@code _id}, a rank, an expiry) sit next to them and are ignored when read back.
 */
final class ViewDocuments {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    private static final JsonWriterSettings RELAXED =
            JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();

    private ViewDocuments() {}

    static Document toDocument(String id, Object view) {
        Document document = Document.parse(MAPPER.writeValueAsString(view));
        document.put("_id", id);
        return document;
    }

    static <T> T fromDocument(Document document, Class<T> type) {
        return MAPPER.readValue(document.toJson(RELAXED), type);
    }
}
