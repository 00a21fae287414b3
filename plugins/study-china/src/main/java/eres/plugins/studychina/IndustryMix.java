package eres.plugins.studychina;

import java.util.List;

/**
 * Employment in the 19 industries that realises given diversification (Shannon entropy of the shares)
 * and specialization (maximum location quotient against the all-province total of the year) targets.
 *
 * <p>For province i in year t with reference shares P (the national structure of the year, an
 * exogenous series: {@link #nationalShares}), specialty industry k* and target quotient L: {@code p_k* = L P_k*}, and the
 * rest is spread as {@code p_k proportional to P_k^tau exp(h_ik)} with a fixed province tilt h (design, sd 0.05).
 * tau is found by bisection so that the entropy equals its target, within the range of tau that
 * keeps every other quotient below 0.97 L (so k* stays the maximum). Employment is {@code total_it p_itk}, rounded to one person;
 * the realised entropy and quotient are then computed from the rounded numbers exactly as the
 * industry-structure plugin does.
 */
final class IndustryMix {
    private static final double MARGIN = 0.97;
    private final List<Provinces.Province> provinces;
    private final double[][] totals;
    private final int n;
    private final int k = StudyVariables.INDUSTRIES.size();
    private final int[] specialty;
    private final double[][] tilt;

    /** Employment by industry [province][year][industry], realised indices, and how many cells missed a target. */
    record Result(double[][][] employment, double[][] diversification, double[][] specialization, int clamped) {
    }

    /** Standard deviation of the fixed province tilt of the non-specialty industries. */
    static final double TILT_SD = 0.05;

    IndustryMix(List<Provinces.Province> provinces, double[][] totals) {
        this.provinces = provinces;
        this.totals = totals;
        this.n = provinces.size();
        specialty = new int[n];
        tilt = new double[n][k];
        StudySimulation.Normal h = StudySimulation.Normal.design("industry-tilt");
        for (int i = 0; i < n; i++) {
            String section = StudyVariables.SPECIALTIES.get(provinces.get(i).code()).section();
            specialty[i] = -1;
            for (int j = 0; j < k; j++) if (StudyVariables.INDUSTRIES.get(j).section().equals(section)) specialty[i] = j;
            for (int j = 0; j < k; j++) tilt[i][j] = h.next(TILT_SD);
        }
    }

    /** The entropy of province i at quotient L with the other industries in proportion to the reference (tau = 1). */
    double naturalEntropy(int i, double quotient, double[] reference) {
        return entropy(shares(i, quotient, 1.0, reference));
    }

    /**
     * The entropies reachable at this quotient with the specialty still the maximum quotient:
     * {@code {lowest, highest}} (at the ends of the feasible range of tau), after raising the quotient to
     * its floor where it is below.
     */
    double[] entropyBand(int i, double quotient, double[] reference) {
        double q = Math.max(quotient, minimumQuotient(i, reference));
        double[] range = tauRange(i, q, reference);
        return new double[] {entropy(shares(i, q, range[1], reference)), entropy(shares(i, q, range[0], reference))};
    }

    /**
     * National shares of industry j in year t: the base structure with gentle trends (manufacturing and
     * mining shrinking, services and IT growing), normalised to sum to 1.
     */
    static double[][] nationalShares(int years) {
        int k = StudyVariables.INDUSTRIES.size();
        double[][] out = new double[years][k];
        for (int t = 0; t < years; t++) {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                StudyVariables.Industry ind = StudyVariables.INDUSTRIES.get(j);
                out[t][j] = ind.nationalEmployment10k() * StrictMath.exp(ind.trend() * (t - 7));
                sum += out[t][j];
            }
            for (int j = 0; j < k; j++) out[t][j] /= sum;
        }
        return out;
    }

    Result build(double[][] divTarget, double[][] speTarget, double[][] reference) {
        int years = divTarget[0].length;
        int clamped = 0;
        double[][][] emp = new double[n][years][k];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < years; t++) {
                Solved sol = solve(i, divTarget[i][t], speTarget[i][t], reference[t]);
                if (sol.clamped) clamped++;
                for (int j = 0; j < k; j++) emp[i][t][j] = StudySimulation.round(totals[i][t] * sol.shares[j], 4);
            }
        }
        double[][] div = new double[n][years];
        double[][] spe = new double[n][years];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < years; t++) {
                double row = 0;
                for (int j = 0; j < k; j++) row += emp[i][t][j];
                double h = 0;
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < k; j++) {
                    double pij = emp[i][t][j] / row;
                    if (pij > 0) h -= pij * StrictMath.log(pij);
                    max = Math.max(max, pij / reference[t][j]);
                }
                div[i][t] = h;
                spe[i][t] = max;
            }
        }
        return new Result(emp, div, spe, clamped);
    }

    private record Solved(double[] shares, boolean clamped) {
    }

    private Solved solve(int i, double entropyTarget, double quotient, double[] ref) {
        boolean clamped = false;
        int ks = specialty[i];
        double floor = minimumQuotient(i, ref);
        double max = 0.95 / ref[ks];
        if (quotient < floor) {
            quotient = floor;
            clamped = true;
        } else if (quotient > max) {
            quotient = max;
            clamped = true;
        }
        double[] range = tauRange(i, quotient, ref);
        double hiEntropy = entropy(shares(i, quotient, range[0], ref));
        double loEntropy = entropy(shares(i, quotient, range[1], ref));
        double tau;
        if (entropyTarget >= hiEntropy) {
            tau = range[0];
            clamped |= entropyTarget > hiEntropy + 1e-12;
        } else if (entropyTarget <= loEntropy) {
            tau = range[1];
            clamped |= entropyTarget < loEntropy - 1e-12;
        } else {
            double lo = range[0];
            double hi = range[1];
            for (int it = 0; it < 200 && hi - lo > 1e-15; it++) {
                double mid = (lo + hi) / 2;
                if (entropy(shares(i, quotient, mid, ref)) > entropyTarget) lo = mid;
                else hi = mid;
            }
            tau = (lo + hi) / 2;
        }
        return new Solved(shares(i, quotient, tau, ref), clamped);
    }

    /** The lowest quotient of the specialty that keeps it the maximum at tau = 1 (with margin). */
    double minimumQuotient(int i, double[] ref) {
        double lo = 1.0;
        double hi = 0.95 / ref[specialty[i]];
        for (int it = 0; it < 100; it++) {
            double mid = (lo + hi) / 2;
            if (feasible(i, mid, 1.0, ref)) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    /** [tauLo, tauHi] around 1 where the specialty stays the maximum quotient. */
    private double[] tauRange(int i, double quotient, double[] ref) {
        double lo = 0.2;
        if (!feasible(i, quotient, lo, ref)) {
            double a = lo;
            double b = 1.0;
            for (int it = 0; it < 100; it++) {
                double mid = (a + b) / 2;
                if (feasible(i, quotient, mid, ref)) b = mid;
                else a = mid;
            }
            lo = b;
        }
        double hi = 3.0;
        if (!feasible(i, quotient, hi, ref)) {
            double a = 1.0;
            double b = hi;
            for (int it = 0; it < 100; it++) {
                double mid = (a + b) / 2;
                if (feasible(i, quotient, mid, ref)) a = mid;
                else b = mid;
            }
            hi = a;
        }
        return new double[] {lo, hi};
    }

    private boolean feasible(int i, double quotient, double tau, double[] ref) {
        double[] s = shares(i, quotient, tau, ref);
        for (int j = 0; j < k; j++) {
            if (j != specialty[i] && s[j] / ref[j] > MARGIN * quotient) return false;
        }
        return true;
    }

    private double[] shares(int i, double quotient, double tau, double[] ref) {
        int ks = specialty[i];
        double[] s = new double[k];
        s[ks] = quotient * ref[ks];
        double rest = 1 - s[ks];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            if (j == ks) continue;
            s[j] = StrictMath.exp(tau * StrictMath.log(ref[j]) + tilt[i][j]);
            sum += s[j];
        }
        for (int j = 0; j < k; j++) if (j != ks) s[j] *= rest / sum;
        return s;
    }

    static double entropy(double[] s) {
        double h = 0;
        for (double v : s) if (v > 0) h -= v * StrictMath.log(v);
        return h;
    }
}
