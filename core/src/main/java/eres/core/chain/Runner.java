package eres.core.chain;

import com.fasterxml.jackson.databind.JsonNode;
import eres.core.io.Transforms;
import eres.core.plugin.ExtensionRegistry;
import eres.api.random.Seeds;
import eres.core.spatial.WeightsFactory;
import eres.api.DataException;
import eres.api.EresException;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
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
    private final ExtensionRegistry registry;
    private final Parallelism parallelism;
    private final ProgressReporter progress;

    @Inject
    public Runner(ExtensionRegistry registry, Parallelism parallelism, ProgressReporter progress) {
        this.registry = registry;
        this.parallelism = parallelism;
        this.progress = progress;
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

    @SuppressWarnings("unchecked")
    public RunResult run(Chain chain, ChainSource source, RunOptions options) {
        Path baseDir = source.baseDir();
        Instant started = Instant.now();
        long seed = options.seed() != null ? options.seed() : chain.seed() != null ? chain.seed() : RunOptions.DEFAULT_SEED;

        // 1. bind the transforms and every step first: all problems at once, before any data is read
        List<SpecException.Problem> problems = new ArrayList<>();
        Transforms.Plan transforms = Transforms.bind(chain.transforms(), problems);
        List<Bound> bound = new ArrayList<>();
        for (int i = 0; i < chain.steps().size(); i++) {
            StepSpec s = chain.steps().get(i);
            try {
                Step<Object> step = (Step<Object>) registry.step("steps." + s.id() + ".use", s.use());
                Object params = ParameterBinder.bind("steps." + s.id() + ".with", s.with(), step.parameterType());
                bound.add(new Bound(s, step, params));
            } catch (SpecException e) {
                problems.addAll(e.problems());
            } catch (EresException e) {
                problems.add(new SpecException.Problem("steps." + s.id(), e.getMessage()));
            }
        }
        if (!problems.isEmpty()) throw new SpecException(problems);

        // 2. data and transforms
        Dataset dataset = Datasets.load(chain.data(), baseDir, registry);
        if (options.expectedDataSha256() != null && !options.expectedDataSha256().equals(dataset.sha256())) {
            throw new DataException("the data changed since the original run (" + dataset.source() + ": sha256 "
                    + options.expectedDataSha256() + " then, " + dataset.sha256() + " now); nothing was run");
        }
        Panel panel = transforms.apply(dataset.panel());
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

        // 3. run
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
                StepOutcome o = execute(b, null, panel, stepSeed, dataset, weights, overall, timeout(s, options));
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
                            timeout(s, options));
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
                        + (failed.group() == null ? "" : " for " + s.by() + " " + failed.group()) + " failed: " + failed.error());
            }
            // later steps see each group's result of a per-group step as "id--group" (e.g. a replication table)
            overall.putAll(groupResults);
            groupResults.clear();
            for (Map.Entry<String, double[]> c : newColumns.entrySet()) panel = panel.withColumn(c.getKey(), c.getValue());
        }
        return new RunResult(chain, source, dataset, panel, outcomes, seed, parallelism.threads(), started,
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
     * Runs one step (one group) on its own daemon thread with a time limit, turning every failure
     * into a failed outcome: user errors keep their message, plugin bugs are labelled as such, a step
     * that does not finish in time is abandoned (interrupted) and reported.
     */
    private StepOutcome execute(Bound b, String group, Panel panel, long seed, Dataset dataset,
                                Map<String, SpatialWeights> weights, Map<String, StepResult> previous, int timeoutSeconds) {
        StepSpec s = b.spec();
        long t0 = System.nanoTime();
        StepContextImpl ctx = new StepContextImpl(s.id(), group, panel, seed, parallelism, progress, dataset.geography(),
                weights, previous);
        ExecutorService single = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "eres-step-" + s.id());
            t.setDaemon(true);
            return t;
        });
        Future<StepResult> future = single.submit(() -> b.step().run(b.parameters(), ctx));
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
            future.cancel(true);
            return new StepOutcome(s.id(), s.use(), s.title(), group, null, "timed out after " + timeoutSeconds
                    + " s (set the step's timeout: or --step-timeout)", millis(t0));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new EresException("interrupted while running step '" + s.id() + "'", e);
        } catch (ExecutionException e) {
            return new StepOutcome(s.id(), s.use(), s.title(), group, null, describe(s, e.getCause()), millis(t0));
        } catch (EresException e) {
            return new StepOutcome(s.id(), s.use(), s.title(), group, null, e.getMessage(), millis(t0));
        } finally {
            single.shutdownNow();
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
