package eres.plugins.gtwr;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.Limits;
import eres.api.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The validated options of {@code gwr} and {@code gtwr}, one nested record shared by both parameter records
 * (GWR is the case without the {@link SpaceTime} part). Each part validates its own fields in its compact
 * constructor; {@link #of} collects the problems of every part, so a chain with several mistakes hears of all
 * of them at once (airlift style).
 *
 * @param spaceTime the temporal part of GTWR, or null for GWR
 */
record GwrOptions(String y, List<String> x, BandwidthOptions bandwidth, Coordinates coordinates, SpaceTime spaceTime, int permutations,
                  String output, MapOptions maps, Map<String, String> labels) {

    static final List<String> DEFAULT_PERIODS = List.of("every 5");
    static final double DEFAULT_CUTOFF = 1e-10;

    /**
     * The kernel and the bandwidth: given ({@code value}) or selected by {@code criterion} with {@code search}
     * over {@code [min, max]} (grid step {@code step} for the interval search); weights of unbounded kernels below
     * {@code cutoff} are 0.
     */
    record BandwidthOptions(Kernel kernel, boolean adaptive, Double value, Criterion criterion, BandwidthSearch.Method search, Double min,
                            Double max, Double step, double cutoff) {
        BandwidthOptions {
            List<SpecException.Problem> problems = new ArrayList<>();
            kernel = kernel == null ? Kernel.BISQUARE : kernel;
            criterion = criterion == null ? Criterion.AICC : criterion;
            search = search == null ? BandwidthSearch.Method.AUTO : search;
            if (value != null) {
                if (!(value > 0) || Double.isInfinite(value)) {
                    problems.add(new SpecException.Problem("bandwidth", "must be a positive number, got " + value));
                } else if (adaptive && value != Math.rint(value)) {
                    problems.add(new SpecException.Problem("bandwidth", "is a number of neighbours when adaptive: give an integer, got " + value));
                }
            }
            if (min != null && !(min > 0)) problems.add(new SpecException.Problem("bandwidth-min", "must be > 0"));
            if (max != null && !(max > 0)) problems.add(new SpecException.Problem("bandwidth-max", "must be > 0"));
            if (min != null && max != null && !(max > min)) problems.add(new SpecException.Problem("bandwidth-max", "must exceed bandwidth-min"));
            if (step != null && !(step > 0)) problems.add(new SpecException.Problem("interval-step", "must be > 0"));
            if (!(cutoff >= 0 && cutoff < 0.01)) problems.add(new SpecException.Problem("gaussian-cutoff", "must be in [0, 0.01), got " + cutoff));
            if (!problems.isEmpty()) throw new SpecException(problems);
        }
    }

    /** Coordinates: lat/lon columns (great-circle km), projected x/y columns (Euclidean), or neither (the geography's locations). */
    record Coordinates(String lat, String lon, String xCoord, String yCoord) {
        Coordinates {
            List<SpecException.Problem> problems = new ArrayList<>();
            if ((lat == null) != (lon == null)) problems.add(new SpecException.Problem(lat == null ? "lat" : "lon", "lat and lon go together"));
            if ((xCoord == null) != (yCoord == null)) {
                problems.add(new SpecException.Problem(xCoord == null ? "x-coord" : "y-coord", "x-coord and y-coord go together"));
            }
            if (lat != null && xCoord != null) problems.add(new SpecException.Problem("lat", "give lat/lon or x-coord/y-coord, not both"));
            if (!problems.isEmpty()) throw new SpecException(problems);
        }

        boolean projected() {
            return xCoord != null;
        }

        boolean columns() {
            return lat != null;
        }
    }

    /**
     * The temporal part of GTWR: the space-time distance, its ratio tau (given, or selected over
     * {@code [logTauMin, logTauMax]} in log10 of tau / m^2), GWmodel's {@code lambda-gw} and {@code ksi}, and the time window.
     */
    record SpaceTime(SpaceTimeMetric.Form distance, Double tau, double logTauMin, double logTauMax, double lambdaGw, double ksi,
                     TimeWindow window) {
        SpaceTime {
            List<SpecException.Problem> problems = new ArrayList<>();
            distance = distance == null ? SpaceTimeMetric.Form.HUANG : distance;
            window = window == null ? TimeWindow.SYMMETRIC : window;
            if (tau != null && (!(tau >= 0) || Double.isInfinite(tau))) problems.add(new SpecException.Problem("tau", "must be >= 0, got " + tau));
            if (tau != null && distance == SpaceTimeMetric.Form.GWMODEL_LINEAR) {
                problems.add(new SpecException.Problem("tau", "applies to distance: huang; gwmodel-linear uses lambda-gw and ksi"));
            }
            if (!(logTauMax > logTauMin)) problems.add(new SpecException.Problem("tau-range", "must be [low, high] in log10 units with low < high"));
            if (!(lambdaGw > 0 && lambdaGw <= 1)) problems.add(new SpecException.Problem("lambda-gw", "must be in (0, 1], got " + lambdaGw));
            if (!(ksi >= 0 && ksi <= Math.PI / 2)) problems.add(new SpecException.Problem("ksi", "must be in [0, pi/2], got " + ksi));
            if (!problems.isEmpty()) throw new SpecException(problems);
        }

        boolean pastOnly() {
            return window == TimeWindow.PAST_ONLY;
        }

        /**
         * tau from {@code tau} or from Huang et al.'s {@code lambda} and {@code mu} ({@code tau = mu / lambda}); null when
         * neither is given (tau is selected).
         */
        static Double tau(Double tau, Double lambda, Double mu) {
            if (tau != null && (lambda != null || mu != null)) throw new SpecException("tau", "give tau or lambda and mu, not both");
            if ((lambda == null) != (mu == null)) {
                throw new SpecException(lambda == null ? "lambda" : "mu", "lambda and mu go together (tau = mu / lambda)");
            }
            if (lambda == null) return tau;
            if (!(lambda > 0) || !(mu >= 0)) throw new SpecException("lambda", "needs lambda > 0 and mu >= 0");
            return mu / lambda;
        }

        static double[] tauRange(List<Double> range) {
            if (range == null) return new double[] {-3, 3};
            if (range.size() != 2 || range.get(0) == null || range.get(1) == null) {
                throw new SpecException("tau-range", "must be [low, high] in log10 units with low < high");
            }
            return new double[] {range.get(0), range.get(1)};
        }
    }

    /**
     * Coefficient maps: the mapped terms, the period specs (resolved over the data's periods by
     * {@link CoefficientMaps#periods}), the number of natural-breaks classes, common or per-period breaks.
     */
    record MapOptions(List<String> terms, List<String> periods, int classes, boolean commonBreaks, boolean draw) {
        MapOptions {
            terms = List.copyOf(terms);
            periods = List.copyOf(periods);
            if (classes < 2 || classes > 9) throw new SpecException("map-classes", "must be between 2 and 9, got " + classes);
        }

        static List<String> periods(List<String> periods) {
            List<SpecException.Problem> problems = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (String s : periods == null ? DEFAULT_PERIODS : periods) {
                try {
                    CoefficientMaps.check("periods", s);
                    out.add(s);
                } catch (SpecException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) throw new SpecException(problems);
            return out;
        }
    }

    /** Local-regression selection criterion: {@code aicc} (alias {@code aic-c}) or {@code cv} (aliases {@code cross-validation}, {@code loocv}). */
    public enum Criterion {
        AICC("aicc"), CV("cv");

        private final String label;

        Criterion(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }

        @JsonCreator
        public static Criterion parse(String s) {
            return switch (norm(s)) {
                case "aicc", "aic-c" -> AICC;
                case "cv", "cross-validation", "loocv" -> CV;
                default -> throw new SpecException("criterion", "must be aicc or cv, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    /** Time window of GTWR: {@code symmetric} (|t_i - t_j|) or {@code past-only} (GWmodel's one-sided window; alias {@code gwmodel}). */
    public enum TimeWindow {
        SYMMETRIC("symmetric"), PAST_ONLY("past-only");

        private final String label;

        TimeWindow(String label) {
            this.label = label;
        }

        @JsonCreator
        public static TimeWindow parse(String s) {
            return switch (norm(s)) {
                case "symmetric", "two-sided" -> SYMMETRIC;
                case "past-only", "past", "one-sided", "gwmodel" -> PAST_ONLY;
                default -> throw new SpecException("time-window", "must be symmetric or past-only, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    /** Natural breaks of the maps: {@code per-period} or {@code common} (alias {@code pooled}) across periods. */
    public enum MapBreaks {
        PER_PERIOD("per-period"), COMMON("common");

        private final String label;

        MapBreaks(String label) {
            this.label = label;
        }

        @JsonCreator
        public static MapBreaks parse(String s) {
            return switch (norm(s)) {
                case "per-period", "period" -> PER_PERIOD;
                case "common", "pooled" -> COMMON;
                default -> throw new SpecException("map-breaks", "must be per-period or common, got '" + s + "'");
            };
        }

        @JsonValue
        @Override
        public String toString() {
            return label;
        }
    }

    static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * The keys both parameter records share, by name: {@link GwrEstimator.Parameters} and {@link GtwrEstimator.Parameters}
     * implement it with their record accessors, so {@link #of} reads them by name.
     */
    interface Keys {
        String y();

        List<String> x();

        Kernel kernel();

        Boolean adaptive();

        Double bandwidth();

        Criterion criterion();

        BandwidthSearch.Method search();

        Double bandwidthMin();

        Double bandwidthMax();

        Double intervalStep();

        String lat();

        String lon();

        String xCoord();

        String yCoord();

        Double gaussianCutoff();

        Integer permutations();

        String output();

        List<String> mapTerms();

        List<String> periods();

        Integer mapClasses();

        MapBreaks mapBreaks();

        Boolean maps();

        Map<String, String> labels();
    }

    /**
     * The shared keys as a value, for validation inside a parameter record's compact constructor (where its
     * accessors cannot be used yet).
     */
    record Common(String y, List<String> x, Kernel kernel, Boolean adaptive, Double bandwidth, Criterion criterion, BandwidthSearch.Method search,
                  Double bandwidthMin, Double bandwidthMax, Double intervalStep, String lat, String lon, String xCoord, String yCoord,
                  Double gaussianCutoff, Integer permutations, String output, List<String> mapTerms, List<String> periods,
                  Integer mapClasses, MapBreaks mapBreaks, Boolean maps, Map<String, String> labels) implements Keys {
    }

    /** Validates everything; {@code spaceTime} builds the temporal part (GTWR; null for GWR). */
    static GwrOptions of(Keys c, Supplier<SpaceTime> spaceTime) {
        boolean temporal = spaceTime != null;
        List<SpecException.Problem> problems = new ArrayList<>();
        if (c.y() == null || c.y().isBlank()) problems.add(new SpecException.Problem("y", "is required"));
        if (c.x() == null || c.x().isEmpty()) problems.add(new SpecException.Problem("x", "needs at least one regressor"));
        List<String> xs = c.x() == null ? List.of() : List.copyOf(c.x());
        if (xs.contains("intercept")) problems.add(new SpecException.Problem("x", "'intercept' is added automatically"));
        if (c.y() != null && xs.contains(c.y())) problems.add(new SpecException.Problem("x", "contains the dependent variable '" + c.y() + "'"));
        if (xs.stream().distinct().count() != xs.size()) problems.add(new SpecException.Problem("x", "lists a variable twice"));
        BandwidthOptions bw = collect(problems, () -> new BandwidthOptions(c.kernel(), c.adaptive() != null && c.adaptive(), c.bandwidth(),
                c.criterion(), c.search(), c.bandwidthMin(), c.bandwidthMax(), c.intervalStep(),
                c.gaussianCutoff() == null ? DEFAULT_CUTOFF : c.gaussianCutoff()));
        Coordinates coords = collect(problems, () -> new Coordinates(c.lat(), c.lon(), c.xCoord(), c.yCoord()));
        SpaceTime st = temporal ? collect(problems, spaceTime) : null;
        Integer perms = collect(problems, () -> c.permutations() == null ? 99 : Limits.replications("permutations", c.permutations()));
        String out = c.output() == null ? (temporal ? "gtwr" : "gwr") : c.output();
        if (!out.matches("[A-Za-z][A-Za-z0-9_.-]{0,40}")) problems.add(new SpecException.Problem("output", "'" + out + "' is not a valid column prefix"));
        List<String> terms = c.mapTerms() == null ? (xs.isEmpty() ? List.of() : List.of(xs.get(0))) : List.copyOf(c.mapTerms());
        for (String m : terms) {
            if (!m.equals("intercept") && !xs.contains(m)) problems.add(new SpecException.Problem("map-terms", "'" + m + "' is not 'intercept' or one of x"));
        }
        List<String> ps = collect(problems, () -> MapOptions.periods(c.periods()));
        MapOptions maps = ps == null ? null : collect(problems, () -> new MapOptions(terms, ps, c.mapClasses() == null ? 5 : c.mapClasses(),
                c.mapBreaks() == MapBreaks.COMMON, c.maps() == null || c.maps()));
        if (!problems.isEmpty()) throw new SpecException(problems);
        return new GwrOptions(c.y(), xs, bw, coords, st, perms, out, maps, c.labels() == null ? Map.of() : Map.copyOf(c.labels()));
    }

    private static <T> T collect(List<SpecException.Problem> problems, Supplier<T> part) {
        try {
            return part.get();
        } catch (SpecException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    boolean temporal() {
        return spaceTime != null;
    }

    GtwrEngine.Settings settings() {
        return new GtwrEngine.Settings(bandwidth, spaceTime);
    }

    String label(String v) {
        return labels.getOrDefault(v, v);
    }
}
