package eres.plugins.sdm;

import eres.api.panel.Effects;
import eres.api.Limits;
import eres.api.Param;
import eres.api.SpecException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Parameters of {@code sdm}, {@code sar}, {@code sem} and {@code slx}. */
public record SpatialParameters(
        @Param(value = "dependent variable", required = true) String y,
        @Param(value = "regressors (no constant: the fixed effects absorb it)", required = true) List<String> x,
        @Param(value = "name of the spatial weights declared in the chain's weights: block", required = true) String weights,
        @Param(value = "fixed effects: entity, time or twoways", defaultValue = "twoways") String effects,
        @Param(value = "regressors whose spatial lags WX enter the model (sdm and slx only)", defaultValue = "all of x") List<String> durbin,
        @Param(value = "Lee-Yu (2010) bias correction: lee-yu or none", defaultValue = "lee-yu") String biasCorrection,
        @Param(value = "simulation draws for the standard errors of the direct/indirect/total effects (0 = none)",
                defaultValue = "1000") Integer draws,
        @Param(value = "log-determinant ln|I - rho W|: auto (eigen up to 1000 units for symmetric or symmetrizable W, 400 otherwise; else monte-carlo), eigen or monte-carlo",
                defaultValue = "auto") String logdet,
        @Param(value = "monte-carlo log-determinant: number of moments (series order)", defaultValue = "60") Integer logdetOrder,
        @Param(value = "monte-carlo log-determinant: number of Rademacher probe vectors", defaultValue = "40") Integer logdetVectors,
        @Param(value = "covariance: auto (information up to 500 units as Elhorst, else hessian), information or hessian",
                defaultValue = "auto") String variance,
        @Param(value = "compute the specification tests (LM, LR, Wald, Hausman)", defaultValue = "true") Boolean tests,
        @Param(value = "confidence level of the intervals", defaultValue = "0.95") Double level,
        @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels) {

    public SpatialParameters {
        if (y == null) throw new SpecException("y", "is required");
        if (x == null || x.isEmpty()) throw new SpecException("x", "needs at least one regressor");
        x = List.copyOf(x);
        if (weights == null || weights.isBlank()) throw new SpecException("weights", "is required: the name of a weights: entry");
        effects = effects == null ? "twoways" : effects;
        if (Effects.parse("effects", effects) == Effects.NONE) {
            throw new SpecException("effects", "pooled spatial models are not offered (the likelihood here is the fixed-effects one); use entity, time or twoways");
        }
        if (durbin == null) durbin = x;
        durbin = List.copyOf(durbin);
        if (durbin.isEmpty()) throw new SpecException("durbin", "must list at least one regressor (omit it for all of x)");
        for (String d : durbin) {
            if (!x.contains(d)) throw new SpecException("durbin", "'" + d + "' is not one of x " + x);
        }
        if (durbin.stream().distinct().count() != durbin.size()) throw new SpecException("durbin", "lists a regressor twice");
        if (x.stream().distinct().count() != x.size()) throw new SpecException("x", "lists a regressor twice");
        if (x.contains(y)) throw new SpecException("x", "contains the dependent variable '" + y + "'");
        biasCorrection = biasCorrection == null ? "lee-yu" : biasCorrection.toLowerCase(Locale.ROOT);
        if (!biasCorrection.equals("lee-yu") && !biasCorrection.equals("none")) {
            throw new SpecException("bias-correction", "must be lee-yu or none, got '" + biasCorrection + "'");
        }
        draws = Limits.replications("draws", draws == null ? 1000 : draws);
        logdet = logdet == null ? "auto" : logdet.toLowerCase(Locale.ROOT);
        if (!List.of("auto", "eigen", "monte-carlo").contains(logdet)) {
            throw new SpecException("logdet", "must be auto, eigen or monte-carlo, got '" + logdet + "'");
        }
        logdetOrder = logdetOrder == null ? 60 : logdetOrder;
        if (logdetOrder < 10 || logdetOrder > 1000) throw new SpecException("logdet-order", "must be in [10, 1000], got " + logdetOrder);
        logdetVectors = logdetVectors == null ? 40 : logdetVectors;
        if (logdetVectors < 5 || logdetVectors > 10_000) throw new SpecException("logdet-vectors", "must be in [5, 10000], got " + logdetVectors);
        variance = variance == null ? "auto" : variance.toLowerCase(Locale.ROOT);
        if (!List.of("auto", "information", "hessian").contains(variance)) {
            throw new SpecException("variance", "must be auto, information or hessian, got '" + variance + "'");
        }
        tests = tests == null || tests;
        level = level == null ? 0.95 : level;
        if (!(level > 0 && level < 1)) throw new SpecException("level", "must be in (0, 1), got " + level);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    Effects fixedEffects() {
        return Effects.parse("effects", effects);
    }

    boolean leeYu() {
        return biasCorrection.equals("lee-yu");
    }
}
