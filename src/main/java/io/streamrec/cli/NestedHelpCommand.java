package io.streamrec.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.ColorScheme;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code streamrec help [COMMAND [SUBCOMMAND...]]}: the help of the command the whole path names.
 * Picocli's own help command takes a single name, so {@code help bench load} showed {@code bench}'s.
 */
@Command(name = "help", helpCommand = true,
        description = "Show the help of a command; `help bench load` shows that of `bench load`.")
final class NestedHelpCommand implements CommandLine.IHelpCommandInitializable2, Callable<Integer> {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, then its subcommands.")
    List<String> path = List.of();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean helpRequested;

    private CommandLine self;
    private ColorScheme colors;
    private PrintWriter out;

    @Override
    public void init(CommandLine helpCommandLine, ColorScheme colorScheme, PrintWriter out, PrintWriter err) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = out;
    }

    @Override
    public Integer call() {
        CommandLine target = self.getParent();
        for (int i = 0; i < path.size(); i++) {
            CommandLine sub = target.getSubcommands().get(path.get(i));
            if (sub == null) {
                throw new CommandLine.ParameterException(self, "Unknown subcommand '"
                        + String.join(" ", path.subList(0, i + 1)) + "'.");
            }
            target = sub;
        }
        target.usage(out, colors);
        return 0;
    }
}
