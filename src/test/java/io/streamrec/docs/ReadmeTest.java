package io.streamrec.docs;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamrec.config.StreamrecConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration table is the code's, key for key. */
class ReadmeTest {
    static String readme() throws Exception {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void everyConfigurationKeyIsDocumentedWithItsDefault() throws Exception {
        String readme = readme();
        for (StreamrecConfig.Key key : StreamrecConfig.keys()) {
            assertThat(readme).as("README row for " + key.name())
                    .contains("| `" + key.name() + "` | `" + key.defaultValue() + "` | " + key.doc() + " |");
        }
    }
}
