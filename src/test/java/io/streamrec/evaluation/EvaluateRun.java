package io.streamrec.evaluation;

import io.streamrec.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One {@code streamrec evaluate} through the command line the jar runs, with what it printed. */
record EvaluateRun(int exit, String out, String err) {

    static EvaluateRun of(String... args) {
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("evaluate"));
        all.addAll(List.of(args));
        var cli = Main.commandLine();
        cli.setErr(new PrintWriter(err, true));
        // The tables go to System.out, as the jar prints them.
        PrintStream stdout = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            int exit = cli.execute(all.toArray(String[]::new));
            return new EvaluateRun(exit, out.toString(StandardCharsets.UTF_8), err.toString());
        } finally {
            System.setOut(stdout);
        }
    }

    List<String> errLines() {
        return err.lines().toList();
    }
}
