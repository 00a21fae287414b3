package eres.core.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eres.api.EresException;
import eres.api.ReportWriter;
import eres.api.SpecException;
import eres.api.TableWriter;
import eres.api.random.Seeds;
import eres.api.result.Figure;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.Table;
import eres.api.table.DataTable;
import eres.core.chain.Datasets;
import eres.core.chain.ParameterBinder;
import eres.core.chain.Version;
import eres.core.plugin.ExtensionRegistry;
import eres.core.report.Json;
import eres.core.report.OutputDirectory;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Runs a sweep into an output directory: opens the journal (resuming an interrupted run of the same
 * sweep), runs the first specification alone and checks that every collected path resolves in it,
 * lets the engine run the rest, and writes the table ({@code sweep.csv}, {@code sweep.parquet}), the
 * specification curve, the Monte Carlo summary, {@code run.json}, the chain and the report, all
 * through {@link OutputDirectory} (temporary directory, manifest, atomic replace). The journal is
 * deleted once the output is in place.
 */
public final class SweepRun {
    private SweepRun() {
    }

    /** What a finished sweep wrote. */
    public record Outcome(Path directory, int specifications, int failed, int resumed, double seconds, List<String> files,
                          Map<String, Integer> errors, String median) {
    }

    /**
     * @param local   runs the first specification (the collect check) in this JVM
     * @param err     progress and notices ({@code null}: none)
     * @param formats report formats ({@code null}: the chain's)
     */
    public static Outcome run(SweepPlan plan, SweepJob job, SpecExecutor local, SweepEngine engine, ExtensionRegistry registry,
                              Path target, String what, List<String> formats, PrintStream err, boolean terminal) {
        Instant started = Instant.now();
        List<String> formatIds = formats != null ? formats : plan.source().parse().report().formats();
        for (String f : formatIds) registry.writer("report.formats", f);   // unknown formats fail before anything runs
        OutputDirectory.check(target, what);
        Map<Long, SweepRow> rows = new TreeMap<>();
        int resumed;
        try (Journal journal = Journal.open(Journal.fileFor(target), plan.key(dataKey(plan)), plan)) {
            rows.putAll(journal.completed());
            resumed = rows.size();
            if (err != null && journal.resumed()) {
                err.println("sweep: resuming: " + resumed + " of " + plan.numbers().size() + " specifications were finished by an earlier, unfinished run of this sweep ("
                        + journal.file() + ")");
            }
            List<Long> todo = new ArrayList<>();
            for (Long n : plan.numbers()) if (!rows.containsKey(n)) todo.add(n);
            SweepProgress progress = new SweepProgress(plan.numbers().size(), resumed, err, terminal);
            if (resumed == 0 && !todo.isEmpty()) {
                SweepRow first = local.run(todo.get(0));
                checkCollected(plan, first);
                journal.append(first);
                progress.finished(first);
                rows.put(first.spec(), first);
                todo = todo.subList(1, todo.size());
            }
            for (SweepRow r : engine.run(job, plan, todo, journal, progress)) rows.put(r.spec(), r);
            progress.close();
            List<SweepRow> all = new ArrayList<>(rows.values());
            Outcome o = write(plan, job, engine, registry, target, what, formatIds, all, resumed, started);
            journal.delete();
            return o;
        } catch (SpecException e) {
            // the sweep as written cannot run: nothing to resume (a corrected chain is another sweep), nothing left behind
            deleteQuietly(Journal.fileFor(target));
            throw e;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // replaced by the next run's journal
        }
    }

    /** The data behind the journal key: the base chain's data file's SHA-256 when it is a file. */
    static String dataKey(SweepPlan plan) {
        String src = plan.source().parse().data() == null ? "" : plan.source().parse().data().source();
        Path file = plan.source().baseDir().resolve(src).normalize();
        return src + (Files.isRegularFile(file) ? " " + Datasets.sha256(file) : "");
    }

    /** Every collected path must resolve in the first specification when it succeeds (typos fail fast). */
    static void checkCollected(SweepPlan plan, SweepRow first) {
        if (!first.ok() || first.missing().isEmpty()) return;
        String m = first.missing().get(0);
        String name = m.substring(0, m.indexOf(':'));
        throw new SpecException("sweep.collect." + name, "'" + plan.spec().collect().get(name) + "' does not resolve in specification "
                + first.spec() + " (" + plan.coordinatesText(first.spec()) + "):" + m.substring(m.indexOf(':') + 1) + "; nothing was written");
    }

    private static Outcome write(SweepPlan plan, SweepJob job, SweepEngine engine, ExtensionRegistry registry, Path target, String what,
                                 List<String> formatIds, List<SweepRow> rows, int resumed, Instant started) {
        DataTable table = SweepTable.of(plan, rows);
        List<String> files = new ArrayList<>();
        try (OutputDirectory dir = new OutputDirectory(target, what)) {
            OutputSink sink = dir.sink();
            sink.write("sweep.csv", SweepTable.csv(table));
            files.add("sweep.csv");
            Optional<byte[]> pq = engine.parquet(table);
            if (pq.isEmpty()) pq = parquet(registry, table);
            if (pq.isPresent()) {
                sink.write("sweep.parquet", pq.get());
                files.add("sweep.parquet");
            }
            List<Table> tables = new ArrayList<>(SweepSummary.tables(plan, table));
            List<Figure> figures = new ArrayList<>();
            List<String> figurePaths = new ArrayList<>();
            SweepSpec.Curve curve = plan.spec().curve();
            if (curve != null) {
                String svg = SpecificationCurve.svg(plan, table, curve, "Specification curve: " + curve.estimate() + " over "
                        + plan.numbers().size() + " specifications");
                if (svg != null) {
                    figures.add(new Figure("specification-curve", "Specification curve", svg,
                            "Estimates sorted by size with 95% intervals (top) and the choices of each specification (bottom);"
                                    + " Simonsohn, Simmons & Nelson (2020)."));
                    figurePaths.add("figures/specification-curve.svg");
                    sink.write("figures/specification-curve.svg", svg.getBytes(StandardCharsets.UTF_8));
                    files.add("figures/specification-curve.svg");
                }
            }
            if (plan.spec().monteCarlo() != null) {
                List<MonteCarloSummary.Line> lines = MonteCarloSummary.lines(plan, table);
                sink.write("monte-carlo.csv", SweepTable.csv(MonteCarloSummary.table(lines)));
                files.add("monte-carlo.csv");
                tables.add(MonteCarloSummary.reportTable(lines, plan.spec().monteCarlo().level()));
                String svg = MonteCarloSummary.svg(lines, plan.spec().monteCarlo().level());
                figures.add(new Figure("monte-carlo-coverage", "Monte Carlo coverage", svg, "Coverage by setting and quantity."));
                figurePaths.add("figures/monte-carlo-coverage.svg");
                sink.write("figures/monte-carlo-coverage.svg", svg.getBytes(StandardCharsets.UTF_8));
            }
            sink.writeString(plan.source().savedName(), plan.source().text());
            int keptRows = 0;
            for (SweepRow r : rows) {
                for (Map.Entry<String, byte[]> k : r.kept().entrySet()) sink.write("specs/" + r.spec() + "/" + k.getKey(), k.getValue());
                if (!r.kept().isEmpty()) keptRows++;
            }
            if (keptRows > 0) files.add("specs/N/ (" + keptRows + ")");
            int failed = 0;
            Map<String, Integer> errors = new LinkedHashMap<>();
            for (SweepRow r : rows) {
                if (!r.ok()) {
                    failed++;
                    errors.merge(r.error() == null ? "failed" : r.error(), 1, Integer::sum);
                }
            }
            double seconds = java.time.Duration.between(started, Instant.now()).toMillis() / 1000.0;
            Map<String, Object> runJson = runJson(plan, job, engine, registry, rows.size(), failed, resumed, started);
            boolean anySynthetic = rows.stream().anyMatch(r -> r.syntheticData() != null);
            runJson.put("data", Map.of("synthetic", anySynthetic));
            sink.write("run.json", Json.mapper().writeValueAsBytes(runJson));
            List<String> notices = new ArrayList<>();
            String synthetic = null;
            for (SweepRow r : rows) if (synthetic == null && r.syntheticData() != null) synthetic = r.syntheticData();
            if (synthetic != null) {
                notices.add("Synthetic data: " + synthetic + (plan.spec().dimensions().size() > 0 ? " (or another draw of it, by data seed)" : "")
                        + ". Numbers illustrate the method and test the software; they are not findings about China.");
            }
            notices.add("A specification sweep: " + plan.numbers().size() + " specifications of a grid of " + plan.gridSize() + " ("
                    + (plan.gridSize() - plan.numbers().size()) + " excluded); one row each in sweep.csv" + (files.contains("sweep.parquet")
                    ? " and sweep.parquet" : "") + ". Any row runs alone with: eres run " + plan.source().origin() + " --spec N.");
            if (failed > 0) notices.add("Warning: " + failed + " specification(s) failed; see the status and error columns of sweep.csv.");
            String title = plan.source().parse().title() != null ? plan.source().parse().title() : plan.source().parse().name();
            Report report = new Report(title + " (specification sweep)" + (synthetic != null ? " [SYNTHETIC DATA]" : ""), provenance(plan, engine),
                    List.of(new Report.Entry("sweep", "sweep", null, "Specification sweep", tables, figures, figurePaths, List.of(), null)),
                    List.of(), notices);
            Map<String, JsonNode> options = plan.source().parse().report().options();
            for (String id : formatIds) {
                @SuppressWarnings("unchecked")
                ReportWriter<Object> w = (ReportWriter<Object>) registry.writer("report.formats", id);
                JsonNode given = options.get(id);
                Object o = ParameterBinder.bind("report.options." + id, given == null || given.isNull() ? JsonNodeFactory.instance.objectNode() : given,
                        w.parameterType());
                w.write(report, o, sink);
            }
            dir.commit();
            List<Object> est = plan.spec().curve() == null ? null : SweepTable.column(table, plan.spec().curve().estimate());
            return new Outcome(dir.target(), rows.size(), failed, resumed, seconds, files, errors, median(est, SweepTable.column(table, "status")));
        } catch (JsonProcessingException e) {
            throw new EresException("cannot write run.json: " + e.getOriginalMessage(), e);
        }
    }

    private static String median(List<Object> est, List<Object> status) {
        if (est == null) return null;
        List<Double> v = new ArrayList<>();
        for (int i = 0; i < est.size(); i++) if ("ok".equals(status.get(i)) && est.get(i) instanceof Number n) v.add(n.doubleValue());
        if (v.isEmpty()) return null;
        v.sort(Double::compare);
        return String.format(java.util.Locale.ROOT, "%.4g (min %.4g, max %.4g)", v.get(v.size() / 2), v.get(0), v.get(v.size() - 1));
    }

    /** The table as Parquet through the {@code parquet} table writer, if installed. */
    @SuppressWarnings("unchecked")
    static Optional<byte[]> parquet(ExtensionRegistry registry, DataTable table) {
        Optional<TableWriter<?>> w = registry.tableWriter("parquet");
        if (w.isEmpty()) return Optional.empty();
        TableWriter<Object> tw = (TableWriter<Object>) w.get();
        Object options = ParameterBinder.bind("parquet", JsonNodeFactory.instance.objectNode(), tw.parameterType());
        byte[][] out = new byte[1][];
        tw.write(table, options, (path, content) -> out[0] = content, "sweep.parquet");
        return Optional.ofNullable(out[0]);
    }

    static Map<String, Object> provenance(SweepPlan plan, SweepEngine engine) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("chain", plan.source().origin() + " (sha256 " + plan.source().sha256() + ")");
        p.put("master seed", plan.masterSeed() + " (" + Seeds.ALGORITHM + "; specification n: derive(master, \"sweep/\" + coordinates))");
        p.put("specifications", plan.numbers().size() + " of a grid of " + plan.gridSize());
        p.put("engine", engine.id());
        p.put("eres", Version.get());
        return p;
    }

    static Map<String, Object> runJson(SweepPlan plan, SweepJob job, SweepEngine engine, ExtensionRegistry registry, int rows, int failed,
                                       int resumed, Instant started) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("eres", Version.get());
        root.put("kind", "sweep");
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("name", plan.source().parse().name());
        chain.put("file", plan.source().origin());
        chain.put("sha256", plan.source().sha256());
        chain.put("baseDir", plan.source().baseDir().toAbsolutePath().toString());
        chain.put("saved", plan.source().savedName());
        root.put("chain", chain);
        root.put("seed", plan.masterSeed());
        root.put("rng", Seeds.ALGORITHM);
        Map<String, Object> sweep = new LinkedHashMap<>();
        sweep.put("grid", plan.gridSize());
        sweep.put("specifications", rows);
        sweep.put("excluded", plan.gridSize() - plan.numbers().size());
        sweep.put("failed", failed);
        sweep.put("resumed", resumed);
        sweep.put("seeds", plan.spec().commonSeed() ? "common" : "per-specification");
        List<Map<String, Object>> dims = new ArrayList<>();
        for (SweepSpec.Dimension d : plan.spec().dimensions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.name());
            m.put("labels", d.labels());
            dims.add(m);
        }
        sweep.put("dimensions", dims);
        sweep.put("collect", plan.spec().collect());
        root.put("sweep", sweep);
        root.put("engine", engine.id());
        if (job.master() != null) root.put("master", job.master());
        root.put("threads", job.threads());
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (ExtensionRegistry.PluginInfo p : registry.plugins()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("sha256", p.sha256());
            plugins.add(m);
        }
        root.put("plugins", plugins);
        root.put("java", System.getProperty("java.version"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        root.put("rerun", "eres run " + plan.source().origin() + " --spec N runs row N alone");
        return root;
    }
}
