package io.streamrec.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --set KEY=VALUE}, repeatable: any configuration key, for `run` and `demo` alike. */
final class SettingOverrides {
    @Option(names = "--set", description = "Override one setting, KEY=VALUE (any key of the README's "
            + "configuration table or any Kafka setting); repeatable.")
    List<String> settings = List.of();

    Map<String, String> asMap() {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String setting : settings) {
            int eq = setting.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--set takes KEY=VALUE, got '" + setting + "'");
            }
            overrides.put(setting.substring(0, eq).trim(), setting.substring(eq + 1).trim());
        }
        return overrides;
    }
}
