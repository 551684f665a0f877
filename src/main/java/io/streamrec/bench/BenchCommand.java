package io.streamrec.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bench load}, {@code bench lookup} and {@code bench memory}: the end-to-end benchmarks and the footprint, on the embedded broker or a deployment. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end benchmarks: event load with freshness, and HTTP lookups under load.",
        subcommands = {LoadCommand.class, LookupCommand.class, MemoryCommand.class, CommandLine.HelpCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
