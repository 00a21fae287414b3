package eres.plugins.gtwr;

import eres.api.Limits;
import eres.api.SpecException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The validated options common to {@code gwr} and {@code gtwr} (the two parameter records map onto
 * this; GWR is the case without time).
 */
record GwrOptions(String y, List<String> x, Kernel kernel, boolean adaptive, Double bandwidth,
                  GtwrEngine.Criterion criterion, BandwidthSearch.Method search, Double bandwidthMin, Double bandwidthMax,
                  Double intervalStep, boolean temporal, SpaceTimeMetric.Form form, Double tau, double logTauMin,
                  double logTauMax, double lambdaGw, double ksi, boolean pastOnly, String lat, String lon, String xCoord,
                  String yCoord, double cutoff, int permutations, String output, List<String> mapTerms,
                  List<String> periods, int mapClasses, boolean commonBreaks, boolean maps,
                  Map<String, String> labels) {

    /** Map periods when the step gives none: consecutive five-year periods from the data's first year. */
    static final List<String> DEFAULT_PERIODS = List.of("every 5");
    static final double DEFAULT_CUTOFF = 1e-10;

    /** Validation shared by both parameter records; collects every problem (airlift style). */
    static GwrOptions of(String y, List<String> x, String kernel, Boolean adaptive, Double bandwidth, String criterion,
                         String search, Double bandwidthMin, Double bandwidthMax, Double intervalStep, boolean temporal,
                         String distance, Double tau, Double lambda, Double mu, List<Double> tauRange, Double lambdaGw,
                         Double ksi, String timeWindow, String lat, String lon, String xCoord, String yCoord,
                         Double gaussianCutoff, Integer permutations, String output, List<String> mapTerms,
                         List<String> periods, Integer mapClasses, String mapBreaks, Boolean maps, Map<String, String> labels) {
        List<SpecException.Problem> problems = new ArrayList<>();
        Kernel k = null;
        GtwrEngine.Criterion crit = null;
        BandwidthSearch.Method method = null;
        try {
            k = Kernel.parse("kernel", kernel);
        } catch (SpecException e) {
            problems.addAll(e.problems());
        }
        try {
            crit = criterion == null ? GtwrEngine.Criterion.AICC : switch (criterion.toLowerCase(Locale.ROOT)) {
                case "aicc" -> GtwrEngine.Criterion.AICC;
                case "cv" -> GtwrEngine.Criterion.CV;
                default -> throw new SpecException("criterion", "must be aicc or cv, got '" + criterion + "'");
            };
        } catch (SpecException e) {
            problems.addAll(e.problems());
        }
        try {
            method = BandwidthSearch.Method.parse("search", search);
        } catch (SpecException e) {
            problems.addAll(e.problems());
        }
        if (y == null || y.isBlank()) problems.add(new SpecException.Problem("y", "is required"));
        if (x == null || x.isEmpty()) problems.add(new SpecException.Problem("x", "needs at least one regressor"));
        List<String> xs = x == null ? List.of() : List.copyOf(x);
        if (xs.contains("intercept")) problems.add(new SpecException.Problem("x", "'intercept' is added automatically"));
        if (y != null && xs.contains(y)) problems.add(new SpecException.Problem("x", "contains the dependent variable '" + y + "'"));
        if (xs.stream().distinct().count() != xs.size()) problems.add(new SpecException.Problem("x", "lists a variable twice"));
        boolean ad = adaptive != null && adaptive;
        if (bandwidth != null) {
            if (!(bandwidth > 0) || Double.isInfinite(bandwidth)) {
                problems.add(new SpecException.Problem("bandwidth", "must be a positive number, got " + bandwidth));
            } else if (ad && bandwidth != Math.rint(bandwidth)) {
                problems.add(new SpecException.Problem("bandwidth", "is a number of neighbours when adaptive: give an integer, got " + bandwidth));
            }
        }
        if (bandwidthMin != null && !(bandwidthMin > 0)) problems.add(new SpecException.Problem("bandwidth-min", "must be > 0"));
        if (bandwidthMax != null && !(bandwidthMax > 0)) problems.add(new SpecException.Problem("bandwidth-max", "must be > 0"));
        if (bandwidthMin != null && bandwidthMax != null && !(bandwidthMax > bandwidthMin)) {
            problems.add(new SpecException.Problem("bandwidth-max", "must exceed bandwidth-min"));
        }
        if (intervalStep != null && !(intervalStep > 0)) problems.add(new SpecException.Problem("interval-step", "must be > 0"));

        SpaceTimeMetric.Form form = SpaceTimeMetric.Form.HUANG;
        if (distance != null) {
            switch (distance.toLowerCase(Locale.ROOT)) {
                case "huang" -> form = SpaceTimeMetric.Form.HUANG;
                case "gwmodel-linear" -> form = SpaceTimeMetric.Form.GWMODEL_LINEAR;
                default -> problems.add(new SpecException.Problem("distance", "must be huang or gwmodel-linear, got '" + distance + "'"));
            }
        }
        Double t = tau;
        if (tau != null && (lambda != null || mu != null)) {
            problems.add(new SpecException.Problem("tau", "give tau or lambda and mu, not both"));
        } else if ((lambda == null) != (mu == null)) {
            problems.add(new SpecException.Problem(lambda == null ? "lambda" : "mu", "lambda and mu go together (tau = mu / lambda)"));
        } else if (lambda != null) {
            if (!(lambda > 0) || !(mu >= 0)) problems.add(new SpecException.Problem("lambda", "needs lambda > 0 and mu >= 0"));
            else t = mu / lambda;
        }
        if (t != null && (!(t >= 0) || Double.isInfinite(t))) problems.add(new SpecException.Problem("tau", "must be >= 0, got " + t));
        if (t != null && form == SpaceTimeMetric.Form.GWMODEL_LINEAR) {
            problems.add(new SpecException.Problem("tau", "applies to distance: huang; gwmodel-linear uses lambda-gw and ksi"));
        }
        double tmin = -3;
        double tmax = 3;
        if (tauRange != null) {
            if (tauRange.size() != 2 || tauRange.get(0) == null || tauRange.get(1) == null || !(tauRange.get(1) > tauRange.get(0))) {
                problems.add(new SpecException.Problem("tau-range", "must be [low, high] in log10 units with low < high"));
            } else {
                tmin = tauRange.get(0);
                tmax = tauRange.get(1);
            }
        }
        double lg = lambdaGw == null ? 0.05 : lambdaGw;
        if (!(lg > 0 && lg <= 1)) problems.add(new SpecException.Problem("lambda-gw", "must be in (0, 1], got " + lg));
        double kx = ksi == null ? 0 : ksi;
        if (!(kx >= 0 && kx <= Math.PI / 2)) problems.add(new SpecException.Problem("ksi", "must be in [0, pi/2], got " + kx));
        boolean past = false;
        if (timeWindow != null) {
            switch (timeWindow.toLowerCase(Locale.ROOT)) {
                case "symmetric" -> past = false;
                case "past-only" -> past = true;
                default -> problems.add(new SpecException.Problem("time-window", "must be symmetric or past-only, got '" + timeWindow + "'"));
            }
        }
        if ((lat == null) != (lon == null)) problems.add(new SpecException.Problem(lat == null ? "lat" : "lon", "lat and lon go together"));
        if ((xCoord == null) != (yCoord == null)) {
            problems.add(new SpecException.Problem(xCoord == null ? "x-coord" : "y-coord", "x-coord and y-coord go together"));
        }
        if (lat != null && xCoord != null) problems.add(new SpecException.Problem("lat", "give lat/lon or x-coord/y-coord, not both"));
        double cutoff = gaussianCutoff == null ? DEFAULT_CUTOFF : gaussianCutoff;
        if (!(cutoff >= 0 && cutoff < 0.01)) problems.add(new SpecException.Problem("gaussian-cutoff", "must be in [0, 0.01), got " + cutoff));
        int perms = 99;
        if (permutations != null) {
            try {
                perms = Limits.replications("permutations", permutations);
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        String out = output == null ? (temporal ? "gtwr" : "gwr") : output;
        if (!out.matches("[A-Za-z][A-Za-z0-9_.-]{0,40}")) problems.add(new SpecException.Problem("output", "'" + out + "' is not a valid column prefix"));
        List<String> terms = mapTerms == null ? (xs.isEmpty() ? List.of() : List.of(xs.get(0))) : List.copyOf(mapTerms);
        for (String m : terms) {
            if (!m.equals("intercept") && !xs.contains(m)) {
                problems.add(new SpecException.Problem("map-terms", "'" + m + "' is not 'intercept' or one of x"));
            }
        }
        List<String> ps = new ArrayList<>();
        for (String s : periods == null ? DEFAULT_PERIODS : periods) {
            try {
                CoefficientMaps.check("periods", s);
                ps.add(s);
            } catch (SpecException e) {
                problems.addAll(e.problems());
            }
        }
        int classes = mapClasses == null ? 5 : mapClasses;
        if (classes < 2 || classes > 9) problems.add(new SpecException.Problem("map-classes", "must be between 2 and 9, got " + classes));
        boolean common = false;
        if (mapBreaks != null) {
            switch (mapBreaks.toLowerCase(Locale.ROOT)) {
                case "per-period" -> common = false;
                case "common" -> common = true;
                default -> problems.add(new SpecException.Problem("map-breaks", "must be per-period or common, got '" + mapBreaks + "'"));
            }
        }
        if (!problems.isEmpty()) throw new SpecException(problems);
        return new GwrOptions(y, xs, k, ad, bandwidth, crit, method, bandwidthMin, bandwidthMax, intervalStep, temporal, form, t,
                tmin, tmax, lg, kx, past, lat, lon, xCoord, yCoord, cutoff, perms, out, terms, List.copyOf(ps), classes, common,
                maps == null || maps, labels == null ? Map.of() : Map.copyOf(labels));
    }

    GtwrEngine.Settings settings() {
        return new GtwrEngine.Settings(kernel, adaptive, cutoff, criterion, search, bandwidth, bandwidthMin, bandwidthMax,
                intervalStep, temporal, form, tau, logTauMin, logTauMax, lambdaGw, ksi, pastOnly);
    }

    String label(String v) {
        return labels.getOrDefault(v, v);
    }
}
