package eres.app.cli;

import eres.app.wiring.Platform;
import eres.api.data.Panel;
import eres.api.data.SpatialWeights;
import eres.api.spatial.Weights;
import eres.api.spatial.WeightsSummary;
import eres.core.chain.Chain;
import eres.core.chain.ChainSource;
import eres.core.chain.Runner;
import eres.core.io.PanelJoin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eres validate CHAIN}: everything that can be checked without estimating: the chain file, every
 * step's parameters, the data (read, reshaped, joined), the transforms, the geography, every weights
 * matrix and the {@code by:} columns. A problem is one line and exit code 2, as for {@code run}; a valid
 * chain prints what it would run on and exits 0. Nothing is written.
 */
@Command(name = "validate", description = "Check a chain without estimating: parameters, data, joins, transforms, geography, weights.")
public final class ValidateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "CHAIN", description = "chain file (.yaml, .yml or .json)")
    Path chain;

    @Mixin
    PluginOptions pluginOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ChainSource src = ChainSource.read(chain);
        Chain c = src.parse();
        try (Platform p = new Platform(pluginOptions.pluginsDir(), 1, false)) {
            Runner.Validation v = p.runner().validate(c, src);
            Panel panel = v.panel();
            out.println("eres: chain '" + c.name() + "' is valid (nothing was estimated)");
            out.println("  data: " + v.dataset().label() + (v.dataset().synthetic() ? " [SYNTHETIC]" : ""));
            out.println(String.format(Locale.ROOT, "  panel after the transforms: %d rows, %d %s x %d %s (%s), %d numeric and %d text columns",
                    panel.rows(), panel.entityCount(), panel.entityName(), panel.timeCount(), panel.timeName(),
                    panel.isBalanced() ? "balanced" : "unbalanced", panel.numericColumns().size(), panel.textColumns().size()));
            for (PanelJoin.Report j : v.dataset().joins()) {
                out.println("  join: " + j.summary());
            }
            for (String n : v.dataset().notes()) if (!n.contains(" joined on ")) out.println("  note: " + n);
            for (Map.Entry<String, SpatialWeights> w : v.weights().entrySet()) {
                WeightsSummary s = Weights.summary(w.getValue());
                out.println(String.format(Locale.ROOT, "  weights %s; %d units, %d links, neighbours %d-%d%s",
                        w.getValue().description(), s.units(), s.links(), s.minNeighbours(), s.maxNeighbours(),
                        s.islands().isEmpty() ? "" : ", islands " + String.join(", ", s.islands())));
            }
            out.println("  steps (parameters bound): " + String.join(", ", v.steps()));
            for (String w : v.warnings()) out.println("  warning: " + w);
            for (String u : v.unknownColumns()) out.println("  check: " + u);
            out.flush();
            return 0;
        }
    }
}
