package io.streamrec.it;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;
import org.apache.avro.compiler.specific.SpecificCompiler;
import org.apache.avro.generic.GenericData;

/**
 * The next release as a contributor would make it: schemas/*.avsc with one field added, with a
 * default, to each of {@code Interaction}, {@code UserState} and {@code Recommendations}; the
 * record classes generated from them (with the build's own template) and compiled. Put ahead of
 * this build's classes on a class path, they make a streamrec that writes the evolved schemas,
 * the rest of its code unchanged.
 */
final class EvolvedBuild {
    /** The field each evolved record gains, placed last, as schema evolution appends. */
    static final Map<String, String> ADDED = Map.of(
            "Interaction", "{\"name\": \"channel\", \"type\": [\"null\", \"string\"], \"default\": null}",
            "UserState", "{\"name\": \"segment\", \"type\": \"string\", \"default\": \"\"}",
            "Recommendations", "{\"name\": \"experiment\", \"type\": [\"null\", \"string\"], \"default\": null}");

    final Path classes;
    /** The evolved schemas of the three records, by simple name. */
    final Map<String, Schema> schemas;

    private EvolvedBuild(Path classes, Map<String, Schema> schemas) {
        this.classes = classes;
        this.schemas = schemas;
    }

    static EvolvedBuild compile(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("schemas"));
        Path java = Files.createDirectories(dir.resolve("java"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        try (Stream<Path> files = Files.list(Path.of("schemas"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).toList()) {
                ObjectNode schema = (ObjectNode) ItSupport.JSON.readTree(file.toFile());
                String added = ADDED.get(schema.path("name").asText());
                if (added != null) {
                    ((ArrayNode) schema.get("fields")).add(ItSupport.JSON.readTree(added));
                }
                ItSupport.JSON.writeValue(sources.resolve(file.getFileName()).toFile(), schema);
            }
        }
        SchemaParser parser = new SchemaParser();
        List<SchemaParser.ParseResult> parsed = new ArrayList<>();
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.sorted().toList()) {
                parsed.add(parser.parse(file));
            }
        }
        List<Schema> all = new ArrayList<>();
        Map<String, Schema> evolved = new LinkedHashMap<>();
        for (SchemaParser.ParseResult result : parsed) {
            Schema schema = parser.resolve(result);
            all.add(schema);
            if (ADDED.containsKey(schema.getName())) {
                evolved.put(schema.getName(), schema);
            }
        }
        SpecificCompiler compiler = new SpecificCompiler(all);
        compiler.setStringType(GenericData.StringType.String);
        compiler.setTemplateDir(Path.of("src", "main", "avro-templates").toAbsolutePath() + File.separator);
        compiler.compileToDestination(null, java.toFile());

        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-nowarn",
                "-cp", Reliability.Child.testClassPath()));
        try (Stream<Path> files = Files.walk(java)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> arguments.add(f.toString()));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac.run(null, null, null, arguments.toArray(String[]::new)) != 0) {
            throw new AssertionError("the evolved record classes do not compile (see above)");
        }
        return new EvolvedBuild(classes, evolved);
    }

    /** A class path with the evolved record classes ahead of this build's. */
    String classPath() {
        return classes + File.pathSeparator + Reliability.Child.testClassPath();
    }
}
