package eres.plugins.sdm;

import eres.api.Parallelism;
import eres.api.ProgressReporter;
import eres.api.data.SpatialWeights;
import eres.api.random.Seeds;
import eres.api.result.TestStatistic;
import eres.api.result.Warning;
import eres.api.spatial.LogDeterminant;
import eres.api.spatial.Weights;
import eres.api.spatial.WeightsSummary;
import eres.api.table.Formats;
import eres.plugins.sdm.SpatialParameters.BiasCorrection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Estimation of one spatial step, without presentation: the log-determinant, the step's model, its
 * effects (simulated and delta-method standard errors), and the specification tests (which fit the SDM,
 * SAR and SEM under the same likelihood, so the LR tests compare like with like). {@link SpatialReport}
 * turns the {@link SpatialResults} into the step's result.
 */
final class SpatialModel {
    /** Step environment: master seed, thread pool, progress. */
    record Environment(long seed, Parallelism parallelism, ProgressReporter progress) {
    }

    private SpatialModel() {
    }

    static LogDeterminant logDeterminant(SpatialParameters p, SpatialWeights w, Environment env) {
        long seed = Seeds.derive(env.seed(), "logdet");
        return switch (p.logdet()) {
            case EIGEN -> LogDeterminant.eigen(w);
            case MONTE_CARLO -> LogDeterminant.monteCarlo(w, p.logdetOrder(), p.logdetVectors(), seed, env.parallelism());
            case AUTO -> LogDeterminant.auto(w, p.logdetOrder(), p.logdetVectors(), seed, env.parallelism());
        };
    }

    static SpatialResults fit(String model, SpatialParameters p, SpatialPanel d, Environment env) {
        boolean needsLogDet = !model.equals("slx") || p.tests();
        LogDeterminant ld = needsLogDet ? logDeterminant(p, d.w, env) : null;
        MultiplierTraces traces = ld == null ? null
                : new MultiplierTraces(d.w, ld, Seeds.derive(env.seed(), "information"), p.logdetVectors(), env.parallelism());
        Models models = new Models(d, ld, traces, new Models.Options(p.biasCorrection(), p.variance(), env.parallelism()));
        Map<String, SpatialFit> fits = new LinkedHashMap<>();
        SpatialFit main = models.fit(model);
        fits.put(model, main);

        List<Warning> warnings = new ArrayList<>();
        WeightsSummary ws = Weights.summary(d.w);
        if (!ws.islands().isEmpty()) {
            warnings.add(new Warning("islands", ws.islands().size() + " unit(s) without neighbours in W: " + String.join(", ", ws.islands())));
        }
        if (main.onBound()) {
            warnings.add(new Warning("rho-on-bound", main.terms().get(main.spatialIndex()) + " = " + Formats.number(main.rho(), 6)
                    + " is on the bound of its admissible interval (" + Formats.number(main.lower(), 4) + ", " + Formats.number(main.upper(), 4) + ")"));
        }
        if (p.biasCorrection() == BiasCorrection.LEE_YU && d.effects.hasTime() && !model.equals("slx") && !ws.rowStandardized()) {
            warnings.add(new Warning("lee-yu-needs-row-standardised", "the Lee-Yu correction with time effects assumes a row-standardised W; this W is not"));
        }

        Impacts.Result impacts = switch (model) {
            case "sdm", "sar" -> Impacts.simulate(main, p.x(), ld, d.w, p.draws(), Seeds.derive(env.seed(), "effects"), env.parallelism(),
                    env.progress());
            case "slx" -> Impacts.slx(main, p.x(), d.w);
            default -> null;
        };

        List<TestStatistic> tests = new ArrayList<>();
        SpecTests.Hausman hausman = null;
        List<SpatialResults.ModelComparison> comparison = new ArrayList<>();
        if (p.tests()) {
            tests.addAll(SpecTests.lm(d));
            SpatialFit sdm = fits.computeIfAbsent("sdm", models::fit);
            SpatialFit sar = fits.computeIfAbsent("sar", models::fit);
            String semMissing = models.semUnavailable();
            SpatialFit sem = semMissing == null ? fits.computeIfAbsent("sem", models::fit) : null;
            int k = p.durbin().size();
            tests.add(SpecTests.lr("lr-sdm-vs-sar", sdm.logLik(), sar.logLik(), k, "theta = 0 (SDM reduces to SAR)"));
            tests.add(SpecTests.waldSar(sdm, p.durbin()));
            if (p.durbin().size() != p.x().size()) {
                String why = "the SDM nests the SEM only when every regressor has a spatial lag (durbin = x)";
                tests.add(TestStatistic.notApplicable("lr-sdm-vs-sem", why));
                tests.add(TestStatistic.notApplicable("wald-sdm-vs-sem", why));
            } else {
                tests.add(sem == null ? TestStatistic.notApplicable("lr-sdm-vs-sem", semMissing)
                        : SpecTests.lr("lr-sdm-vs-sem", sdm.logLik(), sem.logLik(), k, "theta + rho beta = 0 (SDM reduces to SEM)"));
                tests.add(SpecTests.waldSem(sdm, p.durbin()));
            }
            hausman = SpecTests.hausman(d);
            tests.add(hausman == null ? TestStatistic.notApplicable("hausman", "needs entity effects (effects: entity or twoways)")
                    : hausman.test());
            for (String m : List.of("sdm", "sar", "sem")) {
                SpatialFit f = fits.get(m);
                if (f != null) comparison.add(new SpatialResults.ModelComparison(m, f.logLik(), f.parameters(), f.aic(), f.rho(), f.sigma2()));
            }
        }
        return new SpatialResults(main, d.n, d.t, d.effects, ws, impacts, tests, hausman, comparison, ld,
                traces == null ? null : traces.describe(), warnings);
    }
}
