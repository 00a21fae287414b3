package eres.core.chain;

import com.fasterxml.jackson.databind.JsonNode;
import eres.core.geography.GeographyLoader;
import eres.core.geography.GeographySpec;
import eres.core.io.Transforms;
import eres.core.plugin.ExtensionRegistry;
import eres.api.random.Seeds;
import eres.core.spatial.WeightsFactory;
import eres.api.DataException;
import eres.api.EresException;
import com.google.inject.Injector;
import eres.api.CancelledException;
import eres.api.ProgressReporter;
import eres.core.exec.CancelToken;
import eres.core.exec.PoolParallelism;
import eres.core.exec.StepProgress;
import eres.api.SpecException;
import eres.api.Step;
import eres.api.Suggestions;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.result.StepResult;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Executes a chain: loads the data, applies the transforms, binds every step's parameters (all
 * problems reported before anything runs), then runs the steps in order, once on the full sample and
 * once per group for {@code by:} steps, feeding new columns forward. Writing the outputs is
 * {@link eres.core.report.RunWriter}'s job.
 */
public final class Runner {
    /** How long a cancelled step may take to stop before it is abandoned. */
    static final long CANCEL_GRACE_MILLIS = 5_000;

    private final ExtensionRegistry registry;
    private final Injector injector;
    private final ProgressReporter progress;

    /**
     * @param injector the run's injector: each step run gets a child of it ({@link StepServices}) that
     *                 builds extensions with an {@code @Inject} constructor
     * @param progress the run's progress display (each step run reports through a cancellable view)
     */
    @Inject
    public Runner(ExtensionRegistry registry, Injector injector, RunProgress progress) {
        this.registry = registry;
        this.injector = injector;
        this.progress = progress.reporter();
    }

    /** The run-level progress display, bound in the run's injector (steps see a per-step view). */
    public record RunProgress(ProgressReporter reporter) {
    }

    public ExtensionRegistry registry() {
        return registry;
    }

    /** Loads and runs a chain file. */
    public RunResult run(Path chainFile, RunOptions options) {
        ChainSource src = ChainSource.read(chainFile);
        return run(src.parse(), src, options);
    }

    /** A bound step ready to run. */
    private record Bound(eres.core.chain.StepSpec spec, Step<Object> step, Object parameters) {
    }

    /** Everything a run needs before its first step: bound steps, the data after the transforms, the weights. */
    private record Prepared(List<Bound> bound, Dataset dataset, Panel panel, Map<String, SpatialWeights> weights, List<String> warnings) {
    }

    /**
     * What {@code eres validate} reports: the chain checked without estimating (every parameter bound, the
     * data read and joined, the transforms applied, the geography loaded, every weights matrix built,
     * {@code by:} columns found), and the column names of the steps' parameters that are not in the data
     * after the transforms (an earlier step may create them; they are reported, not refused).
     */
    public record Validation(Dataset dataset, Panel panel, Map<String, SpatialWeights> weights, List<String> steps, List<String> warnings,
                             List<String> unknownColumns) {
    }

    /** Checks a chain as far as possible without running a step. */
    public Validation validate(Chain chain, ChainSource source) {
        Prepared p = prepare(chain, source, new RunOptions(null, null, 1, null),
                () -> Datasets.load(chain.data(), source.baseDir(), registry));
        List<String> steps = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        java.util.Set<String> known = new java.util.HashSet<>(p.panel().numericColumns());
        known.addAll(p.panel().textColumns());
        known.add(p.panel().entityName());
        known.add(p.panel().timeName());
        for (Bound b : p.bound()) {
            steps.add(b.spec().id() + " (" + b.spec().use() + ")");
            for (String c : columnsNamed(b.spec().with())) {
                if (!known.contains(c)) {
                    unknown.add("steps." + b.spec().id() + ".with: column '" + c + "' is not in the data after the transforms"
                            + Suggestions.hint(c, known) + " (fine if an earlier step creates it)");
                }
            }
            known.addAll(outputsNamed(b.spec()));
        }
        return new Validation(p.dataset(), p.panel(), p.weights(), steps, p.warnings(), unknown);
    }

    /** Parameters that name columns in every plugin of the study (the check is advisory: see {@link Validation}). */
    private static final java.util.Set<String> COLUMN_PARAMETERS = java.util.Set.of("y", "x", "controls", "endogenous", "instruments",
            "exogenous", "regime", "threshold", "mediators", "mediator", "industries", "national", "cluster", "vars", "lat", "lon",
            "x-coord", "y-coord", "indicators", "absorb");

    private static List<String> columnsNamed(JsonNode with) {
        List<String> out = new ArrayList<>();
        if (with == null || !with.isObject()) return out;
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = with.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!COLUMN_PARAMETERS.contains(e.getKey())) continue;
            JsonNode v = e.getValue();
            if (v.isTextual() && !v.asText().contains("*")) out.add(v.asText());
            if (v.isArray()) for (JsonNode x : v) if (x.isTextual() && !x.asText().contains("*")) out.add(x.asText());
        }
        return out;
    }

    /** Columns a step says it writes ({@code output}, an index name), so later steps may use them. */
    private static List<String> outputsNamed(StepSpec s) {
        List<String> out = new ArrayList<>();
        JsonNode with = s.with();
        if (with != null && with.isObject()) {
            for (String k : List.of("output", "name", "index")) if (with.path(k).isTextual()) out.add(with.get(k).asText());
        }
        out.add(s.use());
        out.add(s.id());
        return out;
    }

    public RunResult run(Chain chain, ChainSource source, RunOptions options) {
        return run(chain, source, options, () -> Datasets.load(chain.data(), source.baseDir(), registry));
    }

    /**
     * As {@link #run(Chain, ChainSource, RunOptions)}, with the data from {@code data} (called once, where
     * the chain's {@code data:} block would be loaded) instead of loading it: a sweep loads each distinct
     * {@code data:} block once for all its specifications, and a Spark executor from the broadcast copy.
     */
    public RunResult run(Chain chain, ChainSource source, RunOptions options, java.util.function.Supplier<Dataset> data) {
        Instant started = Instant.now();
        long seed = options.seed() != null ? options.seed() : chain.seed() != null ? chain.seed() : RunOptions.DEFAULT_SEED;
        Prepared prepared = prepare(chain, source, options, data);
        List<Bound> bound = prepared.bound();
        Dataset dataset = prepared.dataset();
        Panel panel = prepared.panel();
        Map<String, SpatialWeights> weights = prepared.weights();
        List<String> warnings = prepared.warnings();
        return execute(chain, source, options, seed, started, bound, dataset, panel, weights, warnings);
    }

    @SuppressWarnings("unchecked")
    private Prepared prepare(Chain chain, ChainSource source, RunOptions options, java.util.function.Supplier<Dataset> data) {
        Path baseDir = source.baseDir();

        // 1. bind the transforms and every step first: all problems at once, before any data is read
        List<SpecException.Problem> problems = new ArrayList<>();
        Transforms.Plan transforms = Transforms.bind(chain.transforms(), problems);
        GeographySpec geography = null;
        if (chain.geography() != null) {
            try {
                geography = GeographySpec.parse(chain.geography());
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        List<Bound> bound = new ArrayList<>();
        for (int i = 0; i < chain.steps().size(); i++) {
            StepSpec s = chain.steps().get(i);
            try {
                Step<Object> step = (Step<Object>) registry.step("steps." + s.id() + ".use", s.use());
                Object params = ParameterBinder.bind("steps." + s.id() + ".with", s.with(), step.parameterType(), chain.weights().keySet());
                bound.add(new Bound(s, step, params));
            } catch (SpecException e) {
                problems.addAll(e.problems());
            } catch (EresException e) {
                problems.add(new SpecException.Problem("steps." + s.id(), e.getMessage()));
            }
        }
        // the weights: block's own problems join the steps' (what needs no data)
        for (Map.Entry<String, JsonNode> w : chain.weights().entrySet()) problems.addAll(WeightsFactory.problems(w.getKey(), w.getValue()));
        if (!problems.isEmpty()) throw new SpecException(problems);

        // 2. data and transforms
        Dataset dataset = data.get();
        if (options.expectedDataSha256() != null && !options.expectedDataSha256().equals(dataset.sha256())) {
            throw new DataException("the data changed since the original run (" + dataset.source() + ": sha256 "
                    + options.expectedDataSha256() + " then, " + dataset.sha256() + " now); nothing was run");
        }
        List<String> transformNotes = new ArrayList<>();
        Panel panel = transforms.apply(dataset.panel(), transformNotes);
        dataset = dataset.withNotes(transformNotes);
        if (geography != null) {
            List<String> geoNotes = new ArrayList<>();
            dataset = dataset.withGeography(GeographyLoader.load(geography, baseDir, registry, panel, dataset.geography(), geoNotes))
                    .withNotes(geoNotes);
        }
        List<String> warnings = new ArrayList<>();
        for (Bound b : bound) {
            String by = b.spec().by();
            if (by != null && !panel.hasText(by)) {
                throw new SpecException("steps." + b.spec().id() + ".by", "no text column '" + by + "' to group by"
                        + Suggestions.hint(by, panel.textColumns()) + "; text columns: " + panel.textColumns());
            }
            if (by != null) unlabelled(b.spec(), panel).ifPresent(warnings::add);
        }
        Map<String, SpatialWeights> weights = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> w : chain.weights().entrySet()) {
            weights.put(w.getKey(), WeightsFactory.build(w.getKey(), w.getValue(), dataset.geography(), panel.entities(), baseDir));
        }
        return new Prepared(bound, dataset, panel, weights, warnings);
    }

    /** 3. runs the steps in order, once overall and per group, feeding new columns forward. */
    private RunResult execute(Chain chain, ChainSource source, RunOptions options, long seed, Instant started, List<Bound> bound,
                              Dataset dataset, Panel panel, Map<String, SpatialWeights> weights, List<String> warnings) {
        List<StepOutcome> outcomes = new ArrayList<>();
        Map<String, StepResult> overall = new LinkedHashMap<>();
        Map<String, Map<String, StepResult>> byGroup = new HashMap<>();
        Map<String, StepResult> groupResults = new LinkedHashMap<>();
        for (Bound b : bound) {
            StepSpec s = b.spec();
            long stepSeed = Seeds.derive(seed, s.id());
            Map<String, double[]> newColumns = new LinkedHashMap<>();
            boolean stop = false;
            if (s.by() == null || s.overall()) {
                StepOutcome o = execute(b, null, panel, stepSeed, dataset, weights, overall, timeout(s, options), options.threads());
                outcomes.add(o);
                if (o.failed()) {
                    stop = !s.continueOnError();
                } else {
                    overall.put(s.id(), o.result());
                    collectColumns(s, panel, panel, o.result(), newColumns);
                }
            }
            if (!stop && s.by() != null) {
                for (Map.Entry<String, Panel> g : panel.split(s.by()).entrySet()) {
                    Map<String, StepResult> prev = new LinkedHashMap<>(overall);
                    prev.putAll(byGroup.getOrDefault(g.getKey(), Map.of()));
                    StepOutcome o = execute(b, g.getKey(), g.getValue(), Seeds.derive(stepSeed, g.getKey()), dataset, weights, prev,
                            timeout(s, options), options.threads());
                    outcomes.add(o);
                    if (o.failed()) {
                        if (!s.continueOnError()) {
                            stop = true;
                            break;
                        }
                        continue;
                    }
                    byGroup.computeIfAbsent(g.getKey(), k -> new LinkedHashMap<>()).put(s.id(), o.result());
                    groupResults.put(s.id() + "--" + g.getKey(), o.result());
                    if (s.by() != null && !s.overall()) collectColumns(s, panel, g.getValue(), o.result(), newColumns);
                }
            }
            if (stop) {
                StepOutcome failed = outcomes.get(outcomes.size() - 1);
                throw new EresException("step '" + s.id() + "' (" + s.use() + ")"
                        + (failed.group() == null ? "" : " for " + s.by() + " " + failed.group()) + " failed: " + failed.error(),
                        failed.cause());
            }
            // later steps see each group's result of a per-group step as "id--group" (e.g. a replication table)
            overall.putAll(groupResults);
            groupResults.clear();
            for (Map.Entry<String, double[]> c : newColumns.entrySet()) panel = panel.withColumn(c.getKey(), c.getValue());
        }
        return new RunResult(chain, source, dataset, panel, outcomes, seed, options.threads(), started,
                Instant.now(), warnings);
    }

    /**
     * A warning when rows have no label in a step's {@code by:} column: {@link Panel#split} leaves them
     * out of every group run (they still count in {@code overall: true}).
     */
    static java.util.Optional<String> unlabelled(StepSpec s, Panel panel) {
        String[] g = panel.textColumn(s.by());
        int missing = 0;
        int first = -1;
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null || g[i].isEmpty()) {
                if (first < 0) first = i;
                missing++;
            }
        }
        if (missing == 0) return java.util.Optional.empty();
        return java.util.Optional.of("step '" + s.id() + "' (by: " + s.by() + "): " + missing + " row(s) with no " + s.by()
                + " label are left out of the group runs (first: " + panel.entity(first) + ", " + panel.time(first) + ")"
                + (s.overall() ? "; the overall run uses them" : ""));
    }

    private static int timeout(StepSpec s, RunOptions options) {
        return s.timeout() != null ? s.timeout() : options.stepTimeoutSeconds();
    }

    /**
     * Runs one step (one group) on its own daemon thread with its own worker pool and a time limit,
     * turning every failure into a failed outcome: user errors keep their message; anything else is
     * labelled a plugin bug and keeps its stack trace (for {@code run.json} and {@code errors/}). A step
     * that exceeds its limit is cancelled: its context, pool and progress tasks throw
     * {@link CancelledException} from then on, its thread is interrupted, and the runner waits
     * {@link #CANCEL_GRACE_MILLIS} for it to stop before abandoning it.
     */
    private StepOutcome execute(Bound b, String group, Panel panel, long seed, Dataset dataset,
                                Map<String, SpatialWeights> weights, Map<String, StepResult> previous, int timeoutSeconds, int threads) {
        StepSpec s = b.spec();
        long t0 = System.nanoTime();
        CancelToken token = new CancelToken();
        ExecutorService single = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "eres-step-" + s.id());
            t.setDaemon(true);
            return t;
        });
        try (PoolParallelism pool = new PoolParallelism(threads, token)) {
            StepContextImpl ctx = new StepContextImpl(s.id(), group, panel, seed, pool, new StepProgress(progress, token),
                    dataset.geography(), weights, previous, token);
            Future<StepResult> future = single.submit(() -> instance(b.step(), ctx).run(b.parameters(), ctx));
            try {
                StepResult r = future.get(timeoutSeconds, TimeUnit.SECONDS);
                if (r == null) throw new EresException("the extension returned no result");
                for (Map.Entry<String, double[]> c : r.columns().entrySet()) {
                    if (c.getValue().length != panel.rows()) {
                        throw new EresException("new column '" + c.getKey() + "' has " + c.getValue().length + " values for "
                                + panel.rows() + " rows");
                    }
                }
                return new StepOutcome(s.id(), s.use(), s.title(), group, r, null, millis(t0));
            } catch (TimeoutException e) {
                String why = "timed out after " + timeoutSeconds + " s (set the step's timeout: or --step-timeout)";
                token.cancel(why);
                future.cancel(true);
                boolean stopped = awaitStop(single);
                return new StepOutcome(s.id(), s.use(), s.title(), group, null, stopped ? why
                        : why + "; it did not stop within " + CANCEL_GRACE_MILLIS / 1000 + " s of being cancelled (the extension"
                        + " does not call context.checkCancelled()) and was abandoned", millis(t0));
            } catch (InterruptedException e) {
                token.cancel("the run was interrupted");
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new EresException("interrupted while running step '" + s.id() + "'", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                return new StepOutcome(s.id(), s.use(), s.title(), group, null, describe(s, cause), millis(t0), cause);
            } catch (EresException e) {
                return new StepOutcome(s.id(), s.use(), s.title(), group, null, e.getMessage(), millis(t0), e);
            }
        } finally {
            single.shutdownNow();
        }
    }

    /**
     * The extension instance for one step run: a fresh one from the step's child injector when its
     * class has an {@code @Inject} constructor (so it receives this run's services), else the
     * discovered instance.
     */
    @SuppressWarnings("unchecked")
    private Step<Object> instance(Step<Object> discovered, StepContextImpl ctx) {
        if (!injectable(discovered.getClass())) return discovered;
        Injector step = injector.createChildInjector(new StepServices(ctx));
        return (Step<Object>) step.getInstance(discovered.getClass());
    }

    static boolean injectable(Class<?> c) {
        for (java.lang.reflect.Constructor<?> k : c.getDeclaredConstructors()) {
            if (k.isAnnotationPresent(jakarta.inject.Inject.class) || k.isAnnotationPresent(com.google.inject.Inject.class)) return true;
        }
        return false;
    }

    private static boolean awaitStop(ExecutorService single) {
        single.shutdownNow();
        try {
            return single.awaitTermination(CANCEL_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String describe(StepSpec s, Throwable e) {
        if (e instanceof EresException ee) return ee.getMessage();
        if (e instanceof OutOfMemoryError oom) return eres.core.exec.Memory.outOfMemory(oom);
        return "internal error in extension '" + s.use() + "': " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().replace('\n', ' '));
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Scatters a result's new columns (aligned with {@code sub}) into full-panel arrays. */
    private static void collectColumns(StepSpec s, Panel full, Panel sub, StepResult r, Map<String, double[]> into) {
        for (Map.Entry<String, double[]> c : r.columns().entrySet()) {
            String name = c.getKey();
            if (full.hasNumeric(name) || full.hasText(name)) {
                throw new SpecException("steps." + s.id(), "writes column '" + name + "', which already exists; choose another output name");
            }
            double[] target = into.computeIfAbsent(name, k -> {
                double[] a = new double[full.rows()];
                java.util.Arrays.fill(a, Double.NaN);
                return a;
            });
            double[] v = c.getValue();
            for (int i = 0; i < sub.rows(); i++) {
                int row = sub == full ? i : full.rowOf(sub.entity(i), sub.time(i));
                target[row] = v[i];
            }
        }
    }

}
