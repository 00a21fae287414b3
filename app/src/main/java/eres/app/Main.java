package eres.app;

import eres.app.cli.DescribeCommand;
import eres.app.cli.PluginsCommand;
import eres.app.cli.RerunCommand;
import eres.app.cli.RunCommand;
import eres.app.cli.SimulateCommand;
import eres.app.cli.VersionProvider;
import eres.api.EresException;
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

    public static void main(String[] args) {
        System.exit(execute(args));
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
            ex.getCommandLine().getErr().println("eres: error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("(see 'eres " + ex.getCommandLine().getCommandName() + " --help')");
            return 2;
        });
        return cl.execute(args);
    }
}
