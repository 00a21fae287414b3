package eres.plugins.gmm;

import eres.plugins.gmm.Instruments.GmmStyle;
import eres.plugins.gmm.Instruments.IvStyle;
import java.util.List;
import java.util.Map;

/** Mutable builder of {@link GmmEstimator.Parameters} for tests (null = the parameter's default). */
final class Params {
    String y = "n";
    Integer lags;
    List<String> x = List.of();
    List<GmmStyle> gmm;
    List<IvStyle> iv;
    String model;
    String transformation;
    Integer steps;
    String se;
    Boolean timeDummies;
    String dummyInstruments;
    Boolean constant;
    Integer h;
    Boolean collapse;
    Boolean small;
    Integer arTests;
    Boolean diffHansen;

    static GmmStyle gmm(String var, Integer... lags) {
        return new GmmStyle(List.of(var), List.of(lags), null, null);
    }

    static GmmStyle collapsed(String var, Integer... lags) {
        return new GmmStyle(List.of(var), List.of(lags), true, null);
    }

    static IvStyle iv(String... vars) {
        return new IvStyle(List.of(vars), null, null);
    }

    GmmEstimator.Parameters build() {
        return new GmmEstimator.Parameters(y, lags, x, gmm, iv, model, transformation, steps, se, timeDummies, dummyInstruments,
                constant, h, collapse, small, arTests, diffHansen, null, Map.of());
    }
}
