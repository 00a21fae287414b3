package eres.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eres.api.DatasetProvider;
import eres.api.SpecException;
import eres.api.data.ProvidedDataset;
import eres.api.data.RawTable;
import eres.app.wiring.Platform;
import eres.core.chain.ParameterBinder;
import eres.core.report.AtomicFiles;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eres simulate DATASET [--seed N] [--out FILE.csv] [--truth FILE.json] [--force]}: writes a
 * provided dataset (e.g. {@code study}, the SYNTHETIC study panel of the study-china plugin, which is
 * what {@code data: {source: default}} loads) as CSV, and the parameters a simulation planted. Existing
 * files are replaced only with {@code --force}; both files are written all or nothing ({@link AtomicFiles}).
 */
@Command(name = "simulate", description = "Write a provided dataset (e.g. 'study': the SYNTHETIC study panel, a seeded simulation on the real geography) as CSV.")
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DATASET", description = "the dataset, e.g. study (eres plugins lists datasets)")
    String dataset;

    @Option(names = "--seed", paramLabel = "N", description = "data seed of a simulated dataset (default: its own)")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file to write (default: standard output)")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE", description = "also write the planted parameters as JSON")
    Path truth;

    @Option(names = "--force", description = "replace existing files named by --out and --truth")
    boolean force;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<AtomicFiles.Target> files = new ArrayList<>();
        if (out != null) files.add(new AtomicFiles.Target("--out", nonBlank("--out", out), new byte[0]));
        if (truth != null) files.add(new AtomicFiles.Target("--truth", nonBlank("--truth", truth), new byte[0]));
        AtomicFiles.check(files, force);   // before the data are made: nothing is computed for a refused file
        PrintWriter err = spec.commandLine().getErr();
        try (Platform p = new Platform(pluginOptions.pluginsDir(), 1, false)) {
            DatasetProvider<?> provider = p.registry().dataset(dataset).orElseThrow(() -> new SpecException("DATASET",
                    "unknown dataset '" + dataset + "'" + eres.api.Suggestions.hint(dataset, p.registry().datasetNames())
                            + "; datasets: " + String.join(", ", p.registry().datasetNames())));
            ObjectNode options = JsonNodeFactory.instance.objectNode();
            if (seed != null) options.put("seed", seed);
            ProvidedDataset d = load(provider, options);
            String csv = csv(d.table());
            String t = d.attachments().get("truth.json");
            if (truth != null && t == null) throw new SpecException("--truth", "the dataset '" + dataset + "' has no planted parameters");
            files.clear();
            if (out != null) files.add(new AtomicFiles.Target("--out", out, csv.getBytes(StandardCharsets.UTF_8)));
            if (truth != null) files.add(new AtomicFiles.Target("--truth", truth, t.getBytes(StandardCharsets.UTF_8)));
            if (out == null) {
                PrintWriter o = spec.commandLine().getOut();
                o.print(csv);
                o.flush();
            }
            AtomicFiles.write(files, force);
            if (out != null) err.println("eres: wrote " + out + ": " + d.label());
            if (truth != null) err.println("eres: wrote " + truth + ": the planted parameters");
        }
        err.flush();
        return 0;
    }

    private static Path nonBlank(String option, Path p) {
        if (p.toString().isBlank()) throw new SpecException(option, "is empty (an unset shell variable?); give a file name");
        return p;
    }

    private static <P> ProvidedDataset load(DatasetProvider<P> provider, ObjectNode options) {
        return provider.load(ParameterBinder.bind("--seed", options, provider.parameterType()));
    }

    /** The table as CSV (cells with a delimiter, quote or line break are quoted). */
    static String csv(RawTable t) {
        StringBuilder sb = new StringBuilder(String.join(",", t.columns())).append('\n');
        for (String[] r : t.rows()) {
            for (int i = 0; i < r.length; i++) {
                String c = r[i] == null ? "" : r[i];
                if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0) {
                    c = '"' + c.replace("\"", "\"\"") + '"';
                }
                if (i > 0) sb.append(',');
                sb.append(c);
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
