package eres.app.cli;

import eres.api.SpecException;
import eres.app.wiring.Platform;
import eres.core.chain.Chain;
import eres.core.chain.ChainSource;
import eres.core.report.Temporaries;
import eres.core.sweep.DatasetCache;
import eres.core.sweep.LocalEngine;
import eres.core.sweep.SpecExecutor;
import eres.core.sweep.SweepEngine;
import eres.core.sweep.SweepJob;
import eres.core.sweep.SweepPlan;
import eres.core.sweep.SweepRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * {@code eres run CHAIN} for a chain with a {@code sweep:} block: every specification through the
 * chosen engine, one table, the specification curve and the report (docs/multiverse.md).
 */
final class SweepCli {
    private SweepCli() {
    }

    /** The engines: {@code local} and those found on the class path (the spark module). */
    static SweepEngine engine(String id, SpecExecutor local) {
        if (id == null || id.equals("local")) return new LocalEngine(local);
        List<String> known = new ArrayList<>(List.of("local"));
        for (SweepEngine e : ServiceLoader.load(SweepEngine.class)) {
            if (e.id().equals(id)) return e;
            known.add(e.id());
        }
        if (id.equals("spark")) {
            throw new SpecException("--engine", "spark is not installed in this distribution: the Spark engine is the optional eres-spark"
                    + " module; run the sweep with its launcher (spark/target/eres-spark/bin/eres-spark run ... --engine spark) or with"
                    + " spark-submit (docs/scale-out.md)");
        }
        throw new SpecException("--engine", "unknown engine '" + id + "'; engines: " + String.join(", ", known));
    }

    static int run(PrintWriter out, ChainSource src, Chain c, long masterSeed, int threads, List<String> formats, int stepTimeout, Path target,
                   String what, Path pluginsDir, String engineId, String master) {
        SweepPlan plan = SweepPlan.of(src, c, masterSeed);
        Temporaries.sweep(target.toAbsolutePath().normalize().getParent());
        try (Platform p = new Platform(pluginsDir, 1, false)) {
            p.registry().requireNoConflicts();
            SpecExecutor local = new SpecExecutor(plan, p.runner(), new DatasetCache(p.registry()), stepTimeout);
            SweepEngine engine = engine(engineId, local);
            try {
                SweepJob job = new SweepJob(src.name(), src.text(), src.baseDir().toAbsolutePath().toString(), src.origin(), masterSeed, stepTimeout,
                        pluginsDir == null ? null : pluginsDir.toAbsolutePath().toString(), threads, master);
                out.println("eres: sweep '" + c.name() + "': " + plan.numbers().size() + " specifications (" + (plan.gridSize() - plan.numbers().size())
                        + " excluded of " + plan.gridSize() + "), engine " + engine.id() + (master == null ? "" : " " + master) + ", "
                        + threads + " thread(s), master seed " + masterSeed);
                out.flush();
                SweepRun.Outcome o = SweepRun.run(plan, job, local, engine, p.registry(), target, what, formats, System.err, System.console() != null);
                out.printf(Locale.ROOT, "  %d specifications in %.1f s%s, %d failed%n", o.specifications(), o.seconds(),
                        o.resumed() > 0 ? " (" + o.resumed() + " resumed from the journal)" : "", o.failed());
                int shown = 0;
                for (Map.Entry<String, Integer> e : o.errors().entrySet()) {
                    if (shown++ == 3) break;
                    out.println("  failed (" + e.getValue() + "x): " + e.getKey());
                }
                if (o.median() != null) out.println("  " + plan.spec().curve().estimate() + ": median " + o.median());
                out.println("wrote " + o.directory() + ": " + String.join(", ", o.files()) + ", run.json, report");
                out.flush();
                return o.failed() > 0 ? 1 : 0;
            } finally {
                engine.close();
            }
        }
    }
}
