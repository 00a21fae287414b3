package eres.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eres.api.DatasetProvider;
import eres.api.EresException;
import eres.api.SpecException;
import eres.api.data.ProvidedDataset;
import eres.api.data.RawTable;
import eres.app.wiring.Platform;
import eres.core.chain.ParameterBinder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eres simulate DATASET [--seed N] [--out FILE.csv] [--truth FILE.json]}: writes a provided
 * dataset (e.g. {@code study}, the SYNTHETIC study panel of the study-china plugin, which is what
 * {@code data: {source: default}} loads) as CSV, and the parameters a simulation planted.
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

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try (Platform p = new Platform(pluginOptions.pluginsDir(), 1, false)) {
            DatasetProvider<?> provider = p.registry().dataset(dataset).orElseThrow(() -> new SpecException("DATASET",
                    "unknown dataset '" + dataset + "'" + eres.api.Suggestions.hint(dataset, p.registry().datasetNames())
                            + "; datasets: " + String.join(", ", p.registry().datasetNames())));
            ObjectNode options = JsonNodeFactory.instance.objectNode();
            if (seed != null) options.put("seed", seed);
            ProvidedDataset d = load(provider, options);
            String csv = csv(d.table());
            if (out == null) {
                PrintWriter o = spec.commandLine().getOut();
                o.print(csv);
                o.flush();
            } else {
                write(out, csv);
                err.println("eres: wrote " + out + ": " + d.label());
            }
            if (truth != null) {
                String t = d.attachments().get("truth.json");
                if (t == null) throw new SpecException("--truth", "the dataset '" + dataset + "' has no planted parameters");
                write(truth, t);
                err.println("eres: wrote " + truth + ": the planted parameters");
            }
        } catch (IOException e) {
            throw new EresException("cannot write: " + e.getMessage(), e);
        }
        err.flush();
        return 0;
    }

    private static <P> ProvidedDataset load(DatasetProvider<P> provider, ObjectNode options) {
        return provider.load(ParameterBinder.bind("--seed", options, provider.parameterType()));
    }

    /** The table as CSV (the provided cells contain no delimiter, quote or line break; checked). */
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

    private static void write(Path file, String text) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
