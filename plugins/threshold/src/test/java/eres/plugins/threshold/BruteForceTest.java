package eres.plugins.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import eres.api.linalg.LeastSquares;
import eres.api.random.Seeds;
import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The running-sum search equals brute force: for every admissible candidate of every step (no fixed
 * threshold, one, two), the SSR from the sweep equals the SSR of a QR least-squares fit of y~ on the
 * explicitly built within-transformed design. Small panels with ties in q, one or two regime regressors,
 * balanced and unbalanced, with and without Hansen's deletion, both regime conventions and both grids.
 * Tolerance 1e-9 relative: both sides are accurate to about 1e-12 here (condition numbers below 1e3).
 */
class BruteForceTest {

    static Panel panel(long seed, int entities, int periods, boolean unbalanced, int kr) {
        UniformRandomProvider rng = Seeds.generator(seed);
        List<String> id = new ArrayList<>();
        List<Integer> year = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < entities; i++) {
            int len = unbalanced ? 2 + rng.nextInt(periods - 1) : periods;
            double mu = Synthetic.normal(rng);
            for (int t = 0; t < len; t++) {
                double q = Math.round(rng.nextDouble() * 40) / 40.0; // ties
                double x1 = 1 + Synthetic.normal(rng);
                double x2 = Synthetic.normal(rng);
                double z = Synthetic.normal(rng);
                double y = mu + (q <= 0.4 ? 1 : 2) * x1 + (kr > 1 ? 0.3 * x2 : 0) + 0.5 * z + Synthetic.normal(rng);
                id.add("e" + (char) ('a' + i / 26) + (char) ('a' + i % 26));
                year.add(2000 + t);
                rows.add(new double[] {y, x1, x2, z, q});
            }
        }
        String[] names = {"y", "x1", "x2", "z", "q"};
        Map<String, double[]> num = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            double[] c = new double[rows.size()];
            for (int r = 0; r < c.length; r++) c[r] = rows.get(r)[j];
            num.put(names[j], c);
        }
        return Panel.of("id", "year", null, id.toArray(new String[0]), year.stream().mapToInt(Integer::intValue).toArray(),
                num, Map.of());
    }

    @ParameterizedTest
    @CsvSource({
        "1, false, false, false, 0",
        "1, true, false, false, 0",
        "1, false, true, true, 0",
        "2, true, true, false, 0",
        "2, false, false, true, 0",
        "1, true, true, true, 40",
        "2, false, false, false, 30"})
    void sweepEqualsLeastSquaresOnEveryCandidate(int kr, boolean unbalanced, boolean delete, boolean strict, int qn) {
        Panel panel = panel(11 + kr + (unbalanced ? 5 : 0), 25, 6, unbalanced, kr);
        List<String> regime = kr == 1 ? List.of("x1") : List.of("x1", "x2");
        Prepared d = new Prepared(panel, "y", regime, "q", List.of("z"), 0, delete, "");
        Candidates c = qn == 0 ? Candidates.all(d, strict) : Candidates.quantile(d, qn, 0.05, strict);
        SearchEngine eng = new SearchEngine(d, c, "");
        double[] e0 = eng.baseResidual(d.yt);
        int[] fixed = new int[0];
        int checked = 0;
        for (int step = 1; step <= 3; step++) {
            SearchEngine.Stage st = eng.stage(fixed, 0.05);
            SearchEngine.Outcome o = st.search(e0, true);
            for (int i = 0; i < st.adm.length; i++) {
                double brute = bruteSsr(d, c, fixed, st.adm[i]);
                double fast = o.profileSsr()[i];
                if (Double.isNaN(fast)) continue;
                assertThat(fast).as("step %d candidate %d", step, st.adm[i]).isCloseTo(brute, within(1e-9 * brute));
                checked++;
            }
            double bestBrute = Double.POSITIVE_INFINITY;
            for (int a : st.adm) {
                double b = bruteSsr(d, c, fixed, a);
                if (!Double.isNaN(b)) bestBrute = Math.min(bestBrute, b);
            }
            assertThat(o.ssr()).isCloseTo(bestBrute, within(1e-9 * bestBrute));
            int[] next = java.util.Arrays.copyOf(fixed, fixed.length + 1);
            next[fixed.length] = o.best();
            fixed = next;
        }
        assertThat(checked).isGreaterThan(20);
    }

    /** SSR of y~ on [z~, x~, (x 1(q in lower regime of f))~ for fixed f and the candidate], by QR. */
    static double bruteSsr(Prepared d, Candidates c, int[] fixed, int cand) {
        List<double[]> cols = new ArrayList<>();
        for (double[] z : d.zt) cols.add(z);
        for (double[] x : d.xt) cols.add(x);
        int[] all = java.util.Arrays.copyOf(fixed, fixed.length + 1);
        all[fixed.length] = cand;
        for (int f : all) {
            double g = c.value[f];
            for (int j = 0; j < d.kr; j++) {
                double[] raw = new double[d.n];
                for (int r = 0; r < d.n; r++) {
                    boolean low = c.strict ? d.q[r] < g : d.q[r] <= g;
                    raw[r] = low ? d.x[r * d.kr + j] : 0;
                }
                cols.add(d.transform(raw));
            }
        }
        double[][] x = new double[d.nt][cols.size()];
        for (int j = 0; j < cols.size(); j++) for (int i = 0; i < d.nt; i++) x[i][j] = cols.get(j)[i];
        try {
            return LeastSquares.fit(x, d.yt, null).ssr();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
