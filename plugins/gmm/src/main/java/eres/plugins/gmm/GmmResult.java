package eres.plugins.gmm;

import eres.api.EstimationException;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code gmm} estimates and tests, computed from {@link Moments}: the reported step's
 * coefficients and covariance, Hansen J and Sargan, difference-in-Hansen per instrument group, the
 * Arellano-Bond tests and the Wald test of the slopes.
 *
 * @param b          reported coefficients (one- or two-step)
 * @param v          their covariance (see {@link GmmEngine})
 * @param sigma2     residual variance of the levels errors from the one-step transformed residuals:
 *                   {@code e*'e* / n*}, halved under first differences (Var(D.e) = 2 sigma^2); with this
 *                   divisor the Sargan statistic equals xtabond2's
 * @param hansen     Hansen J at the two-step estimate (always computed, as xtabond2 does)
 * @param sargan     Sargan statistic {@code (Z'e1)' (Z'HZ)^-1 (Z'e1) / sigma2} at the one-step estimate
 * @param dfOverid   instruments minus coefficients
 * @param diff       difference-in-Hansen tests per group
 * @param ar         Arellano-Bond tests of order 1..
 * @param wald       Wald statistic of all slopes except the constant; {@code waldDf} its degrees of freedom
 * @param warnings   singular-weighting notes
 */
record GmmResult(double[] b, double[][] v, double sigma2, double hansen, double sargan, int dfOverid, List<DiffHansen> diff,
                 List<GmmEngine.ArTest> ar, double wald, int waldDf, List<String> warnings) {

    /** One difference-in-Hansen test: J without the group, and the difference. */
    record DiffHansen(String group, int instruments, double excluded, int dfExcluded, double difference, int dfDifference,
                      String note) {
    }

    static GmmResult estimate(GmmEstimator.Parameters p, Moments m, String where) {
        if (m.l < m.k) {
            throw new EstimationException(EstimationException.Reason.TOO_FEW_OBSERVATIONS, where + "fewer instruments (" + m.l
                    + ") than coefficients (" + m.k + "): the equation is not identified; add instruments or lags");
        }
        GmmEngine engine = new GmmEngine(m);
        GmmEngine.Fit fit = engine.fit(null, null, where.isEmpty() ? "gmm" : where.strip());
        List<String> warnings = new ArrayList<>();
        if (fit.a1Generalized()) warnings.add("the one-step weighting matrix (Z'HZ) is singular; a generalized inverse was used");
        if (fit.a2Generalized()) {
            warnings.add("the two-step weighting matrix (sum Z'ee'Z) is singular; a generalized inverse was used"
                    + " (difference-in-Hansen statistics may be negative)");
        }
        boolean two = p.steps() == 2;
        boolean robust = p.se().equals("robust");
        GmmEngine.Step rep = two ? fit.two() : fit.one();
        double[] b1 = fit.one().b();
        double ess = m.tyy - 2 * Dense.dot(b1, m.txy) + Dense.quadratic(m.txx, b1);
        long nStar = m.transformedRows;
        double sigma2 = ess / Math.max(1, nStar) / (p.transformation().equals("fod") ? 1 : 2);
        double[][] v;
        if (two) v = robust ? engine.windmeijer(fit) : fit.two().bread();
        else v = robust ? engine.robustOneStep(fit) : Dense.scale(fit.one().bread(), sigma2);
        if (p.small()) v = Dense.scale(v, smallFactor(m, robust || two));
        double hansen = GmmEngine.hansen(fit);
        double sargan = Dense.quadratic(fit.one().weight(), fit.one().uSum()) / sigma2;
        List<DiffHansen> diff = p.diffHansen() ? diffHansen(engine, m, fit.s1(), hansen, where) : List.of();
        List<GmmEngine.ArTest> ar = engine.arTests(p.arTests(), rep, v);
        int[] slopes = slopes(m);
        double wald = Double.NaN;
        if (slopes.length > 0) {
            double[] bs = Dense.entries(rep.b(), slopes);
            try {
                wald = Dense.quadratic(Dense.inverseSpd(Dense.sub(v, slopes), "covariance"), bs);
            } catch (EstimationException e) {
                warnings.add("the covariance matrix of the slopes is singular; no Wald test");
            }
        }
        return new GmmResult(rep.b(), v, sigma2, hansen, sargan, m.l - m.k, diff, ar, wald, slopes.length, warnings);
    }

    /**
     * xtabond2's {@code small} correction of the covariance: {@code (N - 1) / (N - k) * G / (G - 1)} when it is
     * cluster-robust (one-step robust, all two-step), {@code N / (N - k)} otherwise; N observations, G groups.
     */
    static double smallFactor(Moments m, boolean clustered) {
        double n = m.system ? m.levelRows : m.transformedRows;
        double g = m.groupsInSample();
        return clustered ? (n - 1) / (n - m.k) * g / (g - 1) : n / (n - m.k);
    }

    static int[] slopes(Moments m) {
        List<Integer> s = new ArrayList<>();
        for (int j = 0; j < m.k; j++) if (!m.regressors.get(j).equals("_cons")) s.add(j);
        return s.stream().mapToInt(Integer::intValue).toArray();
    }

    private static List<DiffHansen> diffHansen(GmmEngine engine, Moments m, double[][] s1, double hansen, String where) {
        List<DiffHansen> out = new ArrayList<>();
        List<List<Integer>> sets = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int g = 0; g < m.groups.size(); g++) {
            if (!m.groups.get(g).tested()) continue;
            List<Integer> cols = new ArrayList<>();
            for (int c = 0; c < m.l; c++) if (m.columns.get(c).group() == g) cols.add(c);
            if (cols.isEmpty()) continue;
            sets.add(cols);
            labels.add(m.groups.get(g).label());
        }
        if (m.system) {
            List<Integer> cols = new ArrayList<>();
            for (int c = 0; c < m.l; c++) {
                Design.Kind kind = m.columns.get(c).kind();
                if (kind == Design.Kind.GMM_LEVEL_DIFF || kind == Design.Kind.GMM_LEVEL_LAGS) cols.add(c);
            }
            if (!cols.isEmpty()) {
                sets.add(cols);
                labels.add("GMM instruments for levels");
            }
        }
        for (int s = 0; s < sets.size(); s++) {
            List<Integer> group = sets.get(s);
            List<Integer> rest = new ArrayList<>();
            for (int c = 0; c < m.l; c++) if (!group.contains(c)) rest.add(c);
            int dfEx = rest.size() - m.k;
            if (dfEx < 0 || rest.isEmpty()) {
                out.add(new DiffHansen(labels.get(s), group.size(), Double.NaN, dfEx, Double.NaN, group.size(),
                        "without this group the equation is not identified"));
                continue;
            }
            try {
                GmmEngine.Fit f = engine.fit(rest.stream().mapToInt(Integer::intValue).toArray(), s1, where + "difference-in-Hansen");
                double j = GmmEngine.hansen(f);
                out.add(new DiffHansen(labels.get(s), group.size(), j, dfEx, hansen - j, group.size(), null));
            } catch (EstimationException e) {
                out.add(new DiffHansen(labels.get(s), group.size(), Double.NaN, dfEx, Double.NaN, group.size(),
                        "not identified without this group"));
            }
        }
        return out;
    }
}
