package io.streamrec.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.streamrec.config.StreamrecConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/kubernetes, checked offline against the code: the manifests parse and fit together
 * (selectors, Services, volumes, the generated ConfigMap), every probe path is a route of the
 * real HTTP API, every setting is a key streamrec or Kafka knows and the whole configuration
 * validates, every $(VAR) the arguments use is defined, and `kubectl kustomize` renders the
 * directory where kubectl is installed (.ci/run installs it; without an API server, rendering is
 * as far as kubectl goes).
 */
class KubernetesManifestsTest {
    private static final Path DIR = Path.of("deploy", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    private static final Map<String, JsonNode> byKindAndName = new LinkedHashMap<>();
    private static JsonNode statefulSet;
    private static JsonNode container;
    private static List<String> args;

    @BeforeAll
    static void readManifests() throws Exception {
        for (JsonNode resource : YAML.readTree(DIR.resolve("kustomization.yaml").toFile()).get("resources")) {
            try (var parser = YAML.createParser(DIR.resolve(resource.asText()).toFile())) {
                YAML.readValues(parser, JsonNode.class).forEachRemaining(document -> byKindAndName.put(
                        document.get("kind").asText() + "/" + document.at("/metadata/name").asText(), document));
            }
        }
        statefulSet = resource("StatefulSet", "streamrec");
        container = statefulSet.at("/spec/template/spec/containers/0");
        args = texts(container.get("args"));
    }

    @Test
    void theManifestsParseAndTheirSelectorsFindThePods() {
        assertThat(byKindAndName.keySet()).containsExactlyInAnyOrder("StatefulSet/streamrec",
                "Service/streamrec-headless", "Service/streamrec", "PodDisruptionBudget/streamrec");
        JsonNode podLabels = statefulSet.at("/spec/template/metadata/labels");
        assertThat(statefulSet.at("/spec/selector/matchLabels")).isEqualTo(podLabels);
        assertThat(resource("PodDisruptionBudget", "streamrec").at("/spec/selector/matchLabels")).isEqualTo(podLabels);
        for (String service : List.of("streamrec-headless", "streamrec")) {
            assertThat(resource("Service", service).at("/spec/selector")).as(service).isEqualTo(podLabels);
            assertThat(resource("Service", service).at("/spec/ports/0/targetPort").asText())
                    .isEqualTo(container.at("/ports/0/name").asText());
        }
        assertThat(resource("PodDisruptionBudget", "streamrec").at("/spec/maxUnavailable").asInt()).isEqualTo(1);
    }

    @Test
    void eachPodAdvertisesItsStableNameOnTheHeadlessServiceWhichResolvesBeforeItIsReady() {
        JsonNode headless = resource("Service", statefulSet.at("/spec/serviceName").asText());
        assertThat(headless.at("/spec/clusterIP").asText()).isEqualTo("None");
        assertThat(headless.at("/spec/publishNotReadyAddresses").asBoolean())
                .as("relays reach a restoring instance").isTrue();
        String advertised = DeploymentSettings.overrides(args).get(StreamrecConfig.HTTP_ADVERTISED_HOST.name());
        assertThat(advertised).isEqualTo("$(POD_NAME)." + headless.at("/metadata/name").asText() + ".$(POD_NAMESPACE).svc");
        assertThat(env("POD_NAME").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        assertThat(env("POD_NAMESPACE").at("/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
        assertThat(DeploymentSettings.overrides(args).get(StreamrecConfig.HTTP_HOST.name())).isEqualTo("0.0.0.0");
        assertThat(DeploymentSettings.overrides(args).get(StreamrecConfig.HTTP_PORT.name()))
                .isEqualTo(container.at("/ports/0/containerPort").asText());
    }

    @Test
    void everyProbePathIsARouteOfTheHttpApiAndProbesNeedNoToken() throws Exception {
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        List<JsonNode> probes = List.of(container.get("startupProbe"), container.get("livenessProbe"),
                container.get("readinessProbe"));
        try (UnstartedInstance instance = UnstartedInstance.start()) {
            for (JsonNode probe : probes) {
                String path = probe.at("/httpGet/path").asText();
                assertThat(probe.at("/httpGet/port").asText()).isEqualTo(container.at("/ports/0/name").asText());
                // A starting instance: live (200) or not ready yet (503); never unknown or locked.
                assertThat(instance.get(path)).as(path).isIn(200, 503);
            }
            assertThat(instance.get("/health/no-such-probe")).as("the check can fail").isEqualTo(404);
        }
    }

    @Test
    void everySettingIsAKnownKeyAndTheWholeConfigurationValidates() throws Exception {
        String configFile = DeploymentSettings.option(args, "--config");
        Path properties = configMapFile(configFile);
        Properties shared = new Properties();
        try (Reader in = Files.newBufferedReader(properties)) {
            shared.load(in);
        }
        Map<String, String> overrides = DeploymentSettings.overrides(args);
        Set<String> keys = new TreeSet<>(overrides.keySet());
        keys.addAll(shared.stringPropertyNames());
        keys.forEach(key -> assertThat(DeploymentSettings.known(key)).as(key).isTrue());

        Map<String, String> resolved = new LinkedHashMap<>();
        overrides.forEach((key, value) -> resolved.put(key, ENV_REFERENCE.matcher(value)
                .replaceAll(match -> sampleValue(match.group(1)))));
        StreamrecConfig config = StreamrecConfig.load(properties, resolved);
        assertThat(config.get(StreamrecConfig.STATE_DIR)).isEqualTo(mountPath(statefulSet.at(
                "/spec/volumeClaimTemplates/0/metadata/name").asText()));
        assertThat(config.getInt(StreamrecConfig.STANDBY_REPLICAS)).as("warm copies for failover").isPositive();
        assertThat(statefulSet.at("/spec/replicas").asInt())
                .isLessThanOrEqualTo(config.getInt(StreamrecConfig.TOPIC_PARTITIONS));
    }

    @Test
    void everyVariableTheArgumentsUseIsDefinedAndEveryDefinedOneIsUsed() throws Exception {
        Set<String> defined = new TreeSet<>();
        container.get("env").forEach(variable -> defined.add(variable.get("name").asText()));
        Set<String> referenced = new TreeSet<>();
        for (String arg : args) {
            Matcher reference = ENV_REFERENCE.matcher(arg);
            while (reference.find()) {
                referenced.add(reference.group(1));
            }
        }
        assertThat(defined).as("Kubernetes leaves an undefined $(VAR) as it is").containsAll(referenced);
        String dockerfile = DockerImageTest.dockerfile();
        for (String variable : defined) {
            assertThat(referenced.contains(variable) || dockerfile.contains("$" + variable))
                    .as(variable + " is used by the arguments or the image's entry point").isTrue();
        }
        assertThat(env("STREAMREC_HTTP_AUTH_TOKEN").at("/valueFrom/secretKeyRef/name").asText()).isNotEmpty();
        assertThat(DeploymentSettings.overrides(args).get(StreamrecConfig.HTTP_AUTH_TOKEN.name()))
                .isEqualTo("$(STREAMREC_HTTP_AUTH_TOKEN)");
    }

    @Test
    void eachPodHasItsOwnStateVolumeMemoryItCanCountOnAndTimeToCommitOnShutdown() {
        assertThat(statefulSet.at("/spec/volumeClaimTemplates/0/spec/accessModes/0").asText()).isEqualTo("ReadWriteOnce");
        JsonNode resources = container.get("resources");
        assertThat(resources.at("/limits/memory")).as("the heap and RocksDB are fractions of the limit")
                .isEqualTo(resources.at("/requests/memory"));
        assertThat(env("JAVA_OPTS").get("value").asText()).contains("-XX:MaxRAMPercentage=");
        // StreamrecApp.close: each of the two Streams clients may take 30 s, the producer 5 s;
        // the preStop pause comes first.
        int preStop = Integer.parseInt(container.at("/lifecycle/preStop/exec/command/1").asText());
        assertThat(statefulSet.at("/spec/template/spec/terminationGracePeriodSeconds").asInt())
                .isGreaterThanOrEqualTo(preStop + 30 + 30 + 5);
        assertThat(statefulSet.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean()).isTrue();
    }

    @Test
    void kubectlRendersTheKustomizationWithTheGeneratedConfigMapWired() throws Exception {
        assumeTrue(Tools.onPath("kubectl"), "kubectl is not installed");
        Tools.Result rendered = Tools.run("kubectl", "kustomize", DIR.toString());
        assertThat(rendered.exit()).as(rendered.output()).isZero();
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.createParser(rendered.output())) {
            YAML.readValues(parser, JsonNode.class).forEachRemaining(documents::add);
        }
        JsonNode configMap = documents.stream().filter(d -> d.get("kind").asText().equals("ConfigMap")).findFirst()
                .orElseThrow();
        JsonNode rolled = documents.stream().filter(d -> d.get("kind").asText().equals("StatefulSet")).findFirst()
                .orElseThrow();
        assertThat(configMap.at("/metadata/name").asText()).startsWith("streamrec-config-");
        List<String> mounted = new ArrayList<>();
        rolled.at("/spec/template/spec/volumes").forEach(v -> mounted.add(v.at("/configMap/name").asText()));
        assertThat(mounted).as("a changed configuration rolls the pods").contains(configMap.at("/metadata/name").asText());
    }

    /** The file of the kustomization's ConfigMap generator that is mounted where {@code path} lies. */
    private static Path configMapFile(String path) throws Exception {
        Path file = Path.of(path);
        String volume = null;
        for (JsonNode mount : container.get("volumeMounts")) {
            if (file.getParent().equals(Path.of(mount.get("mountPath").asText()))) {
                volume = mount.get("name").asText();
            }
        }
        assertThat(volume).as("a volume is mounted at " + file.getParent()).isNotNull();
        String configMap = null;
        for (JsonNode v : statefulSet.at("/spec/template/spec/volumes")) {
            if (v.get("name").asText().equals(volume)) {
                configMap = v.at("/configMap/name").asText();
            }
        }
        JsonNode generators = YAML.readTree(DIR.resolve("kustomization.yaml").toFile()).get("configMapGenerator");
        for (JsonNode generator : generators) {
            if (generator.get("name").asText().equals(configMap)) {
                List<String> files = texts(generator.get("files"));
                assertThat(files).contains(file.getFileName().toString());
                return DIR.resolve(file.getFileName());
            }
        }
        throw new AssertionError("no ConfigMap generator named " + configMap);
    }

    private static String mountPath(String volume) {
        for (JsonNode mount : container.get("volumeMounts")) {
            if (mount.get("name").asText().equals(volume)) {
                return mount.get("mountPath").asText();
            }
        }
        throw new AssertionError("volume " + volume + " is not mounted");
    }

    /** What Kubernetes would put for $(NAME) in a pod: a name, a namespace or the token. */
    private static String sampleValue(String variable) {
        return switch (variable) {
            case "POD_NAME" -> "streamrec-0";
            case "POD_NAMESPACE" -> "shop";
            default -> "a-secret-of-at-least-sixteen-characters";
        };
    }

    private static JsonNode env(String name) {
        for (JsonNode variable : container.get("env")) {
            if (variable.get("name").asText().equals(name)) {
                return variable;
            }
        }
        throw new AssertionError("no environment variable " + name);
    }

    private static JsonNode resource(String kind, String name) {
        JsonNode resource = byKindAndName.get(kind + "/" + name);
        assertThat(resource).as(kind + "/" + name).isNotNull();
        return resource;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
