package io.streamrec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.StreamrecConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The README and the docs it points to say what the code does, and the README stays short. */
class ReadmeTest {
    private static final int README_LIMIT_BYTES = 20_000;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]*)(#[^)\\s]*)?\\)");

    static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void everyConfigurationKeyIsDocumentedWithItsDefault() throws Exception {
        String table = Files.readString(Path.of("docs/CONFIGURATION.md"));
        for (StreamrecConfig.Key key : StreamrecConfig.keys()) {
            assertThat(table).as("docs/CONFIGURATION.md row for " + key.name())
                    .contains("| `" + key.name() + "` | `" + key.defaultValue() + "` | " + key.doc() + " |");
        }
    }

    @Test
    void everyStreamrecKeyTheReadmeNamesExists() throws Exception {
        Set<String> known = StreamrecConfig.keys().stream().map(StreamrecConfig.Key::name).collect(Collectors.toSet());
        Matcher named = Pattern.compile("`(streamrec\\.[a-z.]+[a-z])`").matcher(readme());
        while (named.find()) {
            assertThat(known).as("README names " + named.group(1)).contains(named.group(1));
        }
    }

    @Test
    void theReadmeStaysUnderTwentyKilobytes() throws Exception {
        assertThat(readme().getBytes(StandardCharsets.UTF_8).length).isLessThan(README_LIMIT_BYTES);
    }

    @Test
    void everyContentsEntryLeadsToAHeading() throws Exception {
        String readme = readme();
        Set<String> anchors = readme.lines().filter(line -> line.startsWith("## "))
                .map(line -> anchorOf(line.substring(3))).collect(Collectors.toSet());
        Matcher entry = Pattern.compile("^\\d+\\. \\[[^]]+\\]\\(#([^)]+)\\)$", Pattern.MULTILINE).matcher(readme);
        int entries = 0;
        while (entry.find()) {
            entries++;
            assertThat(anchors).as("contents entry #" + entry.group(1)).contains(entry.group(1));
        }
        assertThat(entries).as("entries in the contents list").isEqualTo(anchors.size() - 1);
    }

    @Test
    void everyRelativeLinkOfTheDocsLeadsToAFile() throws Exception {
        try (Stream<Path> docs = Stream.concat(Stream.of(Path.of("README.md")), Files.list(Path.of("docs")))) {
            for (Path doc : docs.filter(path -> path.toString().endsWith(".md")).toList()) {
                Matcher link = LINK.matcher(Files.readString(doc));
                while (link.find()) {
                    String target = link.group(1);
                    if (!target.isEmpty() && !target.contains("://")) {
                        assertThat(doc.resolveSibling(target)).as(doc + " links to " + target).exists();
                    }
                }
            }
        }
    }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    private static String anchorOf(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }
}
