package org.hrm.contracts.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Javadoc of an event record, read from its source file: the contract's descriptions are the ones engineers read
 * in the code, so the two cannot drift apart.
 *
 * @param summary the record's Javadoc without its tags, one paragraph per line
 * @param params each {@code @param}'s text by component name
 */
record SourceDocs(String summary, Map<String, String> params) {
    private static final Pattern TAG = Pattern.compile("@param\\s+(\\w+)\\s+");

    static final SourceDocs NONE = new SourceDocs("", Map.of());

    /** The Javadoc right before {@code record <Name>(} in {@code source}, or {@link #NONE}. */
    static SourceDocs of(Path source, String recordName) {
        String text;
        try {
            text = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int declaration = indexOfRecord(text, recordName);
        if (declaration < 0) {
            return NONE;
        }
        int end = text.lastIndexOf("*/", declaration);
        int start = text.lastIndexOf("/**", declaration);
        // Only a comment that ends right before the declaration (annotations and modifiers aside) documents it.
        if (start < 0 || end < start || !text.substring(end + 2, declaration).isBlank()) {
            return NONE;
        }
        return parse(text.substring(start + 3, end));
    }

    private static int indexOfRecord(String text, String recordName) {
        Matcher matcher = Pattern.compile("(?m)^\\s*(public\\s+)?(static\\s+)?record\\s+" + recordName + "\\s*\\(")
                .matcher(text);
        return matcher.find() ? matcher.start() : -1;
    }

    private static SourceDocs parse(String comment) {
        StringBuilder plain = new StringBuilder();
        for (String line : comment.split("\n")) {
            plain.append(line.replaceFirst("^\\s*\\*\\s?", "")).append('\n');
        }
        String body = plain.toString();
        int firstTag = body.indexOf("\n@");
        String summary = firstTag < 0 ? body : body.substring(0, firstTag);
        Map<String, String> params = new LinkedHashMap<>();
        if (firstTag >= 0) {
            for (String tag : body.substring(firstTag + 1).split("\n(?=@)")) {
                Matcher matcher = TAG.matcher(tag);
                if (matcher.lookingAt()) {
                    params.put(matcher.group(1), clean(tag.substring(matcher.end())));
                }
            }
        }
        return new SourceDocs(clean(summary), params);
    }

    /** Javadoc markup to plain text: {@code x} and {@link X#y} become their text, paragraphs and spaces fold. */
    private static String clean(String javadoc) {
        String text = javadoc.replaceAll("\\{@(?:code|literal)\\s+([^}]*)}", "$1")
                .replaceAll("\\{@(?:link|linkplain)\\s+#?([^}\\s]*)[^}]*}", "$1")
                .replace('#', '.')
                .replaceAll("<p>", "\n\n")
                .replaceAll("</?[a-z]+>", "");
        StringBuilder out = new StringBuilder();
        for (String paragraph : text.split("\n\\s*\n")) {
            String folded = paragraph.replaceAll("\\s+", " ").trim();
            if (!folded.isEmpty()) {
                out.append(out.isEmpty() ? "" : "\n").append(folded);
            }
        }
        return out.toString();
    }
}
