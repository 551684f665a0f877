package io.streamrec.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * CPU time spent by the in-process app's own threads (Kafka Streams threads and their clients,
 * all named after the application id). On a shared machine wall-clock throughput swings with the
 * neighbours' load; CPU time per event does much less, so it is the figure to compare changes by.
 */
final class AppCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final String namePart;

    AppCpu(String applicationId) {
        this.namePart = applicationId + "-";
    }

    boolean supported() {
        return threads.isThreadCpuTimeSupported();
    }

    /** Summed CPU nanoseconds of the live app threads; threads that ended are not counted. */
    long nanos() {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(namePart)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
