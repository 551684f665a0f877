package io.streamrec.events;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Every schema a release has shipped, as {@code schemas/released/} holds them and the jar carries
 * them: one folder per release ({@code v1}, {@code v2}, ...) listed oldest first in
 * {@code versions.txt}, each holding one standalone schema per record type it wrote
 * ({@code Interaction.avsc}, ...). Records those releases wrote stay in topics and changelogs
 * after an upgrade; decoders resolve them with these.
 */
public final class ReleasedSchemas {
    private static final String ROOT = "/schemas/released/";

    private ReleasedSchemas() {}

    /** The release folders, oldest first. */
    public static List<String> versions() {
        try (InputStream in = resource(ROOT + "versions.txt")) {
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every released schema of the record type {@code name} (e.g. "Interaction"), oldest first; none if never released. */
    public static List<Schema> of(String name) {
        List<Schema> schemas = new ArrayList<>();
        for (String version : versions()) {
            try (InputStream in = ReleasedSchemas.class.getResourceAsStream(ROOT + version + "/" + name + ".avsc")) {
                if (in != null) {
                    schemas.add(new Schema.Parser().parse(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the " + version + " schema of " + name, e);
            }
        }
        return schemas;
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = ReleasedSchemas.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is not on the classpath: the build copies schemas/released/ there");
        }
        return in;
    }
}
