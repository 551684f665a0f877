package io.streamrec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package dependencies the architecture promises, read from the sources: every name a
 * package's files use from another package, imported or written out in full. A rule broken
 * names the file and what it uses.
 */
class ArchitectureTest {
    private static final Path SOURCES = Path.of("src/main/java/io/streamrec");
    /** A class or package of ours named in code: {@code io.streamrec.<package>.<Name or sub-package>}. */
    private static final Pattern OURS = Pattern.compile("\\bio\\.streamrec\\.(\\w+)\\.(\\w+)");
    /** What serving may read of the topology: its settings and the names it publishes, never its processors. */
    private static final Set<String> TOPOLOGY_FOR_SERVING = Set.of("TopologySettings", "Topics");

    @Test
    void theProductsAppUsesNoneOfTheDemoBenchEvaluationOrEmbeddedBroker() {
        assertThat(uses("app", (pkg, name) -> Set.of("embedded", "demo", "bench", "evaluation").contains(pkg)))
                .isEmpty();
    }

    @Test
    void servingReadsTheTopologysSettingsAndNamesOnlyNeverItsProcessors() {
        assertThat(uses("serving", (pkg, name) -> pkg.equals("topology") && !TOPOLOGY_FOR_SERVING.contains(name)))
                .isEmpty();
    }

    @Test
    void theStoresPackageKnowsNothingOfServingTheTopologyOrHttp() {
        assertThat(uses("stores", (pkg, name) -> pkg.equals("serving") || pkg.equals("topology"))).isEmpty();
        assertThat(matches("stores", Pattern.compile("\\b(io\\.javalin|java\\.net\\.http)\\.[\\w.]+"))).isEmpty();
    }

    /** What each part of the model may use of the others: only the parts below it, so no cycle forms. */
    private static final Map<String, Set<String>> MODEL_PARTS_BELOW = Map.of(
            "content", Set.of(),
            "index", Set.of("content"),
            "ranker", Set.of(),
            "sequence", Set.of(),
            "learning", Set.of("index", "content"),
            "ranking", Set.of("index", "content", "ranker"),
            "policy", Set.of("index", "content", "ranking"),
            "online", Set.of("index", "content", "learning", "ranker", "ranking", "policy"));

    @Test
    void eachPartOfTheModelUsesOnlyThePartsBelowItAndTheRootUsesNone() {
        Forbidden ofTheRoot = (pkg, name) -> pkg.equals("model") && MODEL_PARTS_BELOW.containsKey(name);
        assertThat(uses(sources("model").stream().filter(f -> f.getParent().equals(SOURCES.resolve("model"))).toList(),
                ofTheRoot)).isEmpty();
        MODEL_PARTS_BELOW.forEach((part, below) -> assertThat(uses("model/" + part, (pkg, name) ->
                pkg.equals("model") && MODEL_PARTS_BELOW.containsKey(name) && !name.equals(part)
                        && !below.contains(name))).as(part).isEmpty());
    }

    @Test
    void theModelKnowsNothingOfKafkaOrOfTheRestOfTheProduct() {
        assertThat(uses("model", (pkg, name) -> !pkg.equals("model"))).isEmpty();
        assertThat(matches("model", Pattern.compile("\\borg\\.apache\\.kafka\\.[\\w.]+"))).isEmpty();
    }

    @Test
    void aFullyQualifiedNameCountsAsMuchAsAnImport() {
        String source = "package io.streamrec.app;\n\nimport io.streamrec.config.StreamrecConfig;\n"
                + "class X { int[] ports = io.streamrec.embedded.EmbeddedKafka.freePorts(2); }\n";
        assertThat(used(source, (pkg, name) -> pkg.equals("embedded")))
                .containsExactly("io.streamrec.embedded.EmbeddedKafka");
        assertThat(used(source, (pkg, name) -> pkg.equals("config")))
                .containsExactly("io.streamrec.config.StreamrecConfig");
    }

    /** Whether a package's sources may not use {@code io.streamrec.<pkg>.<name>}. */
    @FunctionalInterface
    private interface Forbidden {
        boolean test(String pkg, String name);
    }

    /** "file: name" for each forbidden name a file of {@code pkg} (or its sub-packages) uses. */
    private static List<String> uses(String pkg, Forbidden forbidden) {
        return uses(sources(pkg), forbidden);
    }

    private static List<String> uses(List<Path> files, Forbidden forbidden) {
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            used(read(file), forbidden).forEach(name -> found.add(SOURCES.relativize(file) + ": " + name));
        }
        return found;
    }

    private static List<String> matches(String pkg, Pattern pattern) {
        List<String> found = new ArrayList<>();
        for (Path file : sources(pkg)) {
            Matcher m = pattern.matcher(read(file));
            while (m.find()) {
                found.add(SOURCES.relativize(file) + ": " + m.group());
            }
        }
        return found;
    }

    private static List<String> used(String source, Forbidden forbidden) {
        List<String> names = new ArrayList<>();
        String code = source.replaceFirst("(?m)^package [\\w.]+;", "");
        Matcher m = OURS.matcher(code);
        while (m.find()) {
            if (forbidden.test(m.group(1), m.group(2))) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static List<Path> sources(String pkg) {
        Path dir = SOURCES.resolve(pkg);
        assertThat(dir).as("package " + pkg).isDirectory();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(file -> file.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
