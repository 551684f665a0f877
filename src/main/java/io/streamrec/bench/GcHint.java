package io.streamrec.bench;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.stream.Collectors;

/**
 * The line {@code bench lookup} prints about the collector it runs under: the lookups' p99 is
 * set by young-generation pauses, and with G1's default tenuring each pause copies every
 * survivor up to 15 times (BENCHMARKS.md section 5), so the flag the README's run commands use
 * is named when it is missing.
 */
final class GcHint {
    static final String FLAG = "-XX:MaxTenuringThreshold=1";

    private GcHint() {}

    static String line() {
        String collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(GarbageCollectorMXBean::getName).collect(Collectors.joining(", "));
        String threshold = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                .getVMOption("MaxTenuringThreshold").getValue();
        String line = "jvm: " + collectors + ", MaxTenuringThreshold=" + threshold;
        if (collectors.startsWith("G1") && !"1".equals(threshold)) {
            line += " (hint: run with " + FLAG + " as the README does; young pauses then copy only what survived"
                    + " one collection, not every survivor up to 15 times)";
        }
        return line;
    }
}
