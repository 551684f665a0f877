package io.streamrec.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * The build's check on schema changes: every schema the app writes must read the records of every
 * released version (backward: records in topics and changelogs outlive a release) and be readable
 * by the last released version (forward: consumers upgrade after the app). Adding a field with a
 * default passes; removing a field without one, renaming without an alias or changing a type does
 * not. See docs/SCHEMAS.md.
 */
class SchemaCompatibilityTest {
    @Test
    void everySchemaTheAppWritesIsBackwardAndForwardCompatibleWithTheReleasedOnes() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Schema> written : SchemaFiles.written().entrySet()) {
            List<Schema> released = ReleasedSchemas.of(written.getKey());
            for (int v = 0; v < released.size(); v++) {
                boolean last = v == released.size() - 1;
                problems.addAll(incompatibilities(written.getKey(), written.getValue(), released.get(v), last));
            }
        }
        assertThat(problems).as("schema changes that break records already written or consumers not yet upgraded")
                .isEmpty();
    }

    /**
     * Every build on main may ship, and the upgrade check runs this build as the last release: a
     * schema this build writes that no release lists would be unknown to the next one.
     */
    @Test
    void theLastReleaseListsEverySchemaThisBuildWrites() {
        List<String> unreleased = new ArrayList<>();
        for (Map.Entry<String, Schema> written : SchemaFiles.written().entrySet()) {
            List<Schema> released = ReleasedSchemas.of(written.getKey());
            long fingerprint = SchemaNormalization.parsingFingerprint64(written.getValue());
            if (released.isEmpty()
                    || SchemaNormalization.parsingFingerprint64(released.get(released.size() - 1)) != fingerprint) {
                unreleased.add(written.getKey());
            }
        }
        assertThat(unreleased).as("schemas changed since the last release: copy schemas/standalone/ to "
                + "schemas/released/vN+1/ and list it in versions.txt (docs/SCHEMAS.md)").isEmpty();
    }

    @Test
    void aFieldAddedWithoutADefaultIsRefusedNamingTheSchemaAndTheField() {
        Schema released = record("{\"name\": \"user\", \"type\": \"string\"}");
        Schema withDefault = record("{\"name\": \"user\", \"type\": \"string\"},"
                + " {\"name\": \"region\", \"type\": \"string\", \"default\": \"\"}");
        Schema withoutDefault = record("{\"name\": \"user\", \"type\": \"string\"},"
                + " {\"name\": \"region\", \"type\": \"string\"}");

        assertThat(incompatibilities("Probe", withDefault, released, true)).isEmpty();
        assertThat(incompatibilities("Probe", withoutDefault, released, true)).singleElement().asString()
                .contains("Probe", "cannot read records the released schema wrote", "region", "READER_FIELD_MISSING_DEFAULT_VALUE");
    }

    @Test
    void aChangedTypeIsRefusedBothWays() {
        Schema released = record("{\"name\": \"user\", \"type\": \"string\"}");
        Schema changed = record("{\"name\": \"user\", \"type\": \"int\"}");

        assertThat(incompatibilities("Probe", changed, released, true)).hasSize(2)
                .allSatisfy(problem -> assertThat(problem).contains("TYPE_MISMATCH", "/fields/0/type"));
    }

    @Test
    void theReleaseListNamesEveryReleaseFolderAndEachHoldsOnlyStandaloneSchemas() throws IOException {
        try (Stream<Path> folders = Files.list(SchemaFiles.RELEASED)) {
            assertThat(folders.filter(Files::isDirectory).map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(ReleasedSchemas.versions());
        }
        for (String version : ReleasedSchemas.versions()) {
            try (Stream<Path> files = Files.list(SchemaFiles.RELEASED.resolve(version))) {
                for (Path file : files.toList()) {
                    Schema alone = new Schema.Parser().parse(file.toFile());
                    assertThat(alone.getName() + ".avsc").as(file.toString()).isEqualTo(file.getFileName().toString());
                }
            }
        }
    }

    /**
     * Why {@code current} cannot replace {@code released}: records the released schema wrote that
     * the current one cannot read, and, for the last release, records the current one writes that
     * the released one cannot read. Empty when compatible.
     */
    static List<String> incompatibilities(String name, Schema current, Schema released, boolean lastRelease) {
        List<String> problems = new ArrayList<>();
        describe(problems, name + " cannot read records the released schema wrote",
                SchemaCompatibility.checkReaderWriterCompatibility(current, released));
        if (lastRelease) {
            describe(problems, name + " writes records the last released schema cannot read",
                    SchemaCompatibility.checkReaderWriterCompatibility(released, current));
        }
        return problems;
    }

    private static void describe(List<String> problems, String what, SchemaCompatibility.SchemaPairCompatibility pair) {
        if (pair.getType() == SchemaCompatibilityType.INCOMPATIBLE) {
            for (Incompatibility incompatibility : pair.getResult().getIncompatibilities()) {
                problems.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                        + incompatibility.getMessage());
            }
        }
    }

    private static Schema record(String fields) {
        return new Schema.Parser().parse("{\"type\": \"record\", \"name\": \"Probe\", \"fields\": [" + fields + "]}");
    }
}
