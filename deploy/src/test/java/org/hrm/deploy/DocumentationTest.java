package org.hrm.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README stays a front page (at most 200 lines; the rest lives in docs/), and every relative link of README.md and
 * docs/**.md leads to a file inside the repository, and to a heading that exists when it names one of a Markdown file.
 */
class DocumentationTest {
    static final int README_MAX_LINES = 200;

    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("^\\s{0,3}\\[[^\\]]+\\]:\\s+<?([^\\s>]+)>?");
    private static final Pattern HTML_ANCHOR = Pattern.compile("<a\\s+(?:id|name)=\"([^\"]+)\"");
    private static final Pattern INLINE_CODE = Pattern.compile("`+[^`]*`+");
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

    @Test
    void theReadmeHasAtMost200Lines() throws IOException {
        List<String> lines = Files.readAllLines(RepositoryFiles.path("README.md"));

        assertThat(lines.size())
                .as("README.md is the front page: move detail to docs/ and link it")
                .isLessThanOrEqualTo(README_MAX_LINES);
    }

    @Test
    void everyRelativeLinkLeadsToAFileOrHeadingInTheRepository() throws IOException {
        Path root = RepositoryFiles.root().toRealPath();
        List<String> broken = new ArrayList<>();
        for (Path document : documents(root)) {
            for (Link link : links(document)) {
                problem(root, document, link).ifPresent(broken::add);
            }
        }

        assertThat(broken)
                .as("links that lead nowhere or out of the repository")
                .isEmpty();
    }

    @Test
    void aLinkOutOfTheRepositoryOrToAMissingFileOrHeadingIsCaught(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("target.md"), "# A heading: with `code`\n\n## Second one\n");
        Path document = Files.writeString(dir.resolve("doc.md"), """
                [fine](target.md) [fine](target.md#a-heading-with-code) [fine](#local) [web](https://example.org/x)
                [out](../outside.md) [missing](nowhere.md) [no heading](target.md#third-one) `[in code](nowhere.md)`
                <a id="local"></a>
                ```
                [in a fence](nowhere.md)
                ```
                """);

        List<String> problems = new ArrayList<>();
        for (Link link : links(document)) {
            problem(dir.toRealPath(), document, link).ifPresent(problems::add);
        }

        assertThat(problems)
                .hasSize(3)
                .anySatisfy(problem -> assertThat(problem).contains("../outside.md", "outside the repository"))
                .anySatisfy(problem -> assertThat(problem).contains("nowhere.md", "no such file"))
                .anySatisfy(problem -> assertThat(problem).contains("target.md#third-one", "no heading"));
    }

    @Test
    void anchorsAreMadeFromHeadingsAsGitHubMakesThem() {
        assertThat(slug("The sandbox: `./hrm up` and `./hrm demo`")).isEqualTo("the-sandbox-hrm-up-and-hrm-demo");
        assertThat(slug("Flows (each step is an event on a topic)"))
                .isEqualTo("flows-each-step-is-an-event-on-a-topic");
        assertThat(slug("The chain's RPC node: who may call it")).isEqualTo("the-chains-rpc-node-who-may-call-it");
    }

    private record Link(int line, String target) {}

    private static List<Path> documents(Path root) throws IOException {
        List<Path> documents = new ArrayList<>();
        documents.add(root.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(documents::add);
        }
        return documents;
    }

    private static List<Link> links(Path document) throws IOException {
        List<Link> links = new ArrayList<>();
        boolean fenced = false;
        List<String> lines = Files.readAllLines(document);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            String text = INLINE_CODE.matcher(line).replaceAll("");
            Matcher inline = INLINE_LINK.matcher(text);
            while (inline.find()) {
                links.add(new Link(i + 1, inline.group(1)));
            }
            Matcher reference = REFERENCE_LINK.matcher(text);
            if (reference.find()) {
                links.add(new Link(i + 1, reference.group(1)));
            }
        }
        return links;
    }

    private static Optional<String> problem(Path root, Path document, Link link) throws IOException {
        String where = root.relativize(document) + ":" + link.line() + ": " + link.target() + ": ";
        if (SCHEME.matcher(link.target()).find()) {
            return Optional.empty();
        }
        int hash = link.target().indexOf('#');
        String file = hash < 0 ? link.target() : link.target().substring(0, hash);
        String anchor = hash < 0 ? null : link.target().substring(hash + 1);
        Path target =
                file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!target.startsWith(root)) {
            return Optional.of(where + "outside the repository");
        }
        if (!Files.exists(target)) {
            return Optional.of(where + "no such file");
        }
        if (!target.toRealPath().startsWith(root)) {
            return Optional.of(where + "outside the repository");
        }
        if (anchor != null
                && target.toString().endsWith(".md")
                && !anchors(target).contains(anchor)) {
            return Optional.of(where + "no heading or anchor '" + anchor + "' in " + root.relativize(target));
        }
        return Optional.empty();
    }

    /** The anchors GitHub makes for a Markdown file: one per heading (repeats numbered), plus explicit ids. */
    private static Set<String> anchors(Path markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean fenced = false;
        try {
            for (String line : Files.readAllLines(markdown)) {
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                    continue;
                }
                if (fenced) {
                    continue;
                }
                Matcher html = HTML_ANCHOR.matcher(line);
                while (html.find()) {
                    anchors.add(html.group(1));
                }
                if (line.matches("^#{1,6}\\s.*")) {
                    String slug = slug(line.replaceFirst("^#{1,6}\\s+", ""));
                    int count = seen.merge(slug, 1, Integer::sum);
                    anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation but hyphens and underscores dropped, spaces to hyphens. */
    static String slug(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .replace(' ', '-');
    }
}
