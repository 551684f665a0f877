package io.streamrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamrec.embedded.EmbeddedKafka;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer types, through the real entry point: a broker without Docker, an instance from
 * the sample properties file, demo traffic, and a consumer of the lists; and the mistakes a
 * newcomer makes, each answered in one line with exit code 2.
 */
class NewcomerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern BOOTSTRAP = Pattern.compile("bootstrap\\.servers=(\\S+)");
    private static final Pattern BROKER_DATA = Pattern.compile("data in (\\S+) \\(removed on exit");
    private static final Pattern SERVING = Pattern.compile("streamrec serving (http://\\S+)");

    @Test
    void helpOfANestedCommandIsThatCommandsHelp() throws Exception {
        RunningCommand help = RunningCommand.run(Duration.ofSeconds(30), "help", "bench", "load");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).startsWith("Usage: streamrec bench load").contains("--rate");

        RunningCommand unknown = RunningCommand.run(Duration.ofSeconds(30), "help", "bench", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).startsWith("Unknown subcommand 'bench nope'.");
    }

    @Test
    void aMisspeltSettingStopsRunWithOneLineNamingTheNearestKey() throws Exception {
        RunningCommand run = RunningCommand.run(Duration.ofSeconds(30), "run", "--set", "streamrec.htp.port=9000");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("error: unknown setting streamrec.htp.port (did you mean streamrec.http.port?)"
                + System.lineSeparator());
    }

    @Test
    void runAgainstABrokerThatIsNotThereStopsWithinFifteenSecondsNamingIt() throws Exception {
        String nobody = "localhost:" + EmbeddedKafka.freePorts(1)[0];
        long started = System.nanoTime();
        RunningCommand run = RunningCommand.run(Duration.ofSeconds(60), "run", "--bootstrap-servers", nobody,
                "--http-port", "0", "--set", "state.dir=" + stateDir("unreachable"));
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("error: no Kafka broker answered at " + nobody).contains("bootstrap.servers");
        assertThat(took).isLessThan(Duration.ofSeconds(15));
    }

    /**
     * The README's "run it for real" path: `broker`, `run --config config/streamrec.properties`,
     * `produce-demo`, `consume`; a second instance on the first one's state.dir or HTTP port is
     * refused in one line, and joins with its own; the broker's temporary data folder is gone once
     * it stops.
     */
    @Test
    void aStandaloneBrokerAnInstanceFromTheSamplePropertiesAndAConsumerOfItsLists() throws Exception {
        try (RunningCommand broker = RunningCommand.start("broker", "--port", "0")) {
            String servers = broker.awaitOutput(BOOTSTRAP, START);
            Path brokerData = Path.of(broker.awaitOutput(BROKER_DATA, START));
            String state = stateDir("newcomer").toString();
            RunningCommand tooEarly = RunningCommand.run(START, "produce-demo", "--bootstrap-servers", servers,
                    "--wait-for-topics", "1s");
            assertThat(tooEarly.exitCode()).isEqualTo(2);
            assertThat(tooEarly.err()).endsWith("error: topic items does not exist on " + servers + " after 1 s "
                    + "(`streamrec run` creates streamrec's topics)" + System.lineSeparator());
            // Traffic started before the instance waits for the topics the instance creates.
            try (RunningCommand traffic = RunningCommand.start("produce-demo", "--bootstrap-servers", servers,
                    "--users", "20", "--rate", "100");
                 RunningCommand instance = RunningCommand.start("run", "--config", "config/streamrec.properties",
                         "--bootstrap-servers", servers, "--http-port", "0", "--set", "state.dir=" + state)) {
                String api = instance.awaitOutput(SERVING, START);
                traffic.awaitOutput(Pattern.compile("(publishing demo traffic)"), START);
                assertThat(traffic.err()).startsWith("waiting for topic items, interactions");
                RunningCommand consume = RunningCommand.run(START, "consume", "--bootstrap-servers", servers,
                        "--from-beginning", "--max", "3", "--timeout", "60s");
                assertThat(consume.exitCode()).as(consume.err()).isZero();
                List<String> lines = consume.out().lines().toList();
                assertThat(lines).hasSize(3);
                for (String line : lines) {
                    JsonNode list = JSON.readTree(line);
                    assertThat(list.path("user").asText()).startsWith("demo-user-");
                    assertThat(list.path("personalized").asBoolean()).isTrue();
                    assertThat(list.path("items")).isNotEmpty().allSatisfy(item -> {
                        assertThat(item.path("item").asText()).startsWith("demo-item-");
                        assertThat(item.path("reason").asText()).isNotBlank();
                    });
                    assertThat(list.path("lastEventOffset").isNumber()).isTrue();
                }

                RunningCommand second = RunningCommand.run(START, "run", "--config", "config/streamrec.properties",
                        "--bootstrap-servers", servers, "--http-port", "0", "--set", "state.dir=" + state);
                assertThat(second.exitCode()).isEqualTo(2);
                assertThat(second.err()).startsWith("error: state.dir ").contains(state).contains("in use")
                        .contains("--set state.dir=").hasLineCount(1);
                String port = api.substring(api.lastIndexOf(':') + 1);
                RunningCommand samePort = RunningCommand.run(START, "run", "--config", "config/streamrec.properties",
                        "--bootstrap-servers", servers, "--http-port", port,
                        "--set", "state.dir=" + stateDir("newcomer-2"));
                assertThat(samePort.exitCode()).isEqualTo(2);
                assertThat(samePort.err()).startsWith("error: streamrec.http.port " + port + " on localhost is in use")
                        .contains("--http-port PORT").hasLineCount(1);
                // With a port and a state folder of its own, a second instance joins the first.
                try (RunningCommand another = RunningCommand.start("run", "--config", "config/streamrec.properties",
                        "--bootstrap-servers", servers, "--http-port", "0",
                        "--set", "state.dir=" + stateDir("newcomer-3"))) {
                    another.awaitOutput(SERVING, START);
                    assertThat(another.stop()).isZero();
                }
                assertThat(traffic.stop()).isZero();
                assertThat(instance.stop()).isZero();
            }
            assertThat(brokerData).exists();
            assertThat(broker.stop()).isZero();
            assertThat(brokerData).doesNotExist();
        }
    }

    /** Under target/, which `mvn clean` removes and where Kafka Streams does not warn about /tmp. */
    static Path stateDir(String name) throws java.io.IOException {
        return Files.createDirectories(Path.of("target", "newcomer-state", name + "-" + UUID.randomUUID())
                .toAbsolutePath());
    }
}
