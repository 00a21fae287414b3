package eres.api.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eres.api.data.Panel;
import eres.api.random.Seeds;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * Three-way fixed effects (man, year, industry) on plm::Males against exact LSDV with explicit dummies
 * in R's lm (fixtures/threeway-males/make.R; fixest and lfe are not installable here): slopes, SSR,
 * absorbed degrees of freedom, conventional, HC1 and cluster standard errors. The accelerated
 * alternating projections stop at a CG residual of 1e-14 of the column norm, so slopes agree to
 * about 1e-12; the tolerances (1e-9 relative) leave room for that and nothing else.
 */
class ThreeWayKnownAnswerTest {
    private static final double REL = 1e-9;

    static Panel males() throws IOException {
        List<String> id = new ArrayList<>();
        List<Integer> year = new ArrayList<>();
        List<double[]> v = new ArrayList<>();
        try (InputStream in = ThreeWayKnownAnswerTest.class.getResourceAsStream("/fixtures/threeway-males/input.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split(",");
                id.add(f[0]);
                year.add(Integer.parseInt(f[1]));
                v.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])});
            }
        }
        int n = id.size();
        Map<String, double[]> num = new LinkedHashMap<>();
        String[] names = {"industry_code", "wage", "union01", "married01"};
        for (int j = 0; j < names.length; j++) {
            double[] c = new double[n];
            for (int i = 0; i < n; i++) c[i] = v.get(i)[j];
            num.put(names[j], c);
        }
        return Panel.of("nr", "year", null, id.toArray(new String[0]), year.stream().mapToInt(Integer::intValue).toArray(), num, Map.of());
    }

    @Test
    void manYearIndustryEffectsMatchLsdv() throws IOException {
        JsonNode e = new ObjectMapper().readTree(getClass().getResourceAsStream("/fixtures/threeway-males/expected.json"));
        Panel p = males();
        Map<VcovType, String> key = Map.of(VcovType.CONVENTIONAL, "se_conventional", VcovType.ROBUST, "se_hc1", VcovType.CLUSTER, "se_cluster");
        for (VcovType v : VcovType.values()) {
            PanelFit f = PanelRegression.fit(p, new PanelRegression.Spec("wage", List.of("union01", "married01"), Effects.TWOWAYS, v,
                    null, 0.95, List.of("industry_code")));
            assertThat(f.nobs()).isEqualTo(e.get("n").asInt());
            assertThat(f.singletons()).isZero();
            assertThat(f.absorbedParameters()).isEqualTo(e.get("absorbed").asInt());
            assertThat(f.dfResid()).isEqualTo(e.get("df_resid").asInt());
            assertThat(f.ssr()).isCloseTo(e.get("ssr").asDouble(), within(REL * e.get("ssr").asDouble()));
            for (String t : List.of("union01", "married01")) {
                JsonNode c = e.get("coefficients").get(t);
                double b = c.get("estimate").asDouble();
                double se = c.get(key.get(v)).asDouble();
                assertThat(f.coefficient(t).estimate()).as(t + " " + v).isCloseTo(b, within(REL * Math.abs(b)));
                assertThat(f.coefficient(t).stdError()).as(t + " " + v + " SE").isCloseTo(se, within(REL * se));
            }
        }
    }

    /**
     * Singletons (reghdfe): observations alone in a level of an absorbed factor are dropped, iteratively;
     * slopes and conventional standard errors equal those with the singletons kept (each is fitted
     * exactly by its own dummy, which also takes its degree of freedom).
     */
    @Test
    void singletonsAreDroppedWithoutChangingSlopes() throws IOException {
        Panel p = males();
        double[] ind = p.column("industry_code");
        UniformRandomProvider rng = Seeds.generator(3);
        // make five one-observation industries
        for (int s = 0; s < 5; s++) ind[rng.nextInt(ind.length)] = 100 + s;
        Panel q = p.withColumn("industry_code", ind);
        PanelFit f = PanelRegression.fit(q, new PanelRegression.Spec("wage", List.of("union01", "married01"), Effects.TWOWAYS,
                VcovType.CONVENTIONAL, null, 0.95, List.of("industry_code")));
        assertThat(f.singletons()).isEqualTo(5);
        assertThat(f.nobs()).isEqualTo(p.rows() - 5);
        // the same model by exact LSDV keeping the singletons (their dummies absorb them)
        List<String> levels = new ArrayList<>();
        for (double d : ind) if (!levels.contains(Double.toString(d))) levels.add(Double.toString(d));
        double[][] x = new double[p.rows()][];
        int g = p.entityCount();
        int t = p.timeCount();
        int cols = 2 + g + (t - 1) + (levels.size() - 1);
        for (int i = 0; i < p.rows(); i++) {
            double[] row = new double[cols];
            row[0] = q.value("union01", i);
            row[1] = q.value("married01", i);
            row[2 + p.entityIndex(i)] = 1;
            if (p.timeIndex(i) > 0) row[2 + g + p.timeIndex(i) - 1] = 1;
            int l = levels.indexOf(Double.toString(ind[i]));
            if (l > 0) row[2 + g + t - 1 + l - 1] = 1;
            x[i] = row;
        }
        var lsdv = eres.api.linalg.LeastSquares.fit(x, q.column("wage"), null);
        double s2 = lsdv.ssr() / (p.rows() - cols);
        assertThat(f.dfResid()).isEqualTo(p.rows() - cols);
        for (int j = 0; j < 2; j++) {
            assertThat(f.coefficients().get(j).estimate()).isCloseTo(lsdv.beta(j), within(1e-10));
            assertThat(f.coefficients().get(j).stdError()).isCloseTo(Math.sqrt(s2 * lsdv.xtxInverse(j, j)), within(1e-10));
        }
    }

    /** Long unbalanced two-way panels use accelerated alternating projections; they equal the dummy method. */
    @Test
    void alternatingProjectionsEqualYearDummies() {
        Panel p = FixedEffectsOracleTest.synthetic(11, 40, 60, 0.3);
        FixedEffectsProjection dummies = FixedEffectsProjection.of(p, Effects.TWOWAYS, FixedEffectsProjection.Method.DUMMIES);
        FixedEffectsProjection alternating = FixedEffectsProjection.of(p, Effects.TWOWAYS);
        assertThat(alternating.absorbedParameters()).isEqualTo(dummies.absorbedParameters());
        double[] a = dummies.apply(p.column("x1"));
        double[] b = alternating.apply(p.column("x1"));
        for (int i = 0; i < a.length; i++) assertThat(b[i]).isCloseTo(a[i], within(1e-11));
    }
}
