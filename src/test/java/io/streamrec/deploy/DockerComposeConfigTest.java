package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml validates with `docker-compose config -q` (Debian's docker-compose works
 * without an engine; skipped where the tool is absent; .ci/run installs it), and the Dockerfile
 * copies only what the repository has.
 */
class DockerComposeConfigTest {
    @Test
    void composeFileValidatesAndNamesTheBrokerTwoInstancesAndTheProducer() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
        Result quiet = run("docker-compose", "-f", "docker-compose.yml", "config", "-q");
        assertThat(quiet.exit()).as(quiet.output()).isZero();
        Result services = run("docker-compose", "-f", "docker-compose.yml", "config", "--services");
        assertThat(services.exit()).as(services.output()).isZero();
        assertThat(services.output().lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList())
                .isEqualTo(List.of("demo-producer", "kafka", "streamrec-1", "streamrec-2"));
    }

    @Test
    void dockerfileCopiesOnlyWhatTheRepositoryHas() throws Exception {
        String dockerfile = Files.readString(Path.of("Dockerfile"));
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            copies++;
            assertThat(Path.of(copy.group(1))).as("COPY source " + copy.group(1)).exists();
        }
        assertThat(copies).isPositive();
        assertThat(dockerfile).contains("ENTRYPOINT [\"java\", \"-XX:MaxTenuringThreshold=1\", \"-jar\", \"/app/streamrec.jar\"]");
    }

    private record Result(int exit, String output) {}

    private static Result run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        return path != null && java.util.Arrays.stream(path.split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }
}
