package eres.app.cli;

import eres.app.wiring.Platform;
import eres.core.chain.Chain;
import eres.core.chain.ChainSource;
import eres.core.chain.RunOptions;
import eres.core.chain.RunResult;
import eres.core.chain.StepOutcome;
import eres.core.report.OutputDirectory;
import eres.core.report.RunWriter;
import eres.core.report.Temporaries;
import eres.api.result.OutputNames;
import eres.api.table.Formats;
import eres.api.Limits;
import eres.api.SpecException;
import eres.api.result.Coefficient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eres run [CHAIN]}: runs a chain (the built-in study chain when none is given) and writes its outputs. */
@Command(name = "run", description = "Run a chain file; without one, the full study chain on the embedded default data.")
public final class RunCommand implements Callable<Integer> {
    /** The chain run when no file is given (also in examples/study.yaml). */
    public static final String DEFAULT_CHAIN = "/eres-chains/study.yaml";

    @Parameters(arity = "0..1", paramLabel = "CHAIN", description = "chain file (.yaml, .yml or .json)")
    Path chain;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: eres-out/<chain name>)")
    Path out;

    @Option(names = "--seed", paramLabel = "N", description = "master random seed (overrides the chain's)")
    Long seed;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: number of processors)")
    Integer threads;

    @Option(names = "--format", paramLabel = "FMT", split = ",", description = "report formats, overriding the chain's (e.g. markdown)")
    List<String> formats;

    @Option(names = "--step-timeout", paramLabel = "SECONDS", description = "abandon a step (one group run) after this long (default: 3600)")
    Integer stepTimeout;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (n < 1 || n > Limits.MAX_THREADS) throw new SpecException("--threads", "must be 1.." + Limits.MAX_THREADS + ", got " + n);
        ChainSource src = chain == null
                ? new ChainSource("study.yaml", builtinChain(), Path.of(".").toAbsolutePath(), "builtin:study.yaml")
                : ChainSource.read(chain);
        Chain c = src.parse();
        long masterSeed = seed != null ? seed : c.seed() != null ? c.seed() : RunOptions.DEFAULT_SEED;
        int timeout = stepTimeout != null ? stepTimeout : RunOptions.DEFAULT_STEP_TIMEOUT;
        if (timeout < 1) throw new SpecException("--step-timeout", "must be at least 1 second, got " + timeout);
        Path target = outDir(this.out, c);
        RunOptions options = new RunOptions(target, masterSeed, n, formats, timeout);
        return execute(out, src, c, options, pluginOptions.pluginsDir(), formats, OutputDirectory.describe(target, this.out != null));
    }

    /**
     * Runs a parsed chain and writes its outputs; shared with {@code rerun}. The output directory is
     * checked first (and stale temporaries of dead runs swept), so a directory that may not be replaced
     * stops the run before it starts.
     *
     * @param what how messages name the output directory
     */
    static int execute(PrintWriter out, ChainSource src, Chain c, RunOptions options, Path pluginsDir, List<String> formats,
                       String what) {
        Temporaries.sweep(options.out().toAbsolutePath().normalize().getParent());
        OutputDirectory.check(options.out(), what);
        try (Platform p = new Platform(pluginsDir, options.threads(), true, options.seed())) {
            p.registry().requireNoConflicts();
            RunResult result = p.runner().run(c, src, options);
            RunWriter.Written w = RunWriter.write(result, p.registry(), options.out(), formats, what);
            summary(out, result, w);
            return result.anyFailed() ? 1 : 0;
        }
    }

    /**
     * {@code --out}, else {@code eres-out/<chain name>} with the name {@linkplain OutputNames#encode encoded}
     * (injective, never {@code ..} nor a path), so the default always stays inside {@code eres-out/}.
     */
    static Path outDir(Path given, Chain c) {
        if (given != null) {
            if (given.toString().isBlank()) throw new SpecException("--out", "is empty (an unset shell variable?); give a directory");
            return given;
        }
        return Path.of("eres-out", OutputNames.encode(c.name()));
    }

    static String builtinChain() {
        try (InputStream in = RunCommand.class.getResourceAsStream(DEFAULT_CHAIN)) {
            if (in == null) throw new IllegalStateException("built-in chain missing");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void summary(PrintWriter out, RunResult r, RunWriter.Written w) {
        out.println("eres: chain '" + r.chain().name() + "', data: " + r.dataset().label()
                + (r.dataset().synthetic() ? " [SYNTHETIC]" : "") + ", seed " + r.seed() + ", " + r.threads() + " thread(s)");
        for (String note : r.dataset().notes()) if (note.startsWith("notice: ")) out.println("  data " + note);
        for (StepOutcome o : r.outcomes()) {
            String id = o.group() == null ? o.stepId() : o.stepId() + " [" + o.group() + "]";
            String detail;
            if (o.failed()) {
                detail = "FAILED: " + o.error();
            } else if (!o.result().coefficients().isEmpty()) {
                Coefficient c = o.result().coefficients().get(0);
                detail = c.term() + " = " + Formats.estimate(c.estimate(), c.pValue(), 4) + " (" + Formats.number(c.stdError(), 4) + ")";
                Object nobs = o.result().statistics().get("nobs");
                if (nobs != null) detail += ", n = " + nobs;
            } else {
                detail = o.result().tables().size() + " table(s)";
            }
            out.printf(Locale.ROOT, "  %-28s %-16s %6.1f s  %s%n", id, o.use(), o.millis() / 1000.0, detail);
        }
        for (String warning : r.warnings()) out.println("  warning: " + warning);
        out.println("wrote " + w.directory() + ": results.json, run.json, " + w.tables() + " table(s), " + w.figures()
                + " figure(s), formats " + w.formats());
        out.flush();
    }
}
