package io.streamrec.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

/**
 * schemas/standalone/ holds one schema per record type the app writes, each parsing on its own
 * (no reference to another file's type), for clients in any language. They must be exactly the
 * schemas the app writes with. After a change to schemas/*.avsc, rewrite them with
 * {@code mvn -q test -Dtest=StandaloneSchemasTest -Dstreamrec.schemas.write=true}.
 */
class StandaloneSchemasTest {
    private static final String REWRITE = "rewrite them: mvn -q test -Dtest=StandaloneSchemasTest -Dstreamrec.schemas.write=true";

    @Test
    void eachStandaloneSchemaParsesAloneAndIsTheSchemaTheAppWrites() throws IOException {
        Map<String, Schema> sources = SchemaFiles.sources();
        if (Boolean.getBoolean("streamrec.schemas.write")) {
            Files.createDirectories(SchemaFiles.STANDALONE);
            for (String name : SchemaFiles.written().keySet()) {
                Files.writeString(SchemaFiles.STANDALONE.resolve(name + ".avsc"), SchemaFiles.standalone(sources.get(name)));
            }
        }
        for (Map.Entry<String, Schema> written : SchemaFiles.written().entrySet()) {
            Path file = SchemaFiles.STANDALONE.resolve(written.getKey() + ".avsc");
            assertThat(file).as("%s is missing; %s", file, REWRITE).exists();
            Schema alone = new Schema.Parser().parse(file.toFile());

            assertThat(SchemaNormalization.parsingFingerprint64(alone)).as("%s has the fingerprint of the schema the app "
                    + "writes; %s", file, REWRITE).isEqualTo(SchemaNormalization.parsingFingerprint64(written.getValue()));
            assertThat(Files.readString(file, StandardCharsets.UTF_8)).as("%s has the docs and defaults of schemas/%s.avsc; %s",
                    file, written.getKey(), REWRITE).isEqualTo(SchemaFiles.standalone(sources.get(written.getKey())));
        }
    }

    @Test
    void noStandaloneSchemaIsLeftOfARecordTypeTheAppNoLongerWrites() throws IOException {
        try (Stream<Path> files = Files.list(SchemaFiles.STANDALONE)) {
            assertThat(files.map(f -> f.getFileName().toString().replace(".avsc", "")))
                    .containsExactlyInAnyOrderElementsOf(SchemaFiles.written().keySet());
        }
    }
}
