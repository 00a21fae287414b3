package eres.app;

import eres.app.cli.DescribeCommand;
import eres.app.cli.PluginsCommand;
import eres.app.cli.RerunCommand;
import eres.app.cli.RunCommand;
import eres.app.cli.SimulateCommand;
import eres.app.cli.VersionProvider;
import eres.api.EresException;
import eres.core.report.Temporaries;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code eres}: regional economic-resilience econometrics from chain files.
 *
 * <p>Exit codes: 0 success; 1 the run finished but a step failed ({@code on-error: continue});
 * 2 a problem with the input (chain, data, parameters) or too little memory, explained on one line; 3 an internal
 * error.
 */
@Command(name = "eres", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Regional economic-resilience econometrics: run analysis chains with plugin estimators.",
        subcommands = {RunCommand.class, RerunCommand.class, SimulateCommand.class, PluginsCommand.class, DescribeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    static {
        // Guice's generated fast classes live in an unnamed module and cannot reach classes of named
        // modules that are not exported to everyone (google/guice#1536); reflection works with 'opens'.
        if (System.getProperty("guice_bytecode_gen_option") == null) System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }

    private static final AtomicBoolean FINISHED = new AtomicBoolean();

    public static void main(String[] args) {
        Runtime.getRuntime().addShutdownHook(new Thread(Main::onInterrupt, "eres-interrupt"));
        int code = execute(args);
        FINISHED.set(true);
        System.exit(code);
    }

    /**
     * The shutdown hook: on Ctrl-C (exit code 130) or SIGTERM (143) before the command finished, aborts
     * every output still being written (its temporaries are deleted, the previous output stays) and says
     * so on one line. {@code kill -9} cannot be caught; its temporaries carry the pid and are removed by
     * the next run in that directory.
     */
    static void onInterrupt() {
        if (FINISHED.get()) return;
        List<Path> written = Temporaries.interrupt();
        System.err.println(written.isEmpty() ? "eres: interrupted; nothing written"
                : "eres: interrupted after writing " + written.get(written.size() - 1));
        System.err.flush();
    }

    /** Runs the command line and returns the exit code (for tests). */
    public static int execute(String... args) {
        return execute(null, null, args);
    }

    /** Runs the command line with the given output and error writers ({@code null}: standard streams). */
    public static int execute(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        try {
            return run(out, err, args);
        } catch (OutOfMemoryError e) {
            // picocli passes Errors through; the heap is free again once the command's objects are gone
            java.io.PrintWriter w = err != null ? err : new java.io.PrintWriter(System.err, true);
            w.println("eres: error: " + eres.core.exec.Memory.outOfMemory(e));
            w.flush();
            return 2;
        }
    }

    private static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Main());
        if (out != null) cl.setOut(out);
        if (err != null) cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (Temporaries.interrupted()) return 130;   // the shutdown hook has said what happened
            if (ex instanceof EresException) {
                cmd.getErr().println("eres: error: " + ex.getMessage());
                return 2;
            }
            cmd.getErr().println("eres: internal error: " + ex);
            if (Boolean.getBoolean("eres.stacktrace") || System.getenv("ERES_STACKTRACE") != null) ex.printStackTrace(cmd.getErr());
            else cmd.getErr().println("(set ERES_STACKTRACE=1 for the stack trace; please report it)");
            return 3;
        });
        cl.setParameterExceptionHandler((ex, a) -> {
            CommandLine c = ex.getCommandLine();
            String hint = "";
            if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
                hint = " (did you mean " + String.join(" or ", u.getSuggestions().subList(0, Math.min(3, u.getSuggestions().size()))) + "?)";
            }
            String msg = String.valueOf(ex.getMessage()).replace("\r", " ").replace('\n', ' ').strip();
            c.getErr().println("eres: error: " + msg + hint + "; see '" + c.getCommandSpec().qualifiedName() + " --help'");
            return 2;
        });
        return cl.execute(args);
    }
}
