package org.hrm.cli;

import tools.jackson.databind.json.JsonMapper;

/** One JSON mapper for the CLI's files and summaries (the sandbox writes and reads the same files with it). */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {}

    public static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        return MAPPER.readValue(json, type);
    }
}
