package org.hrm.sandbox;

import tools.jackson.databind.json.JsonMapper;

/** One JSON mapper for the CLI's files and summaries. */
final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
