package io.streamrec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `streamrec broker --data-dir DIR`: a development broker whose topics outlive a restart. */
class BrokerCommandTest {
    private static final Duration START = Duration.ofSeconds(90);
    private static final Pattern BOOTSTRAP = Pattern.compile("bootstrap\\.servers=(\\S+)");

    @Test
    void aBrokerWithADataDirKeepsItsTopicsAcrossARestartAndRefusesAPortInUse(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("kafka");
        String port;
        try (RunningCommand broker = RunningCommand.start("broker", "--port", "0", "--data-dir", data.toString())) {
            String servers = broker.awaitOutput(BOOTSTRAP, START);
            port = servers.substring(servers.lastIndexOf(':') + 1);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                admin.createTopics(List.of(new NewTopic("kept", 2, (short) 1))).all().get();
            }
            RunningCommand taken = RunningCommand.run(START, "broker", "--port", port);
            assertThat(taken.exitCode()).isEqualTo(2);
            assertThat(taken.err()).isEqualTo("error: port " + port + " is in use; choose another with --port "
                    + "(0: any free one)" + System.lineSeparator());
            assertThat(broker.stop()).isZero();
        }
        assertThat(data).as("a --data-dir is kept").isDirectory();

        try (RunningCommand again = RunningCommand.start("broker", "--port", port, "--data-dir", data.toString())) {
            String servers = again.awaitOutput(BOOTSTRAP, START);
            assertThat(servers).isEqualTo("localhost:" + port);
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers))) {
                assertThat(admin.listTopics().names().get()).contains("kept");
            }
            assertThat(again.stop()).isZero();
        }
    }
}
