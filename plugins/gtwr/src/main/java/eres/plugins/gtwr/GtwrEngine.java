package eres.plugins.gtwr;

import eres.plugins.gtwr.LocalRegression.Bandwidth;
import eres.api.EstimationException;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Model selection and the final fit: for each candidate space-time ratio tau, a bandwidth search on
 * neighbour lists built once for the largest candidate bandwidth; then the full fit and its global
 * diagnostics at the selected pair.
 */
final class GtwrEngine {
    /** Problems up to this size search the whole bandwidth range by default (GOLDEN); larger ones expand. */
    static final int AUTO_GOLDEN_LIMIT = 4000;
    /** Problems up to this size get exact maximum distances (O(n^2) distance evaluations). */
    static final int EXACT_MAX_DISTANCE_LIMIT = 2000;
    /** Width, in log10 units, at which the tau search stops. */
    static final double TAU_TOLERANCE = 0.05;

    /**
     * What to estimate: the bandwidth options and, for GTWR, the space-time part (null: GWR, time ignored).
     * The accessors below read the two parts.
     */
    record Settings(GwrOptions.BandwidthOptions bw, GwrOptions.SpaceTime st) {
        Kernel kernel() {
            return bw.kernel();
        }

        boolean adaptive() {
            return bw.adaptive();
        }

        double cutoff() {
            return bw.cutoff();
        }

        GwrOptions.Criterion criterion() {
            return bw.criterion();
        }

        BandwidthSearch.Method search() {
            return bw.search();
        }

        /** The given bandwidth, or null to select it. */
        Double bandwidth() {
            return bw.value();
        }

        Double bandwidthMin() {
            return bw.min();
        }

        Double bandwidthMax() {
            return bw.max();
        }

        Double intervalStep() {
            return bw.step();
        }

        boolean temporal() {
            return st != null;
        }

        SpaceTimeMetric.Form form() {
            return st == null ? SpaceTimeMetric.Form.HUANG : st.distance();
        }

        /** The given tau (HUANG; spatial units squared per time unit squared) or null to select it. */
        Double tau() {
            return st == null ? null : st.tau();
        }

        /** Lower bound of the tau search in log10 of the scaled ratio (tau / m^2). */
        double logTauMin() {
            return st == null ? -3 : st.logTauMin();
        }

        double logTauMax() {
            return st == null ? 3 : st.logTauMax();
        }

        /** GWMODEL_LINEAR weight of the spatial distance. */
        double lambdaGw() {
            return st == null ? 0.05 : st.lambdaGw();
        }

        double ksi() {
            return st == null ? 0 : st.ksi();
        }

        boolean pastOnly() {
            return st != null && st.pastOnly();
        }
    }

    /** One inner search: the best bandwidth for a tau. */
    record Inner(double tau, Bandwidth bandwidth, double score, List<BandwidthSearch.Evaluation> evaluations, String method,
                 double lower, double upper, double memoryCap) {
    }

    /** Global diagnostics of the final fit (Fotheringham, Brunsdon &amp; Charlton 2002, ch. 2-4). */
    record Diagnostics(int n, int parameters, double rss, double traceS, double traceSS, double enp, double edf,
                       double sigma2, double sigmaMl, double logLik, double aicc, double aic, double aicGwmodel, double bic,
                       double r2, double r2Adjusted, double cv, double cvMean, double meanNeighbours) {
    }

    /** Everything the step reports. */
    record Result(Settings settings, double tau, double spatialScale, SpaceTimeMetric metric, Bandwidth bandwidth,
                  double score, List<Inner> path, String searchMethod, LocalRegression model, Design modelDesign,
                  double[] modelBeta, LocalRegression.Fit fit, double[] se, double[] localR2, double[] residuals,
                  double[] stdResiduals, double[] cooksD, Diagnostics diagnostics, long neighbourEntries) {
    }

    private final Design design;
    private final Locations locations;
    private final Settings s;
    private final Parallelism par;
    private final ProgressReporter progress;
    private final IntFunction<String> pointName;

    /** Internal point r is the caller's point {@code order[r]}. */
    private final int[] order;

    /**
     * The engine works on the points in k-d-tree order (nearby points at nearby indices: coherent
     * radius guesses in {@link KdTree#adaptive} and cache-friendly access to the design rows);
     * {@link #run()} returns every per-point array in the caller's order.
     */
    GtwrEngine(Design design, Locations locations, Settings settings, Parallelism par, ProgressReporter progress,
               IntFunction<String> pointName) {
        Locations loc = settings.temporal() ? locations : locations.withoutTime();
        this.order = new KdTree(loc, SpaceTimeMetric.spaceOnly()).order();
        this.design = design.permuted(order);
        this.locations = loc.permuted(order);
        this.s = settings;
        this.par = par;
        this.progress = progress;
        this.pointName = i -> pointName.apply(order[i]);
    }

    /** Median spatial distance between distinct locations (a deterministic subsample of at most 1000). */
    static double spatialScale(Locations loc) {
        List<Integer> distinct = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < loc.n; i++) {
            StringBuilder k = new StringBuilder();
            for (int d = 0; d < loc.dims; d++) k.append(Double.doubleToLongBits(loc.s[i * loc.dims + d])).append(',');
            if (seen.add(k.toString())) distinct.add(i);
        }
        int m = distinct.size();
        int step = Math.max(1, (m + 999) / 1000);
        List<Integer> sample = new ArrayList<>();
        for (int i = 0; i < m; i += step) sample.add(distinct.get(i));
        int q = sample.size();
        if (q < 2) return 0;
        double[] d = new double[q * (q - 1) / 2];
        int c = 0;
        for (int i = 0; i < q; i++) for (int j = i + 1; j < q; j++) d[c++] = loc.spatial(sample.get(i), sample.get(j));
        Arrays.sort(d);
        return d.length % 2 == 1 ? d[d.length / 2] : 0.5 * (d[d.length / 2 - 1] + d[d.length / 2]);
    }

    /** Largest finite space-time distance: exact for small n, else an upper bound. */
    double maxDistance(KdTree tree) {
        int n = locations.n;
        double max = 0;
        if (n <= EXACT_MAX_DISTANCE_LIMIT) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double d = tree.distance(i, j);
                    if (d != Double.POSITIVE_INFINITY && d > max) max = d;
                }
            }
            return max;
        }
        double ms = 0;
        for (int j = 0; j < n; j++) ms = Math.max(ms, locations.spatial(0, j));
        double tmin = Double.POSITIVE_INFINITY;
        double tmax = Double.NEGATIVE_INFINITY;
        for (double t : locations.t) {
            tmin = Math.min(tmin, t);
            tmax = Math.max(tmax, t);
        }
        double spatialBound = locations.greatCircle ? Math.min(2 * ms, Math.PI * Locations.EARTH_RADIUS_KM) : 2 * ms;
        return tree.metric().combine(spatialBound, tmax - tmin);
    }

    private boolean timeVaries() {
        double t0 = locations.t[0];
        for (double t : locations.t) if (t != t0) return true;
        return false;
    }

    SpaceTimeMetric metricFor(double tau) {
        if (!s.temporal()) return SpaceTimeMetric.spaceOnly();
        if (s.form() == SpaceTimeMetric.Form.GWMODEL_LINEAR) {
            return new SpaceTimeMetric(SpaceTimeMetric.Form.GWMODEL_LINEAR, Double.NaN, s.lambdaGw(), s.ksi(), s.pastOnly());
        }
        return SpaceTimeMetric.huang(tau, s.pastOnly());
    }

    BandwidthSearch.Method resolvedMethod() {
        if (s.search() != BandwidthSearch.Method.AUTO) return s.search();
        return design.n <= AUTO_GOLDEN_LIMIT ? BandwidthSearch.Method.GOLDEN : BandwidthSearch.Method.EXPANDING;
    }

    double criterion(LocalRegression.Score sc) {
        int n = design.n;
        if (sc.singular() > 0) return Double.POSITIVE_INFINITY;
        if (s.criterion() == GwrOptions.Criterion.CV) return sc.cvSs();
        if (n - 2 - sc.traceS() <= 0) return Double.POSITIVE_INFINITY;
        return aicc(n, sc.rss(), sc.traceS());
    }

    static double aicc(int n, double rss, double traceS) {
        return n * Math.log(rss / n) + n * Math.log(2 * Math.PI) + n * (n + traceS) / (n - 2 - traceS);
    }

    /** Builds (or grows) neighbour lists so that {@code bw} is covered; reuses {@code current} when it already is. */
    private LocalRegression cover(KdTree tree, LocalRegression current, Bandwidth bw, double target) {
        if (current != null && current.covers(bw)) return current;
        // (callers drop their reference to the old lists first, so both never occupy the heap together)
        double support = s.kernel().support(s.cutoff());
        Neighbours nb;
        if (bw.adaptive()) {
            int k = (int) Math.min(design.n, Math.max(bw.neighbours(), Math.ceil(target)));
            if (k < bw.neighbours()) k = bw.neighbours();
            nb = Neighbours.adaptive(tree, k, support, par);
        } else {
            double r = Math.max(bw.value(), target) * support;
            nb = Neighbours.fixed(tree, r, par);
        }
        return new LocalRegression(design, nb, s.kernel(), s.cutoff());
    }

    /** The best bandwidth for one tau. */
    Inner inner(double tau, ProgressReporter.Task task) {
        return inner(tau, task, Double.NaN);
    }

    /** The best bandwidth for one tau; an expanding search starts at {@code hint} (a nearby tau's optimum) if given. */
    Inner inner(double tau, ProgressReporter.Task task, double hint) {
        SpaceTimeMetric metric = metricFor(tau);
        KdTree tree = new KdTree(locations, metric);
        int n = design.n;
        int p = design.p;
        BandwidthSearch.Method method = resolvedMethod();
        double lo;
        double hi;
        if (s.adaptive()) {
            lo = s.bandwidthMin() != null ? s.bandwidthMin() : Math.min(n, Math.max(p + 2, 20));
            hi = s.bandwidthMax() != null ? Math.min(n, s.bandwidthMax()) : n;
        } else {
            double maxD = maxDistance(tree);
            lo = s.bandwidthMin() != null ? s.bandwidthMin() : maxD / 5000;
            hi = s.bandwidthMax() != null ? s.bandwidthMax() : maxD;
        }
        final LocalRegression[] model = {null};
        final double[] cap = {Double.POSITIVE_INFINITY};
        boolean known = method != BandwidthSearch.Method.EXPANDING;
        BandwidthSearch search = new BandwidthSearch(v -> {
            Bandwidth bw = s.adaptive() ? Bandwidth.adaptive((int) v) : Bandwidth.fixed(v);
            // expanding: cover the candidate and the next step up (the steps grow geometrically, so the
            // rebuilds cost a constant factor; a warm-started search then needs one build per tau)
            double target = known ? hi : v * BandwidthSearch.PHI;
            if (v >= cap[0]) return Double.POSITIVE_INFINITY;
            if (model[0] != null && !model[0].covers(bw)) model[0] = null;
            try {
                model[0] = cover(tree, model[0], bw, target);
            } catch (EstimationException e) {
                if (e.reason() != EstimationException.Reason.OUT_OF_BOUNDS || known) throw e;
                try {
                    model[0] = cover(tree, model[0], bw, v);
                } catch (EstimationException e2) {
                    if (e2.reason() != EstimationException.Reason.OUT_OF_BOUNDS) throw e2;
                    // a candidate whose neighbour lists exceed the memory budget scores +Inf: the search
                    // continues among smaller bandwidths and the result says so
                    cap[0] = Math.min(cap[0], v);
                    return Double.POSITIVE_INFINITY;
                }
            }
            double score = criterion(model[0].score(bw, s.criterion() == GwrOptions.Criterion.CV, par));
            if (task != null) task.advance(1);
            return score;
        }, s.adaptive());
        if (s.bandwidth() != null) {
            double v = s.adaptive() ? Math.rint(s.bandwidth()) : s.bandwidth();
            double score = search.evaluate(v);
            Bandwidth bw = s.adaptive() ? Bandwidth.adaptive((int) v) : Bandwidth.fixed(v);
            return new Inner(tau, bw, score, search.evaluations(), "given", v, v, cap[0]);
        }
        if (!(hi > lo)) {
            throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS,
                    "bandwidth search range [" + lo + ", " + hi + "] is empty");
        }
        BandwidthSearch.Evaluation best = search.minimise(method, lo, hi, s.intervalStep() == null ? Double.NaN : s.intervalStep(),
                hint);
        Bandwidth bw = s.adaptive() ? Bandwidth.adaptive((int) best.bandwidth()) : Bandwidth.fixed(best.bandwidth());
        return new Inner(tau, bw, best.score(), search.evaluations(), method.label(), lo, hi, cap[0]);
    }

    Result run() {
        List<Inner> path = new ArrayList<>();
        double m = spatialScale(locations);
        Inner best;
        try (ProgressReporter.Task task = progress.start((s.temporal() ? "gtwr" : "gwr") + " bandwidth search", 400)) {
            boolean selectTau = s.temporal() && s.form() == SpaceTimeMetric.Form.HUANG && s.tau() == null && timeVaries();
            if (selectTau) {
                if (!(m > 0)) {
                    throw new EstimationException(EstimationException.Reason.OUT_OF_BOUNDS,
                            "all observations share one location: the space-time ratio cannot be selected; give tau");
                }
                best = tauSearch(m, path, task);
            } else {
                double tau = !s.temporal() ? 0 : s.tau() != null ? s.tau() : 0;
                best = inner(tau, task);
                path.add(best);
            }
        }
        if (best.score() == Double.POSITIVE_INFINITY && s.bandwidth() == null) {
            throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX,
                    "no bandwidth in [" + best.lower() + ", " + best.upper() + "] gives non-singular local regressions"
                            + " with a finite " + s.criterion().label() + "; widen bandwidth-max or reduce the regressors");
        }
        return finalFit(best, m, path);
    }

    private Inner tauSearch(double m, List<Inner> path, ProgressReporter.Task task) {
        double m2 = m * m;
        Map<Double, Inner> byLog = new java.util.TreeMap<>();
        java.util.function.DoubleFunction<Inner> at = g -> byLog.computeIfAbsent(g, key -> {
            // warm start: the optimum of the nearest tau evaluated so far
            double hint = Double.NaN;
            double gap = Double.POSITIVE_INFINITY;
            for (Map.Entry<Double, Inner> e : byLog.entrySet()) {
                if (Math.abs(e.getKey() - key) < gap && e.getValue().score() < Double.POSITIVE_INFINITY) {
                    gap = Math.abs(e.getKey() - key);
                    hint = e.getValue().bandwidth().value();
                }
            }
            Inner r = inner(Math.pow(10, key) * m2, task, hint);
            path.add(r);
            return r;
        });
        double lo = s.logTauMin();
        double hi = s.logTauMax();
        double bestG = lo;
        double bestScore = Double.POSITIVE_INFINITY;
        for (double g = Math.ceil(lo); g <= Math.floor(hi) + 1e-9; g += 1) {
            Inner r = at.apply(g);
            if (r.score() < bestScore) {
                bestScore = r.score();
                bestG = g;
            }
        }
        if (byLog.isEmpty()) {
            Inner r = at.apply(lo);
            bestG = lo;
            bestScore = r.score();
        }
        double a = Math.max(lo, bestG - 1);
        double b = Math.min(hi, bestG + 1);
        double x1 = b - BandwidthSearch.GOLDEN * (b - a);
        double x2 = a + BandwidthSearch.GOLDEN * (b - a);
        double f1 = at.apply(x1).score();
        double f2 = at.apply(x2).score();
        while (b - a > TAU_TOLERANCE) {
            if (f1 <= f2) {
                b = x2;
                x2 = x1;
                f2 = f1;
                x1 = b - BandwidthSearch.GOLDEN * (b - a);
                f1 = at.apply(x1).score();
            } else {
                a = x1;
                x1 = x2;
                f1 = f2;
                x2 = a + BandwidthSearch.GOLDEN * (b - a);
                f2 = at.apply(x2).score();
            }
        }
        Inner best = null;
        for (Inner r : path) {
            if (best == null || r.score() < best.score() || (r.score() == best.score() && r.tau() < best.tau())) best = r;
        }
        return best;
    }

    private Result finalFit(Inner best, double m, List<Inner> path) {
        int n = design.n;
        int p = design.p;
        SpaceTimeMetric metric = metricFor(best.tau());
        KdTree tree = new KdTree(locations, metric);
        Bandwidth bw = best.bandwidth();
        LocalRegression model = cover(tree, null, bw, bw.adaptive() ? bw.neighbours() : bw.value());
        LocalRegression.Fit fit = model.fit(bw, par);
        if (fit.firstSingular >= 0) {
            // report the first singular point in the caller's order
            int i = -1;
            for (int r = 0; r < n; r++) if (fit.singular[r] && (i < 0 || order[r] < order[i])) i = r;
            throw new EstimationException(EstimationException.Reason.SINGULAR_MATRIX,
                    "local regression at point " + (order[i] + 1) + " (" + pointName.apply(i) + ") is singular for bandwidth "
                            + bandwidthLabel(bw) + ": too few neighbours with positive weight or collinear regressors nearby");
        }
        double[] e = new double[n];
        double rss = 0;
        double trS = 0;
        double trSS = 0;
        double ybar = 0;
        for (int i = 0; i < n; i++) ybar += design.y[i];
        ybar /= n;
        double tss = 0;
        long used = 0;
        for (int i = 0; i < n; i++) {
            e[i] = design.y[i] - fit.yhat[i];
            rss += e[i] * e[i];
            trS += fit.sii[i];
            trSS += fit.rowSs[i];
            tss += (design.y[i] - ybar) * (design.y[i] - ybar);
            used += fit.used[i];
        }
        double edf = n - 2 * trS + trSS;
        double sigma2 = rss / edf;
        double sigmaMl2 = rss / n;
        double logLik = -0.5 * (n * Math.log(sigmaMl2) + n * Math.log(2 * Math.PI) + n);
        double aicc = n - 2 - trS > 0 ? aicc(n, rss, trS) : Double.NaN;
        double aic = -2 * logLik + 2 * (trS + 1);
        double aicGwmodel = -2 * logLik + trS;
        double bic = -2 * logLik + (trS + 1) * Math.log(n);
        double r2 = 1 - rss / tss;
        double r2Adj = 1 - (1 - r2) * (n - 1) / (edf - 1);
        double cv = model.score(bw, true, par).cvSs();

        double[] se = new double[n * p];
        double[] std = new double[n];
        double[] cook = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) se[i * p + k] = Math.sqrt(sigma2 * fit.ccDiag[i * p + k]);
            double sii = fit.sii[i];
            std[i] = e[i] / Math.sqrt(sigma2 * (1 - sii));
            cook[i] = std[i] * std[i] * sii / (trS * (1 - sii));
        }
        double[] r2Local = model.localR2(bw, e, par);
        Diagnostics diag = new Diagnostics(n, p, rss, trS, trSS, 2 * trS - trSS, edf, sigma2, Math.sqrt(sigmaMl2), logLik, aicc,
                aic, aicGwmodel, bic, r2, r2Adj, cv, cv / n, (double) used / n);
        // back to the caller's order
        LocalRegression.Fit out = new LocalRegression.Fit(n, p);
        double[] seOut = new double[n * p];
        double[] r2Out = new double[n];
        double[] eOut = new double[n];
        double[] stdOut = new double[n];
        double[] cookOut = new double[n];
        for (int r = 0; r < n; r++) {
            int i = order[r];
            System.arraycopy(fit.beta, r * p, out.beta, i * p, p);
            System.arraycopy(fit.ccDiag, r * p, out.ccDiag, i * p, p);
            System.arraycopy(se, r * p, seOut, i * p, p);
            out.sii[i] = fit.sii[r];
            out.yhat[i] = fit.yhat[r];
            out.rowSs[i] = fit.rowSs[r];
            out.bandwidth[i] = fit.bandwidth[r];
            out.used[i] = fit.used[r];
            r2Out[i] = r2Local[r];
            eOut[i] = e[r];
            stdOut[i] = std[r];
            cookOut[i] = cook[r];
        }
        return new Result(s, best.tau(), m, metric, bw, best.score(), List.copyOf(path), best.method(), model, design, fit.beta,
                out, seOut, r2Out, eOut, stdOut, cookOut, diag, model.neighbours().entries());
    }

    static String bandwidthLabel(Bandwidth bw) {
        return bw.adaptive() ? bw.neighbours() + " neighbours" : String.valueOf(bw.value());
    }
}
