package io.streamrec.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/** The schema files of the repository, as contributors edit them, and the record types the app writes. */
final class SchemaFiles {
    /** Where the classes are generated from; one named type per file, files may name each other's types. */
    static final Path SOURCES = Path.of("schemas");
    static final Path STANDALONE = SOURCES.resolve("standalone");
    static final Path RELEASED = SOURCES.resolve("released");

    private SchemaFiles() {}

    /** Every record type a serde writes, by simple name, with the schema this build writes it with. */
    static Map<String, Schema> written() {
        Map<String, Schema> written = new LinkedHashMap<>();
        for (Field field : AvroSerdes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == AvroSerde.class) {
                try {
                    Schema schema = ((AvroSerde<?>) field.get(null)).schema();
                    written.put(schema.getName(), schema);
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return written;
    }

    /** The source schemas of {@link #SOURCES}, by simple name, each with the types it names resolved. */
    static Map<String, Schema> sources() {
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> parsed = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                parsed.add(parser.parse(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> sources = new LinkedHashMap<>();
        for (SchemaParser.ParseResult result : parsed) {
            Schema schema = parser.resolve(result);
            sources.put(schema.getName(), schema);
        }
        return sources;
    }

    /** A standalone schema: every named type it uses is defined inline, so it parses alone. */
    static String standalone(Schema schema) {
        return schema.toString(true) + "\n";
    }
}
