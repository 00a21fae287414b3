package eres.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import eres.core.chain.ChainLoader;
import eres.core.chain.ParameterBinder;
import eres.core.chain.ReportSpec;
import eres.core.chain.RunResult;
import eres.core.chain.StepOutcome;
import eres.core.chain.Version;
import eres.core.plugin.ExtensionRegistry;
import eres.api.random.Seeds;
import eres.api.svg.Notice;
import eres.api.EresException;
import eres.api.ReportWriter;
import eres.api.result.DataFile;
import eres.api.result.Figure;
import eres.api.result.OutputNames;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import eres.api.result.StepResult;
import eres.api.result.Table;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import eres.api.SpecException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a finished run: {@code results.json} (the contract), {@code run.json} (provenance),
 * figures, side files and every requested report format, into a temporary directory that replaces
 * {@code out} only when everything has been written.
 */
public final class RunWriter {
    private RunWriter() {
    }

    /** What was written. */
    public record Written(Path directory, int tables, int figures, int files, List<String> formats) {
    }

    /** File-name key of a step entry: {@code step} or {@code step--group}, injective ({@link OutputNames#entry}). */
    public static String entryKey(String stepId, String group) {
        return OutputNames.entry(stepId, group);
    }

    /** As {@link #write(RunResult, ExtensionRegistry, Path, List, String)} for a directory given with {@code --out}. */
    public static Written write(RunResult run, ExtensionRegistry registry, Path out, List<String> formatsOverride) {
        return write(run, registry, out, formatsOverride, OutputDirectory.describe(out, true));
    }

    /**
     * Writes the run into {@code out}, replacing a previous eres output there (see {@link OutputDirectory}).
     *
     * @param what how messages name {@code out} (the option that gave it, or that it is the default)
     */
    public static Written write(RunResult run, ExtensionRegistry registry, Path out, List<String> formatsOverride, String what) {
        List<String> formats = formatsOverride != null ? formatsOverride : run.chain().report().formats();
        List<ReportWriter<Object>> writers = new ArrayList<>();
        for (String f : formats) writers.add(cast(registry.writer("report.formats", f)));
        Map<String, JsonNode> writerOptions = run.chain().report().options();
        for (String id : writerOptions.keySet()) registry.writer("report.options", id); // an unknown writer id is an error
        // built before the output directory exists: a table block that cannot be built leaves nothing behind
        List<Table> combined = new TableAssembler(run).tables();
        Map<String, String> stems = plannedStems(run, combined);
        try (OutputDirectory dir = new OutputDirectory(out, what)) {
            stems.forEach(dir::label);
            OutputSink sink = dir.sink();
            byte[] results = Json.mapper().writeValueAsBytes(resultsJson(run));
            sink.write("results.json", results);
            sink.write("run.json", Json.mapper().writeValueAsBytes(runJson(run, registry, formats)));
            sink.writeString(run.source().savedName(), run.source().text());
            int figures = 0;
            int files = 0;
            int tables = 0;
            List<Report.Entry> entries = new ArrayList<>();
            String fileNotice = fileNotice(run);
            Map<String, String> labels = TableAssembler.displayLabels(run);
            eres.api.table.Language language = eres.api.table.Language.parse(run.chain().report().language());
            for (StepOutcome o : run.outcomes()) {
                String key = entryKey(o.stepId(), o.group());
                String trace = o.stackTrace();
                if (trace != null) {
                    sink.writeString(errorFile(o), "step '" + o.stepId() + "' (" + o.use() + ")" + (o.group() == null ? "" : " group " + o.group())
                            + " failed: " + o.error() + "\n\n" + trace);
                }
                List<String> figurePaths = new ArrayList<>();
                List<Figure> stamped = new ArrayList<>();
                StepResult r = o.result();
                if (r != null) {
                    for (Figure f : r.figures()) {
                        Figure g = new Figure(f.id(), f.title(), Notice.stamp(f.svg(), fileNotice), f.caption());
                        String path = "figures/" + key + "-" + f.id() + ".svg";
                        sink.write(path, g.svg().getBytes(StandardCharsets.UTF_8));
                        figurePaths.add(path);
                        stamped.add(g);
                        figures++;
                    }
                    for (DataFile df : r.files()) {
                        sink.write("files/" + key + "-" + df.name(), df.content().getBytes(StandardCharsets.UTF_8));
                        files++;
                    }
                    tables += r.tables().size();
                }
                List<Table> tablesOfStep = new ArrayList<>();
                if (r != null) for (Table t : r.tables()) tablesOfStep.add(Relabel.apply(t, labels, language));
                entries.add(new Report.Entry(o.stepId(), o.use(), o.group(), o.title(), tablesOfStep, stamped, figurePaths,
                        r == null ? List.of() : r.warnings(), o.error()));
            }
            Report report = new Report(title(run), provenance(run, registry), entries, combined, notices(run), fileNotice,
                    run.chain().report().language(), run.chain().report().tablesFirst() && !combined.isEmpty());
            for (ReportWriter<Object> w : writers) {
                JsonNode given = writerOptions.get(w.id());
                Object options = ParameterBinder.bind("report.options." + w.id(),
                        given == null || given.isNull() ? JsonNodeFactory.instance.objectNode() : given, w.parameterType());
                w.write(report, options, sink);
            }
            dir.commit();
            return new Written(dir.target(), tables + combined.size(), figures, files, formats);
        } catch (JsonProcessingException e) {
            throw new EresException("cannot serialise results: " + ChainLoader.class.getSimpleName() + " " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Every table, figure and side-file name the run will produce (without extension), with its display
     * label; two of them meeting in one file name (ignoring letter case) is an error naming both, before
     * anything is written. {@link OutputNames#entry} keeps (step, group) pairs apart; this catches the
     * rest, e.g. step {@code a-b} table {@code c} against step {@code a} table {@code b-c}.
     */
    static Map<String, String> plannedStems(RunResult run, List<Table> combined) {
        Map<String, String> stems = new LinkedHashMap<>();
        Map<String, String> lower = new HashMap<>();
        for (StepOutcome o : run.outcomes()) {
            StepResult r = o.result();
            if (r == null) continue;
            String key = entryKey(o.stepId(), o.group());
            String who = "step '" + o.stepId() + "'" + (o.group() == null ? "" : " group '" + o.group() + "'");
            for (Table t : r.tables()) plan(stems, lower, "tables/" + key + "-" + t.id(), who + " table '" + t.id() + "'");
            for (Figure f : r.figures()) plan(stems, lower, "figures/" + key + "-" + f.id(), who + " figure '" + f.id() + "'");
            for (DataFile df : r.files()) plan(stems, lower, "files/" + key + "-" + df.name(), who + " file '" + df.name() + "'");
        }
        for (Table t : combined) plan(stems, lower, "tables/combined-" + t.id(), "combined table '" + t.id() + "'");
        return stems;
    }

    private static void plan(Map<String, String> stems, Map<String, String> lower, String stem, String label) {
        String prev = lower.putIfAbsent(stem.toLowerCase(Locale.ROOT), stem);
        if (prev != null) {
            throw new SpecException("output", stems.get(prev) + " and " + label + " would both be written to '" + stem
                    + ".*'" + (prev.equals(stem) ? "" : " (names differing only in letter case are one file on Windows and macOS)")
                    + "; rename a step, a group label or a table");
        }
        stems.put(stem, label);
    }

    @SuppressWarnings("unchecked")
    private static ReportWriter<Object> cast(ReportWriter<?> w) {
        return (ReportWriter<Object>) w;
    }

    static String title(RunResult run) {
        String t = run.chain().report().title() != null ? run.chain().report().title()
                : run.chain().title() != null ? run.chain().title() : run.chain().name();
        return run.dataset().synthetic() ? t + " [SYNTHETIC DATA]" : t;
    }

    /** The line every table and figure file carries when the data are synthetic (null otherwise). */
    static String fileNotice(RunResult run) {
        if (!run.dataset().synthetic()) return null;
        return run.chain().report().language().equals("zh") ? "合成数据（SYNTHETIC DATA）：种子模拟的数据，数字不是研究结论。"
                : "SYNTHETIC DATA: numbers from a seeded simulation, not findings.";
    }

    static List<String> notices(RunResult run) {
        List<String> n = new ArrayList<>();
        if (run.dataset().synthetic()) {
            n.add("Synthetic data: " + run.dataset().label() + ". Numbers illustrate the method and test the software; they are not findings about the real world.");
        }
        for (String w : run.warnings()) n.add("Warning: " + w);
        if (run.anyFailed()) n.add("Some steps failed; see their sections.");
        return n;
    }

    /** The {@code results.json} tree of a run (also kept per specification by sweeps with {@code keep: [results]}). */
    public static Map<String, Object> resultsJson(RunResult run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema", eres.api.result.ResultsSchema.ID);
        root.put("chain", run.chain().name());
        root.put("eres", Version.get());
        root.put("seed", run.seed());
        root.put("rng", Seeds.ALGORITHM);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", run.dataset().source());
        data.put("sha256", run.dataset().sha256());
        data.put("synthetic", run.dataset().synthetic());
        data.put("description", run.dataset().label());
        data.put("rows", run.dataset().panel().rows());
        data.put("entities", run.dataset().panel().entityCount());
        data.put("periods", run.dataset().panel().timeCount());
        root.put("data", data);
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepOutcome o : run.outcomes()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", o.stepId());
            s.put("use", o.use());
            s.put("group", o.group());
            s.put("status", o.failed() ? "failed" : "ok");
            if (o.failed()) s.put("error", o.error());
            s.put("result", o.result());
            steps.add(s);
        }
        root.put("steps", steps);
        return root;
    }

    static Map<String, Object> runJson(RunResult run, ExtensionRegistry registry, List<String> formats) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("eres", Version.get());
        Map<String, Object> chain = new LinkedHashMap<>();
        chain.put("name", run.chain().name());
        chain.put("file", run.chainSource());
        chain.put("sha256", run.chainSha256());
        chain.put("baseDir", run.source().baseDir().toAbsolutePath().toString());
        chain.put("saved", run.source().savedName());
        root.put("chain", chain);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("source", run.dataset().source());
        data.put("sha256", run.dataset().sha256());
        data.put("synthetic", run.dataset().synthetic());
        data.put("description", run.dataset().label());
        data.put("notes", run.dataset().notes());
        if (!run.dataset().joins().isEmpty()) data.put("joins", run.dataset().joins());
        if (!run.dataset().labels().isEmpty()) data.put("labels", run.dataset().labels());
        root.put("data", data);
        root.put("seed", run.seed());
        root.put("rng", Seeds.ALGORITHM);
        root.put("threads", run.threads());
        root.put("formats", formats);
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (ExtensionRegistry.PluginInfo p : registry.plugins()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("version", p.version());
            m.put("state", p.state());
            m.put("trust", p.trust());
            m.put("sha256", p.sha256());
            m.put("path", p.path());
            plugins.add(m);
        }
        root.put("plugins", plugins);
        List<Map<String, Object>> ext = new ArrayList<>();
        registry.all().forEach(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", e.id());
            m.put("kind", e.kind().label());
            m.put("plugin", e.pluginId());
            m.put("version", e.pluginVersion());
            ext.add(m);
        });
        root.put("extensions", ext);
        root.put("problems", registry.problems().stream().map(p -> p.message()).toList());
        root.put("java", System.getProperty("java.version"));
        root.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        root.put("started", run.started().toString());
        root.put("finished", run.finished().toString());
        List<Map<String, Object>> steps = new ArrayList<>();
        for (StepOutcome o : run.outcomes()) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("id", o.stepId());
            s.put("use", o.use());
            s.put("group", o.group());
            s.put("status", o.failed() ? "failed" : "ok");
            s.put("millis", o.millis());
            if (o.failed()) s.put("error", o.error());
            String trace = o.stackTrace();
            if (trace != null) {
                s.put("stackTrace", trace);
                s.put("errorFile", errorFile(o));
            }
            steps.add(s);
        }
        root.put("steps", steps);
        root.put("warnings", run.warnings());
        root.put("rerun", "eres rerun <this directory>");
        return root;
    }

    /** Where a plugin bug's stack trace is written: {@code errors/<step>[--<group>].txt}. */
    static String errorFile(StepOutcome o) {
        return "errors/" + entryKey(o.stepId(), o.group()) + ".txt";
    }

    static Map<String, Object> provenance(RunResult run, ExtensionRegistry registry) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("data", run.dataset().label() + (run.dataset().synthetic() ? " (SYNTHETIC)" : ""));
        p.put("data sha256", run.dataset().sha256());
        p.put("chain", run.chainSource() + " (sha256 " + run.chainSha256() + ")");
        p.put("seed", run.seed() + " (" + Seeds.ALGORITHM + ")");
        p.put("eres", Version.get());
        List<String> plugins = new ArrayList<>();
        registry.plugins().forEach(pl -> plugins.add(pl.id() + " " + pl.version()));
        p.put("plugins", String.join(", ", plugins));
        return p;
    }

    static JsonNode empty() {
        return JsonNodeFactory.instance.objectNode();
    }
}
