package eres.plugins.gtwr;

import static org.assertj.core.api.Assertions.assertThat;

import eres.core.testing.TestContext;
import eres.api.data.Panel;
import eres.api.result.StepResult;
import java.util.Locale;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sparse GTWR (k-d-tree neighbour lists, Cholesky on a rescaled design, truncation of unbounded
 * kernels) against {@link DenseGtwr}, a naive full-matrix implementation written independently in
 * the test, on 31 provinces x 7 years. With truncation switched off (gaussian-cutoff 0) the two agree
 * to rounding: 1e-9 relative on global quantities, 1e-8 on local ones (the local solves use
 * different factorisations of matrices with condition numbers around 1e3).
 */
class DenseOracleTest {
    static final Panel PANEL = SyntheticPanel.provinces(2008, 7, 42);

    static double[][] columns(Panel p, String... names) {
        double[][] out = new double[p.rows()][names.length];
        for (int k = 0; k < names.length; k++) {
            double[] c = p.column(names[k]);
            for (int i = 0; i < p.rows(); i++) out[i][k] = c[i];
        }
        return out;
    }

    static double[] times(Panel p) {
        double[] t = new double[p.rows()];
        for (int i = 0; i < t.length; i++) t[i] = p.time(i);
        return t;
    }

    static StepResult engine(String kernel, boolean adaptive, double bw, double tau, boolean past, boolean greatCircle,
                             String extra) {
        String coords = greatCircle ? "\"lat\": \"lat\", \"lon\": \"lon\"" : "\"x-coord\": \"px\", \"y-coord\": \"py\"";
        String json = String.format(Locale.ROOT, "{\"y\": \"y\", \"x\": [\"x1\", \"x2\"], %s, \"kernel\": \"%s\", \"adaptive\": %s, "
                + "\"bandwidth\": %s, \"tau\": %s, \"time-window\": \"%s\", \"permutations\": 0, \"maps\": false%s}", coords, kernel,
                adaptive, adaptive ? Integer.toString((int) bw) : Double.toString(bw), Double.toString(tau),
                past ? "past-only" : "symmetric", extra);
        return new GtwrEstimator().run(Fixtures.bind(GtwrEstimator.Parameters.class, json), new TestContext(PANEL));
    }

    static DenseGtwr dense(String kernel, boolean adaptive, double bw, double tau, boolean past, boolean greatCircle) {
        return dense(kernel, adaptive, bw, tau, past, greatCircle, true);
    }

    static DenseGtwr dense(String kernel, boolean adaptive, double bw, double tau, boolean past, boolean greatCircle, boolean cv) {
        Panel p = PANEL;
        double[] a = p.column(greatCircle ? "lat" : "px");
        double[] b = p.column(greatCircle ? "lon" : "py");
        return new DenseGtwr(p.column("y"), columns(p, "x1", "x2"), a, b, greatCircle, times(p), tau, past, kernel, adaptive, bw, cv);
    }

    static void rel(double actual, double expected, double tol, String what) {
        assertThat(actual).as(what).isCloseTo(expected, Offset.offset(tol * Math.max(1, Math.abs(expected))));
    }

    @ParameterizedTest(name = "{0} adaptive={1} bw={2} tau={3} past={4} greatCircle={5}")
    @CsvSource({
        "bisquare, true, 60, 5000, false, true",
        "gaussian, false, 800, 20000, false, true",
        "exponential, true, 40, 10000, true, false",
        "tricube, false, 1500, 100000, false, false",
        "boxcar, true, 50, 3000, false, true",
        "bisquare, false, 2500, 10000, true, true",
        "gaussian, true, 25, 0, false, false"})
    void sparseEqualsDense(String kernel, boolean adaptive, double bw, double tau, boolean past, boolean greatCircle) {
        StepResult r = engine(kernel, adaptive, bw, tau, past, greatCircle, ", \"gaussian-cutoff\": 0");
        DenseGtwr d = dense(kernel, adaptive, bw, tau, past, greatCircle);
        assertThat(d.singular).isFalse();
        rel(r.statistic("ssr"), d.rss, 1e-9, "rss");
        rel(r.statistic("traceS"), d.traceS, 1e-9, "tr S");
        rel(r.statistic("traceSS"), d.traceSS, 1e-9, "tr S'S");
        rel(r.statistic("aicc"), d.aicc, 1e-9, "AICc");
        rel(r.statistic("cv"), d.cv, 1e-9, "CV");
        String[] terms = {"intercept", "x1", "x2"};
        for (int k = 0; k < 3; k++) {
            double[] est = r.column("gtwr." + terms[k]);
            double[] se = r.column("gtwr." + terms[k] + ".se");
            for (int i = 0; i < PANEL.rows(); i++) {
                rel(est[i], d.beta[i * 3 + k], 1e-8, "beta " + terms[k] + " at " + i);
                rel(se[i], d.se[i * 3 + k], 1e-8, "se " + terms[k] + " at " + i);
            }
        }
        double[] r2 = r.column("gtwr.r2");
        double[] yhat = r.column("gtwr.yhat");
        for (int i = 0; i < PANEL.rows(); i++) {
            rel(r2[i], d.localR2[i], 1e-8, "local R2 at " + i);
            rel(yhat[i], d.yhat[i], 1e-9, "yhat at " + i);
        }
    }

    @Test
    void truncationAtTheDefaultCutoffIsNegligible() {
        // weights below 1e-10 dropped: every estimate moves by far less than its standard error
        StepResult r = engine("gaussian", false, 800, 20000, false, true, "");
        DenseGtwr d = dense("gaussian", false, 800, 20000, false, true);
        rel(r.statistic("aicc"), d.aicc, 1e-7, "AICc");
        double[] est = r.column("gtwr.x1");
        for (int i = 0; i < PANEL.rows(); i++) rel(est[i], d.beta[i * 3 + 1], 1e-7, "beta x1 at " + i);
        assertThat(r.statistic("gaussianCutoff")).isEqualTo(1e-10);
    }

    @Test
    void adaptiveAiccSearchesAgreeWithTheDenseCriterion() {
        // exhaustive AICc over every neighbour count in [40, 100] with the dense oracle vs the engine's searches
        double tau = 5000;
        double best = Double.POSITIVE_INFINITY;
        int bestK = -1;
        double[][] dist = DenseGtwr.distances(PANEL.column("lat"), PANEL.column("lon"), true, times(PANEL), tau, false);
        double[] y = PANEL.column("y");
        double[][] x = columns(PANEL, "x1", "x2");
        for (int k = 40; k <= 100; k++) {
            DenseGtwr d = new DenseGtwr(y, x, dist, "bisquare", true, k, false);
            double a = d.singular || PANEL.rows() - 2 - d.traceS <= 0 ? Double.POSITIVE_INFINITY : d.aicc;
            if (a < best) {
                best = a;
                bestK = k;
            }
        }
        String json = "{\"y\": \"y\", \"x\": [\"x1\", \"x2\"], \"lat\": \"lat\", \"lon\": \"lon\", \"adaptive\": true, \"tau\": 5000, "
                + "\"search\": \"interval\", \"bandwidth-min\": 40, \"bandwidth-max\": 100, \"permutations\": 0, \"maps\": false}";
        StepResult interval = new GtwrEstimator().run(Fixtures.bind(GtwrEstimator.Parameters.class, json), new TestContext(PANEL));
        assertThat(interval.statistic("bandwidth")).isEqualTo(bestK);
        rel(interval.statistic("aicc"), best, 1e-9, "optimal AICc");
        StepResult golden = new GtwrEstimator().run(Fixtures.bind(GtwrEstimator.Parameters.class,
                json.replace("interval", "golden")), new TestContext(PANEL));
        // the AICc surface over integer neighbour counts is jagged (here local minima at 63 and 77), so golden section,
        // like GWmodel's, mgwr's and GWR4's, may stop at a local minimum: it must at least be one (+-1 neighbour)
        int k = (int) golden.statistic("bandwidth");
        double at = golden.statistic("aicc");
        rel(at, dense("bisquare", true, k, tau, false, true, false).aicc, 1e-9, "AICc at the golden optimum");
        assertThat(at).isLessThanOrEqualTo(dense("bisquare", true, k - 1, tau, false, true, false).aicc);
        assertThat(at).isLessThanOrEqualTo(dense("bisquare", true, k + 1, tau, false, true, false).aicc);
        assertThat(golden.statistic("searchEvaluations")).isLessThan(40);
    }
}
