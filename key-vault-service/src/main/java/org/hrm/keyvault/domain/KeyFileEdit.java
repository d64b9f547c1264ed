package org.hrm.keyvault.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Edits of master key file content (the format {@link MasterKeyRing} reads), for retiring a version. */
public final class KeyFileEdit {
    private KeyFileEdit() {}

    /**
     * The content without the entry {@code v<version>}: every other line (comments included) is kept as it is, so
     * the file is rewritten with one version less and nothing else changed.
     */
    public static String withoutVersion(String content, int version) {
        String name = "v" + version;
        List<String> lines = new ArrayList<>();
        for (String line : content.split("\\R", -1)) {
            String[] entries = line.split(";", -1);
            List<String> kept = Arrays.stream(entries)
                    .filter(entry -> line.strip().startsWith("#") || !name.equals(entryName(entry)))
                    .toList();
            if (kept.size() == entries.length) {
                lines.add(line);
            } else if (!kept.stream().allMatch(String::isBlank)) {
                lines.add(String.join(";", kept));
            }
        }
        return String.join("\n", lines);
    }

    private static String entryName(String entry) {
        int eq = entry.indexOf('=');
        return eq > 0 ? entry.substring(0, eq).strip() : null;
    }
}
