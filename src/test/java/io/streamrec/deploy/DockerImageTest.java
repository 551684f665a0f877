package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile, read without a Docker engine: it copies only what the repository has, runs as
 * an unprivileged user, sizes memory from the container, and its HEALTHCHECK command, run with
 * bash against the real HTTP API, passes while the instance lives and fails once it needs a restart.
 */
class DockerImageTest {
    static final Path DOCKERFILE = Path.of("Dockerfile");
    static final String HTTP_PORT = "8080";

    @Test
    void dockerfileCopiesOnlyWhatTheRepositoryHas() throws Exception {
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile());
        int copies = 0;
        while (copy.find()) {
            copies++;
            assertThat(Path.of(copy.group(1))).as("COPY source " + copy.group(1)).exists();
        }
        assertThat(copies).isPositive();
    }

    @Test
    void theJvmRunsAsAnUnprivilegedUserWithHeapAndRocksDbSizedFromTheContainer() throws Exception {
        List<String> lines = instructions();
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        assertThat(user).as("the last USER").doesNotContain("root").isNotEqualTo("USER 0");
        assertThat(lines.indexOf(user)).as("USER comes before the entry point")
                .isLessThan(indexOfPrefix(lines, "ENTRYPOINT "));
        assertThat(dockerfile()).contains("-XX:MaxRAMPercentage=").contains("-XX:MaxTenuringThreshold=1")
                .contains("exec java $JAVA_OPTS -jar /app/streamrec.jar")
                .contains("chown streamrec:streamrec /app/state");
        assertThat(lines).contains("EXPOSE " + HTTP_PORT);
    }

    @Test
    void theHealthcheckPassesWhileTheInstanceLivesAndFailsOnceItsStreamsStopped() throws Exception {
        assumeTrue(Tools.onPath("bash"), "bash is not installed");
        List<String> check = healthcheck();
        String command = String.join(" ", check);
        assertThat(command).contains("/dev/tcp/127.0.0.1/" + HTTP_PORT + " ").contains("GET /health/live ");
        try (UnstartedInstance instance = UnstartedInstance.start()) {
            List<String> here = check.stream().map(part -> part.replace("/dev/tcp/127.0.0.1/" + HTTP_PORT + " ",
                    "/dev/tcp/127.0.0.1/" + instance.port() + " ")).toList();
            assertThat(Tools.run(here).exit()).as("healthy while starting").isZero();

            instance.stopStreams();
            assertThat(instance.get("/health/live")).isEqualTo(503);
            assertThat(Tools.run(here).exit()).as("unhealthy once the streams are shut down").isNotZero();
        }
    }

    /** The HEALTHCHECK's exec-form command. */
    static List<String> healthcheck() throws Exception {
        String line = instructions().stream().filter(l -> l.startsWith("HEALTHCHECK ")).findFirst().orElseThrow();
        String json = line.substring(line.indexOf(" CMD ") + 5).strip();
        return new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});
    }

    /** The instructions, continuation lines joined and comments dropped. */
    private static List<String> instructions() throws Exception {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : dockerfile().lines().toList()) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
            } else {
                joined.add(current.append(line).toString().replaceAll("\\s+", " ").strip());
                current.setLength(0);
            }
        }
        return joined;
    }

    private static int indexOfPrefix(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix + "instruction");
    }

    static String dockerfile() throws Exception {
        return Files.readString(DOCKERFILE);
    }
}
