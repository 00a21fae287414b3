package eres.plugins.threshold;

import java.util.List;
import java.util.Map;

/** Fluent construction of {@link ThresholdEstimator.Parameters} for tests. */
final class Params {
    String y = "y";
    List<String> regime = List.of("x");
    String threshold = "q";
    List<String> controls = List.of();
    int thresholds = 1;
    List<Double> trim = List.of(0.01);
    ThresholdEstimator.Grid grid = new ThresholdEstimator.Grid(0);
    List<Integer> bootstrap = List.of(0);
    double level = 0.95;
    String se = "conventional";
    String effects = "entity";
    List<String> cluster = List.of();
    eres.api.inference.WildBootstrapOptions wild = null;
    Integer minRegime = null;
    ThresholdEstimator.TinyRegime tiny = null;
    int lags = 0;
    String scheme = "auto";
    boolean strict = false;
    boolean delete = false;
    ThresholdEstimator.Model model = new ThresholdEstimator.Model(-1);

    static Params hansen(boolean delete) {
        Params p = new Params();
        p.y = "i";
        p.regime = List.of("c1");
        p.threshold = "d1";
        p.controls = List.of("q1", "q2", "q3", "d1", "qd1");
        p.thresholds = 3;
        p.trim = List.of(0.01, 0.01, 0.05);
        p.grid = new ThresholdEstimator.Grid(400);
        p.strict = true;
        p.delete = delete;
        return p;
    }

    ThresholdEstimator.Parameters build() {
        return new ThresholdEstimator.Parameters(y, regime, threshold, controls, thresholds, trim, grid, bootstrap, level,
                eres.api.panel.Effects.of(effects), eres.api.inference.CovarianceType.of(se), cluster, null,
                eres.api.inference.DofConvention.STATA, wild, minRegime, tiny, lags, ThresholdEstimator.BootstrapScheme.of(scheme), strict,
                delete, model, Map.of());
    }
}
