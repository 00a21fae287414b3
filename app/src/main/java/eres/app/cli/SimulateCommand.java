package eres.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import eres.core.simulate.SimulatedStudy;
import eres.core.simulate.StudyParameters;
import eres.core.simulate.StudySimulation;
import eres.core.report.AtomicFiles;
import eres.api.EresException;
import eres.api.SpecException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eres simulate study [--seed N] [--out FILE.csv] [--truth FILE.json] [--force]}: writes the
 * synthetic study panel (the data of {@code data: {source: default}}) as CSV. Existing files are
 * replaced only with {@code --force}; both files are written all or nothing ({@link AtomicFiles}).
 */
@Command(name = "simulate", description = "Write the SYNTHETIC study panel (seeded simulation on the real geography) as CSV.")
public final class SimulateCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DATASET", description = "the dataset to simulate: study")
    String dataset;

    @Option(names = "--seed", paramLabel = "N", description = "data seed (default: " + StudySimulation.DEFAULT_SEED + ", the default dataset)")
    Long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "CSV file to write (default: standard output)")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE", description = "also write the planted parameters as JSON")
    Path truth;

    @Option(names = "--force", description = "replace existing files named by --out and --truth")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!"study".equals(dataset)) throw new SpecException("DATASET", "unknown dataset '" + dataset + "'; datasets: study");
        List<AtomicFiles.Target> files = new ArrayList<>();
        if (out != null) files.add(new AtomicFiles.Target("--out", nonBlank("--out", out), new byte[0]));
        if (truth != null) files.add(new AtomicFiles.Target("--truth", nonBlank("--truth", truth), new byte[0]));
        AtomicFiles.check(files, force);   // before the simulation: nothing is computed for a refused file
        long s = seed == null ? StudySimulation.DEFAULT_SEED : seed;
        SimulatedStudy sim = StudySimulation.generate(s);
        PrintWriter err = spec.commandLine().getErr();
        files.clear();
        if (out != null) files.add(new AtomicFiles.Target("--out", out, sim.csv().getBytes(StandardCharsets.UTF_8)));
        try {
            if (truth != null) files.add(new AtomicFiles.Target("--truth", truth, truthJson(sim).getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new EresException("cannot write the planted parameters: " + e.getMessage(), e);
        }
        if (out == null) {
            PrintWriter o = spec.commandLine().getOut();
            o.print(sim.csv());
            o.flush();
        }
        AtomicFiles.write(files, force);
        if (out != null) {
            err.println("eres: wrote " + out + ": SYNTHETIC study panel, 31 provinces x 2008-2022, data seed " + s
                    + " (docs/synthetic-data.md)");
        }
        if (truth != null) err.println("eres: wrote " + truth + ": the planted parameters");
        err.flush();
        return 0;
    }

    private static Path nonBlank(String option, Path p) {
        if (p.toString().isBlank()) throw new SpecException(option, "is empty (an unset shell variable?); give a file name");
        return p;
    }

    static String truthJson(SimulatedStudy sim) throws IOException {
        StudyParameters p = sim.truth().parameters();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset", "synthetic study panel (not real data)");
        m.put("seed", sim.seed());
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("rho", p.rho());
        q.put("gamma1", p.gamma1());
        q.put("gamma2", p.gamma2());
        q.put("gammaNortheast", p.gammaNortheast());
        q.put("beta", p.beta());
        q.put("betaNortheast", p.betaNortheast());
        Map<String, Object> controls = new LinkedHashMap<>();
        for (int i = 0; i < StudyParameters.CONTROLS.size(); i++) controls.put("ln_" + StudyParameters.CONTROLS.get(i), p.controls().get(i));
        q.put("controls", controls);
        q.put("bDiv", p.bDiv());
        q.put("bSpe", p.bSpe());
        q.put("trend", p.trend());
        q.put("aDiv", p.aDiv());
        q.put("aSpe", p.aSpe());
        q.put("speOnIntNoise", p.speOnIntNoise());
        q.put("intIntercept", p.intIntercept());
        q.put("intSlope", p.intSlope());
        q.put("intOnNat", p.intOnNat());
        q.put("sdIntNoise", p.sdIntNoise());
        q.put("optOnInstrument", p.optOnInstrument());
        q.put("sdShock", p.sdShock());
        q.put("sdIndicatorNoise", p.sdIndicatorNoise());
        m.put("parameters", q);
        m.put("designSeed", StudySimulation.DESIGN_SEED);
        m.put("clampedCells", sim.truth().clampedCells());
        m.put("documentation", "docs/synthetic-data.md");
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m) + "\n";
    }
}
