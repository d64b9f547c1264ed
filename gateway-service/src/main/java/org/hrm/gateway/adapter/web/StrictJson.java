package org.hrm.gateway.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies into event records, strictly: unlike consumers of topics (which ignore unknown fields for
 * additive schema changes), the API refuses a field it does not know, so a caller's typo is a clear 400, not a
 * silently dropped value.
 */
final class StrictJson {
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private StrictJson() {}

    static <T> T read(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw ApiProblem.badRequest("the request body is empty; a " + type.getSimpleName() + " JSON is expected");
        }
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw ApiProblem.badRequest("the request body is JSON null");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            throw ApiProblem.badRequest("unknown field '" + e.getPropertyName() + "' in " + type.getSimpleName());
        } catch (ValueInstantiationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw ApiProblem.badRequest("invalid " + type.getSimpleName() + ": " + cause.getMessage());
        } catch (JacksonException e) {
            throw ApiProblem.badRequest("malformed " + type.getSimpleName() + " JSON: " + e.getOriginalMessage());
        }
    }
}
