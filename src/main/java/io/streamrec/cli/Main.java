package io.streamrec.cli;

import io.streamrec.bench.BenchCommand;
import io.streamrec.evaluation.EvaluateCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar target/streamrec.jar <command>}: see {@code --help} of each command. */
@Command(name = "streamrec", mixinStandardHelpOptions = true, version = "streamrec 0.1.0",
        description = "Real-time streaming recommender on Kafka Streams.",
        subcommands = {DemoCommand.class, RunCommand.class, BrokerCommand.class, ConsumeCommand.class,
                ProduceDemoCommand.class, EvaluateCommand.class,
                BenchCommand.class, NestedHelpCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            // Configuration mistakes are the user's to fix: say what is wrong, without a stack trace.
            if (e instanceof IllegalArgumentException) {
                command.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }
}
