package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streamrec.config.StreamrecConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml validates with `docker-compose config -q` (Debian's docker-compose works
 * without an engine; skipped where the tool is absent; .ci/run installs it), and starts in any
 * order: the instances wait for a healthy broker, restart, keep their state in volumes of their
 * own, and set only keys streamrec or Kafka knows.
 */
class DockerComposeConfigTest {
    private static final Path COMPOSE = Path.of("docker-compose.yml");
    private static final List<String> INSTANCES = List.of("streamrec-1", "streamrec-2");

    @Test
    void composeFileValidatesAndNamesTheBrokerTwoInstancesAndTheProducer() throws Exception {
        assumeTrue(Tools.onPath("docker-compose"), "docker-compose is not installed");
        Tools.Result quiet = Tools.run("docker-compose", "-f", COMPOSE.toString(), "config", "-q");
        assertThat(quiet.exit()).as(quiet.output()).isZero();
        Tools.Result services = Tools.run("docker-compose", "-f", COMPOSE.toString(), "config", "--services");
        assertThat(services.exit()).as(services.output()).isZero();
        assertThat(services.output().lines().map(String::strip).filter(l -> !l.isEmpty()).sorted().toList())
                .isEqualTo(List.of("demo-producer", "kafka", "streamrec-1", "streamrec-2"));
    }

    @Test
    void instancesWaitForAHealthyBrokerRestartAndKeepTheirStateInAVolumeOfTheirOwn() throws Exception {
        JsonNode services = compose().get("services");
        assertThat(services.at("/kafka/healthcheck/test").toString()).contains("kafka-broker-api-versions.sh");
        assertThat(services.at("/kafka/restart").asText()).isEqualTo("unless-stopped");
        List<String> volumes = new ArrayList<>();
        for (String name : INSTANCES) {
            JsonNode instance = services.get(name);
            assertThat(instance.at("/depends_on/kafka/condition").asText()).as(name).isEqualTo("service_healthy");
            assertThat(instance.at("/restart").asText()).as(name).isEqualTo("unless-stopped");
            assertThat(instance.has("healthcheck")).as(name + " keeps the image's liveness check").isFalse();
            String stateDir = DeploymentSettings.overrides(command(instance)).get(StreamrecConfig.STATE_DIR.name());
            String volume = instance.get("volumes").get(0).asText();
            assertThat(volume).as(name + " mounts a named volume at its state.dir").endsWith(":" + stateDir);
            volumes.add(volume.substring(0, volume.indexOf(':')));
        }
        assertThat(volumes).doesNotHaveDuplicates();
        assertThat(compose().get("volumes").fieldNames()).toIterable().containsAll(volumes);
        assertThat(services.at("/demo-producer/healthcheck/disable").asBoolean())
                .as("the producer serves no HTTP: the image's check would fail it").isTrue();
    }

    @Test
    void everySettingTheServicesPassIsOneStreamrecOrKafkaKnows() throws Exception {
        compose().get("services").fields().forEachRemaining(service -> {
            Map<String, String> overrides = DeploymentSettings.overrides(command(service.getValue()));
            overrides.keySet().forEach(key -> assertThat(DeploymentSettings.known(key))
                    .as(service.getKey() + " sets " + key).isTrue());
            if (!overrides.isEmpty()) {
                StreamrecConfig.of(overrides);
            }
        });
    }

    private static List<String> command(JsonNode service) {
        List<String> args = new ArrayList<>();
        service.path("command").forEach(arg -> args.add(arg.asText()));
        return args;
    }

    private static JsonNode compose() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile());
    }
}
