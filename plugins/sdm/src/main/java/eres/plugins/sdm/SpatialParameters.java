package eres.plugins.sdm;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.Limits;
import eres.api.Param;
import eres.api.SpecException;
import eres.api.panel.Effects;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parameters of {@code sdm}, {@code sar}, {@code sem} and {@code slx}, validated when bound: every option
 * is an enum parsed once from the spellings users know (aliases below), every problem is reported at once.
 */
public record SpatialParameters(
        @Param(value = "dependent variable", required = true) String y,
        @Param(value = "regressors (no constant: the fixed effects absorb it)", required = true) List<String> x,
        @Param(value = "name of the spatial weights declared in the chain's weights: block", required = true) String weights,
        @Param(value = "fixed effects: entity, time or twoways", defaultValue = "twoways") FixedEffects effects,
        @Param(value = "regressors whose spatial lags WX enter the model (sdm and slx only)", defaultValue = "all of x") List<String> durbin,
        @Param(value = "incidental-parameter bias of the fixed effects (Lee & Yu 2010): transformation (orthonormal "
                + "transformation approach), lee-yu (direct ML with the analytic correction, as Elhorst) or none (direct ML = LSDV)",
                defaultValue = "transformation") BiasCorrection biasCorrection,
        @Param(value = "simulation draws for the standard errors of the direct/indirect/total effects (0 = delta method only)",
                defaultValue = "1000") Integer draws,
        @Param(value = "standard errors of the effects shown in the tables: simulation (LeSage & Pace) or delta; both are in results.json",
                defaultValue = "simulation") EffectsInference effectsInference,
        @Param(value = "log-determinant ln|I - rho W|: auto (eigen up to 1000 units for symmetric or symmetrizable W, 400 otherwise; else monte-carlo), eigen or monte-carlo",
                defaultValue = "auto") LogDetMethod logdet,
        @Param(value = "monte-carlo log-determinant: number of moments (series order)", defaultValue = "60") Integer logdetOrder,
        @Param(value = "monte-carlo log-determinant: number of Rademacher probe vectors", defaultValue = "40") Integer logdetVectors,
        @Param(value = "covariance of the estimates: information (expected information, as spatialreg and Elhorst) or hessian "
                + "(observed information); the same at every N", defaultValue = "information") Variance variance,
        @Param(value = "compute the specification tests (LM, SARMA, LR, Wald, Hausman)", defaultValue = "true") Boolean tests,
        @Param(value = "confidence level of the intervals", defaultValue = "0.95") Double level,
        @Param(value = "display labels of variables in tables", defaultValue = "{}") Map<String, String> labels) {

    public SpatialParameters {
        List<SpecException.Problem> problems = new ArrayList<>();
        if (y == null || y.isBlank()) problems.add(new SpecException.Problem("y", "is required"));
        if (x == null || x.isEmpty()) problems.add(new SpecException.Problem("x", "needs at least one regressor"));
        x = x == null ? List.of() : List.copyOf(x);
        if (weights == null || weights.isBlank()) problems.add(new SpecException.Problem("weights", "is required: the name of a weights: entry"));
        effects = effects == null ? FixedEffects.TWOWAYS : effects;
        durbin = durbin == null ? x : List.copyOf(durbin);
        if (durbin.isEmpty() && !x.isEmpty()) problems.add(new SpecException.Problem("durbin", "must list at least one regressor (omit it for all of x)"));
        for (String d : durbin) {
            if (!x.contains(d)) problems.add(new SpecException.Problem("durbin", "'" + d + "' is not one of x " + x));
        }
        if (durbin.stream().distinct().count() != durbin.size()) problems.add(new SpecException.Problem("durbin", "lists a regressor twice"));
        if (x.stream().distinct().count() != x.size()) problems.add(new SpecException.Problem("x", "lists a regressor twice"));
        if (y != null && x.contains(y)) problems.add(new SpecException.Problem("x", "contains the dependent variable '" + y + "'"));
        biasCorrection = biasCorrection == null ? BiasCorrection.TRANSFORMATION : biasCorrection;
        try {
            draws = Limits.replications("draws", draws == null ? 1000 : draws);
        } catch (SpecException e) {
            problems.addAll(e.problems());
        }
        effectsInference = effectsInference == null ? EffectsInference.SIMULATION : effectsInference;
        if (effectsInference == EffectsInference.SIMULATION && draws != null && draws == 0) effectsInference = EffectsInference.DELTA;
        logdet = logdet == null ? LogDetMethod.AUTO : logdet;
        logdetOrder = logdetOrder == null ? 60 : logdetOrder;
        if (logdetOrder < 10 || logdetOrder > 1000) problems.add(new SpecException.Problem("logdet-order", "must be in [10, 1000], got " + logdetOrder));
        logdetVectors = logdetVectors == null ? 40 : logdetVectors;
        if (logdetVectors < 5 || logdetVectors > 10_000) {
            problems.add(new SpecException.Problem("logdet-vectors", "must be in [5, 10000], got " + logdetVectors));
        }
        variance = variance == null ? Variance.INFORMATION : variance;
        tests = tests == null || tests;
        level = level == null ? 0.95 : level;
        if (!(level > 0 && level < 1)) problems.add(new SpecException.Problem("level", "must be in (0, 1), got " + level));
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        if (!problems.isEmpty()) throw new SpecException(problems);
    }

    /** Fixed effects of a spatial panel model (pooled models are not offered: the likelihood is the fixed-effects one). */
    public enum FixedEffects {
        ENTITY(Effects.ENTITY), TIME(Effects.TIME), TWOWAYS(Effects.TWOWAYS);

        private final Effects effects;

        FixedEffects(Effects effects) {
            this.effects = effects;
        }

        /** The panel toolkit's value. */
        public Effects effects() {
            return effects;
        }

        /** The spellings of {@link Effects#parse} (entity/individual/id/oneway, time/year/period, twoways/two-way/both). */
        @JsonCreator
        public static FixedEffects parse(String s) {
            Effects e = Effects.parse("effects", s);
            return switch (e) {
                case ENTITY -> ENTITY;
                case TIME -> TIME;
                case TWOWAYS -> TWOWAYS;
                case NONE -> throw new SpecException("effects",
                        "pooled spatial models are not offered (the likelihood here is the fixed-effects one); use entity, time or twoways");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return effects.label();
        }
    }

    /**
     * How the incidental-parameter bias of the fixed effects is handled (Lee &amp; Yu 2010, J. Econometrics
     * 154): {@code transformation} (aliases {@code lee-yu-transformation}, {@code orthonormal}), {@code lee-yu}
     * (the direct approach with the analytic correction; aliases {@code direct-corrected}, {@code analytic},
     * {@code elhorst}), {@code none} (the direct approach uncorrected, equal to ML with unit and period
     * dummies; aliases {@code direct}, {@code lsdv}).
     */
    public enum BiasCorrection {
        TRANSFORMATION("transformation"), LEE_YU("lee-yu"), NONE("none");

        private final String label;

        BiasCorrection(String label) {
            this.label = label;
        }

        @JsonCreator
        public static BiasCorrection parse(String s) {
            return switch (norm(s)) {
                case "transformation", "lee-yu-transformation", "orthonormal", "transform" -> TRANSFORMATION;
                case "lee-yu", "leeyu", "direct-corrected", "analytic", "elhorst" -> LEE_YU;
                case "none", "direct", "lsdv", "uncorrected" -> NONE;
                default -> throw new SpecException("bias-correction", "must be transformation, lee-yu or none, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    /** Covariance of the estimates: expected ({@code information}, alias {@code expected}) or observed ({@code hessian}, alias {@code observed}) information. */
    public enum Variance {
        INFORMATION("information"), HESSIAN("hessian");

        private final String label;

        Variance(String label) {
            this.label = label;
        }

        @JsonCreator
        public static Variance parse(String s) {
            return switch (norm(s)) {
                case "information", "expected", "expected-information" -> INFORMATION;
                case "hessian", "observed", "observed-information" -> HESSIAN;
                case "auto" -> throw new SpecException("variance", "'auto' was removed (it switched from the expected to the observed "
                        + "information at 500 units); use information (the default, at every N) or hessian");
                default -> throw new SpecException("variance", "must be information or hessian, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    /** Log-determinant method: {@code auto}, {@code eigen} (alias {@code exact}), {@code monte-carlo} (aliases {@code mc}, {@code barry-pace}). */
    public enum LogDetMethod {
        AUTO("auto"), EIGEN("eigen"), MONTE_CARLO("monte-carlo");

        private final String label;

        LogDetMethod(String label) {
            this.label = label;
        }

        @JsonCreator
        public static LogDetMethod parse(String s) {
            return switch (norm(s)) {
                case "auto" -> AUTO;
                case "eigen", "exact", "eigenvalues" -> EIGEN;
                case "monte-carlo", "mc", "barry-pace" -> MONTE_CARLO;
                default -> throw new SpecException("logdet", "must be auto, eigen or monte-carlo, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    /** Standard errors of the effects shown in tables: {@code simulation} (aliases {@code mc}, {@code lesage-pace}) or {@code delta}. */
    public enum EffectsInference {
        SIMULATION("simulation"), DELTA("delta");

        private final String label;

        EffectsInference(String label) {
            this.label = label;
        }

        @JsonCreator
        public static EffectsInference parse(String s) {
            return switch (norm(s)) {
                case "simulation", "simulated", "mc", "lesage-pace" -> SIMULATION;
                case "delta", "delta-method" -> DELTA;
                default -> throw new SpecException("effects-inference", "must be simulation or delta, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
