package eres.plugins.threshold;

import eres.api.random.Seeds;
import eres.api.EstimationException;
import eres.api.Parallelism;
import eres.api.ProgressReporter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Hansen's (1999) sequential procedure on one sample: threshold 1; threshold 2 given 1, then the
 * refinement of 1 given 2 (Bai 1997); threshold 3 given the unrefined 1 and 2 (as in Hansen's code);
 * the F statistics {@code F_k = (S_{k-1} - S_k) / (S_k / df)} with {@code df = sum_i (T_i - 1)}; the LR
 * profiles {@code LR(g) = (S(g) - S(g_hat)) / (S(g_hat) / df)}; and the bootstrap of each F test under
 * its null model, re-estimating the null thresholds in every replication.
 */
final class Procedure {
    /** Bootstrap schemes. */
    enum Scheme {
        /** Hansen's: whole within-residual vectors of entities drawn with replacement (needs equal T_i). */
        RESIDUAL,
        /** Wild bootstrap over entities: each entity's residual vector times a Rademacher sign (any T_i). */
        WILD
    }

    final SearchEngine eng;
    final Prepared d;
    final double[] trims;
    final int maxThresholds;
    final double critical;
    private final String where;

    /**
     * @param trims   trimming per step (length 3)
     * @param level   confidence level of the LR intervals
     */
    Procedure(SearchEngine eng, double[] trims, int maxThresholds, double level, String where) {
        this.eng = eng;
        this.d = eng.d;
        this.trims = trims.clone();
        this.maxThresholds = maxThresholds;
        this.critical = criticalValue(level);
        this.where = where;
    }

    /** Hansen's (1999, 2000) {@code c(alpha) = -2 ln(1 - sqrt(level))}. */
    static double criticalValue(double level) {
        return -2 * Math.log(1 - Math.sqrt(level));
    }

    /** One estimated threshold with its LR profile and confidence set. */
    record Estimate(String name, int candidate, double value, double ssrRestricted, double ssr, double[] gamma,
                    double[] lr, double ciLow, double ciHigh, boolean ciInterval, int singular, int admissible) {
    }

    /** The sequential estimates. {@code steps.get(k-1)} is step k; {@code refined} is Th-21 (null with one threshold). */
    record Observed(double ssr0, List<Estimate> steps, Estimate refined, List<double[]> nullResiduals) {
        /** Thresholds of the k-threshold model, ascending: step 1; refined 1 and step 2; refined 1, 2, 3. */
        double[] thresholds(int k) {
            List<Double> v = new ArrayList<>();
            if (k >= 1) v.add(k >= 2 && refined != null && !(k >= 3 && tripleUsesUnrefined()) ? refined.value() : steps.get(0).value());
            if (k >= 2) v.add(steps.get(1).value());
            if (k >= 3) v.add(steps.get(2).value());
            return v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        }

        /**
         * Th-3 is searched given the unrefined Th-1 and Th-22, so it can coincide with the refined Th-21,
         * which would leave the triple model an empty regime; the triple model then uses Th-1, Th-22, Th-3.
         */
        boolean tripleUsesUnrefined() {
            return steps.size() >= 3 && refined != null && steps.get(2).value() == refined.value();
        }

        double f(int k, int df) {
            Estimate e = steps.get(k - 1);
            return (e.ssrRestricted() - e.ssr()) / (e.ssr() / df);
        }
    }

    Observed observe() {
        double[] e0 = eng.baseResidual(d.yt);
        List<Estimate> steps = new ArrayList<>();
        List<double[]> residuals = new ArrayList<>();
        residuals.add(e0);
        int[] fixed = new int[0];
        double ssr0 = Prepared.dot(e0, e0);
        Estimate refined = null;
        for (int k = 1; k <= maxThresholds; k++) {
            SearchEngine.Stage st = eng.stage(fixed, trims[k - 1]);
            requireCandidates(st, k);
            SearchEngine.Outcome o = st.search(e0, true);
            Estimate est = estimate(k == 1 ? "Th-1" : k == 2 ? "Th-22" : "Th-3", st, o);
            steps.add(est);
            if (k < maxThresholds) {
                int[] next = Arrays.copyOf(fixed, fixed.length + 1);
                next[fixed.length] = o.best();
                fixed = next;
                residuals.add(eng.stage(fixed, trims[k]).search(e0, true).residual());
            }
            if (k == 2) {
                SearchEngine.Stage rs = eng.stage(new int[] {o.best()}, trims[1]);
                requireCandidates(rs, 2);
                refined = estimate("Th-21", rs, rs.search(e0, true));
            }
        }
        return new Observed(ssr0, steps, refined, residuals);
    }

    private void requireCandidates(SearchEngine.Stage st, int k) {
        if (st.empty()) {
            Candidates c = eng.cands;
            String rule = c.qn == 0 ? "each regime needs at least " + c.minRegime(trims[k - 1]) + " of the " + d.n
                    + " observations (trim " + trims[k - 1] + ")"
                    : "Hansen's grid of " + c.qn + " points with trim " + trims[k - 1] + " leaves no candidate";
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, where
                    + "too few observations for threshold " + k + ": " + rule + "; " + d.n + " observations, "
                    + d.distinct.length + " distinct values of the threshold variable"
                    + (st.adm.length > 0 ? " (all " + st.adm.length + " admissible candidates are singular)" : "")
                    + "; lower 'trim' or 'thresholds'");
        }
    }

    private Estimate estimate(String name, SearchEngine.Stage st, SearchEngine.Outcome o) {
        double sBest = o.ssr();
        double sigma2 = sBest / d.df;
        int m = o.admissible().length;
        double[] g = new double[m];
        double[] lr = new double[m];
        int k = 0;
        double lastValue = Double.NaN;
        for (int i = 0; i < m; i++) {
            double s = o.profileSsr()[i];
            double v = eng.cands.value[o.admissible()[i]];
            if (Double.isNaN(s) || v == lastValue) continue; // singular, or a duplicate grid point
            g[k] = v;
            lr[k] = Math.max(0, (s - sBest) / sigma2);
            lastValue = v;
            k++;
        }
        g = Arrays.copyOf(g, k);
        lr = Arrays.copyOf(lr, k);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        int first = -1;
        int last = -1;
        for (int i = 0; i < k; i++) {
            if (lr[i] < critical) { // Hansen's code: lr < c(alpha)
                if (first < 0) first = i;
                last = i;
                lo = Math.min(lo, g[i]);
                hi = Math.max(hi, g[i]);
            }
        }
        boolean interval = true;
        for (int i = first; i >= 0 && i <= last; i++) if (!(lr[i] < critical)) interval = false;
        return new Estimate(name, o.best(), eng.cands.value[o.best()], o.ssrRestricted(), sBest, g, lr, lo, hi, interval,
                st.singularCount, m);
    }

    /** Bootstrap distribution of one F test. */
    record BootstrapTest(int test, int replications, double[] statistics, int failed, double pValue, double crit10,
                         double crit5, double crit1) {
    }

    /**
     * The bootstrap of test {@code k} (k thresholds against k - 1): data generated from the fitted
     * (k-1)-threshold model (transformed fitted values plus resampled within residuals), then the whole
     * sequential procedure is re-run up to k thresholds and {@code F* = (S*_{k-1} - S*_k) / (S*_k / df)}.
     * p-value {@code #{F* > F} / B}; critical values are the sorted F* at positions {@code ceil(p B)}.
     * Replication b draws from {@code Seeds.generator(seed, b)} only, so results are identical for any
     * thread count.
     */
    BootstrapTest bootstrap(Observed obs, int k, int reps, long seed, Scheme scheme, Parallelism par,
                            ProgressReporter.Task task) {
        double fObs = obs.f(k, d.df);
        double[] e = obs.nullResiduals().get(k - 1);
        double[] fitted = new double[d.nt];
        for (int i = 0; i < d.nt; i++) fitted[i] = d.yt[i] - e[i];
        if (scheme == Scheme.RESIDUAL) {
            for (int j = 1; j < d.entities; j++) {
                if (d.tRows(j) != d.tRows(0)) {
                    throw new IllegalStateException("residual bootstrap needs equal T_i");
                }
            }
        }
        List<Double> stats = par.map(reps, b -> {
            double v = replicate(fitted, e, k, Seeds.generator(seed, b), scheme);
            task.advance(1);
            return v;
        });
        double[] all = new double[reps];
        int valid = 0;
        int exceed = 0;
        for (Double v : stats) {
            if (Double.isNaN(v)) continue;
            all[valid++] = v;
            if (v > fObs) exceed++;
        }
        double[] sorted = Arrays.copyOf(all, valid);
        Arrays.sort(sorted);
        double[] statistics = new double[reps];
        for (int b = 0; b < reps; b++) statistics[b] = stats.get(b);
        if (valid == 0) return new BootstrapTest(k, reps, statistics, reps, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        return new BootstrapTest(k, reps, statistics, reps - valid, (double) exceed / valid, quantile(sorted, 0.90),
                quantile(sorted, 0.95), quantile(sorted, 0.99));
    }

    /** Hansen's critical value: the sorted statistics at 1-based position {@code ceil(p B)}. */
    static double quantile(double[] sorted, double p) {
        int pos = (int) Math.ceil(p * sorted.length - 1e-9);
        return sorted[Math.max(0, Math.min(sorted.length - 1, pos - 1))];
    }

    private double replicate(double[] fitted, double[] e, int k, UniformRandomProvider rng, Scheme scheme) {
        double[] y = new double[d.nt];
        for (int i = 0; i < d.entities; i++) {
            int from = d.tStart[i];
            int len = d.tRows(i);
            if (scheme == Scheme.RESIDUAL) {
                int src = d.tStart[rng.nextInt(d.entities)];
                for (int t = 0; t < len; t++) y[from + t] = fitted[from + t] + e[src + t];
            } else {
                double eta = rng.nextBoolean() ? 1 : -1;
                for (int t = 0; t < len; t++) y[from + t] = fitted[from + t] + eta * e[from + t];
            }
        }
        double[] e0 = eng.baseResidualFast(y);
        int[] fixed = new int[0];
        SearchEngine.Outcome o = null;
        for (int s = 1; s <= k; s++) {
            SearchEngine.Stage st = eng.stage(fixed, trims[s - 1]);
            o = st.search(e0, false);
            if (o.best() < 0) return Double.NaN;
            if (s < k) {
                int[] next = Arrays.copyOf(fixed, fixed.length + 1);
                next[fixed.length] = o.best();
                fixed = next;
            }
        }
        return o.f(d.df);
    }
}
