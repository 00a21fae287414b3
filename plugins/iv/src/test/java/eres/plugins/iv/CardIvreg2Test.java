package eres.plugins.iv;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.api.SoftAssertions;

import eres.api.panel.VcovType;
import eres.core.testing.TestData;
import eres.api.result.Coefficient;
import eres.api.result.TestStatistic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Known answers from Stata's ivreg2 on Card (1995) data (fixtures in
 * {@code fixtures/ivreg2-card}, see its README): {@code ivreg2 lwage exper expersq black south
 * (educ = nearc4 [nearc2]), first endog(educ)} with iid / robust / cluster(smsa66) covariance, with and
 * without {@code small} and {@code dofminus(1) sdofminus(1)}. Every number Stata stored is compared:
 * coefficients, the full covariance matrix, the model statistics and diagnostics, and the first-stage
 * statistics.
 *
 * <p>Tolerance: 1e-6 relative (the brief's requirement). What is actually reached: about 1e-9 on
 * coefficients and iid/robust statistics (Stata accumulates cross products in double and solves
 * normal equations, our QR is more accurate; {@code lwage} is re-rounded to Stata's float storage,
 * see the fixture README) and about 3e-8 on the two-cluster covariance.
 *
 * <p>Stata reports a missing value where a statistic cannot be computed; we must return NaN there.
 * The cluster(smsa66) fixtures have only M = 2 clusters, so every cluster-robust moment covariance
 * of rank &gt; M is singular. For three overidentified-cluster statistics Stata nevertheless prints a
 * number obtained by inverting a numerically singular matrix (Anderson–Rubin 1.03e14, first-stage F
 * 1.87e16 with {@code small} but missing without); those are round-off artefacts, and we return NaN
 * (not computed, singular covariance) for them: {@link #STATA_ARTEFACTS}.
 */
class CardIvreg2Test {
    static final double TOL = 1e-6;
    /** Largest relative difference seen per kind of number (printed after the run, for the docs). */
    static final Map<String, Double> WORST = new java.util.concurrent.ConcurrentSkipListMap<>();

    @org.junit.jupiter.api.AfterAll
    static void report() {
        WORST.forEach((k, v) -> System.out.printf("ivreg2 Card: max relative difference, %s: %.2e%n", k, v));
    }

    /** (case prefix, diagnostics/first-stage column) where Stata's number is a singular-matrix artefact. */
    static final Set<String> STATA_ARTEFACTS = Set.of(
            "card_overid_dofminus_cl:arf", "card_overid_dofminus_cl:arfp", "card_overid_dofminus_cl:archi2",
            "card_overid_dofminus_cl:archi2p",
            "card_overid_dofminus_cl_small:arf", "card_overid_dofminus_cl_small:arfp", "card_overid_dofminus_cl_small:archi2",
            "card_overid_dofminus_cl_small:archi2p",
            "card_overid_dofminus_cl_small:F", "card_overid_dofminus_cl_small:pvalue", "card_overid_dofminus_cl_small:SWF",
            "card_overid_dofminus_cl_small:SWFp", "card_overid_dofminus_cl_small:SWchi2", "card_overid_dofminus_cl_small:SWchi2p",
            "card_overid_dofminus_cl_small:APF", "card_overid_dofminus_cl_small:APFp", "card_overid_dofminus_cl_small:APchi2",
            "card_overid_dofminus_cl_small:APchi2p");

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String base : List.of("card_just_id", "card_overid")) {
            for (boolean dofminus : List.of(false, true)) {
                for (String vce : List.of("iid", "hc1", "cl")) {
                    if (vce.equals("cl") && !dofminus) continue; // Stata cluster fixtures exist only with dofminus
                    for (boolean small : List.of(false, true)) {
                        String prefix = base + (dofminus ? "_dofminus" : "");
                        out.add(Arguments.of(prefix, vce + (small ? "_small" : ""), base.endsWith("overid"), dofminus, vce, small));
                    }
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void matchesStataIvreg2(String prefix, String suffix, boolean overid, boolean dofminus, String vce, boolean small) {
        SoftAssertions soft = new SoftAssertions();
        Iv2sls.Result r = fit(overid, dofminus, vce, small);
        String id = prefix + "_" + suffix;

        // coefficients and standard errors
        List<Map<String, String>> coef = csv(prefix + "_coef_" + suffix + ".csv");
        assertThat(r.terms()).containsExactlyElementsOf(coef.stream().map(m -> m.get("term")).toList());
        for (int j = 0; j < coef.size(); j++) {
            Coefficient c = r.coefficients().get(j);
            close(soft, id, "b " + c.term(), c.estimate(), num(coef.get(j).get("estimate")));
            close(soft, id, "se " + c.term(), c.stdError(), num(coef.get(j).get("std_error")));
        }
        // full covariance matrix
        List<Map<String, String>> vc = csv(prefix + "_vcov_" + suffix + ".csv");
        for (int i = 0; i < vc.size(); i++) {
            for (int j = 0; j < r.terms().size(); j++) {
                close(soft, id, "V[" + i + "," + j + "]", r.v()[i][j], num(vc.get(i).get("vcov_" + r.terms().get(j))));
            }
        }
        // model statistics and diagnostics
        Map<String, String> dg = csv(prefix + "_diagnostics_" + suffix + ".csv").get(0);
        Map<String, Double> ours = diagnostics(r);
        for (Map.Entry<String, String> e : dg.entrySet()) {
            if (e.getKey().equals("small") || e.getKey().startsWith("cstat")) continue; // option flag; orthog() not used
            check(soft, id, e.getKey(), ours, e.getValue());
        }
        // first stage
        Map<String, Double> fs = firstStage(r.firstStages().get(0));
        for (Map<String, String> row : csv(prefix + "_firststage_" + suffix + ".csv")) {
            check(soft, id, row.get("statistic"), fs, row.get("educ"));
        }
        soft.assertAll();
    }

    private static void check(SoftAssertions soft, String id, String key, Map<String, Double> ours, String stata) {
        soft.assertThat(ours).as("%s: statistic %s is mapped", id, key).containsKey(key);
        if (!ours.containsKey(key)) return;
        double mine = ours.get(key);
        if (STATA_ARTEFACTS.contains(id + ":" + key)) {
            soft.assertThat(mine).as("%s %s: Stata's value is a singular-matrix artefact, ours must be NaN", id, key).isNaN();
            return;
        }
        if (stata.isEmpty()) {
            soft.assertThat(mine).as("%s %s: Stata reports missing", id, key).isNaN();
            return;
        }
        close(soft, id, key, mine, num(stata));
    }

    static void close(SoftAssertions soft, String id, String what, double mine, double stata) {
        double scale = Math.max(Math.abs(stata), 1e-300);
        if (stata == 0) {
            soft.assertThat(mine).as("%s %s", id, what).isEqualTo(0.0);
            return;
        }
        double rel = Math.abs(mine - stata) / scale;
        String group = what.startsWith("b ") ? "coefficients" : what.startsWith("se ") || what.startsWith("V[") ? "covariance" : "statistics";
        WORST.merge(group + (id.contains("_cl") ? " (2 clusters)" : ""), rel, Math::max);
        soft.assertThat(rel).as("%s %s: ours %s, Stata %s", id, what, mine, stata).isLessThan(TOL);
    }

    /** Our results under Stata's e() names. */
    static Map<String, Double> diagnostics(Iv2sls.Result r) {
        Map<String, Double> m = new HashMap<>();
        boolean iid = r.vce() == VcovType.CONVENTIONAL;
        m.put("N", (double) r.n());
        m.put("K", (double) r.k());
        m.put("L", (double) r.l());
        m.put("r2", r.r2());
        m.put("r2_a", r.r2a());
        m.put("r2u", r.r2u());
        m.put("r2c", r.r2c());
        m.put("rss", r.rss());
        m.put("rmse", r.rmse());
        m.put("sigmasq", r.rmse() * r.rmse());
        putF(m, "F_stat", "F_p", "F_df1", "F_df2", r.modelF());
        TestStatistic ov = r.overid();
        putChi2(m, iid ? "sargan" : "j", iid ? "sarganp" : "jp", iid ? "sargandf" : "jdf", ov);
        if (iid) {
            putChi2(m, "j", "jp", "jdf", ov); // ivreg2 stores the Sargan statistic in e(j) too under iid
        } else {
            for (String k : List.of("sargan", "sarganp", "sargandf")) m.put(k, Double.NaN);
        }
        putChi2(m, "idstat", "idp", "iddf", iid ? r.anderson() : r.kpLm());
        m.put("cdf", r.craggDonald().statistic());
        m.put("widstat", iid ? r.craggDonald().statistic() : r.kpWald().statistic());
        putF(m, "arf", "arfp", "ardf", "ardf_r", r.arF());
        m.put("archi2", r.arChi2().statistic());
        m.put("archi2p", r.arChi2().pValue());
        m.put("N_clust", r.vce() == VcovType.CLUSTER ? (double) r.clusters() : Double.NaN);
        putChi2(m, "estat", "estatp", "estatdf", r.endogeneity());
        putChi2(m, "sstat", "sstatp", "sstatdf", r.stockWright());
        return m;
    }

    static Map<String, Double> firstStage(Iv2sls.FirstStage f) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("rmse", f.rmse());
        m.put("sheapr2", f.sheaPartialR2());
        m.put("pr2", f.partialR2());
        m.put("F", f.f().statistic());
        m.put("df", f.f().df());
        m.put("df_r", f.f().df2());
        m.put("pvalue", f.f().pValue());
        putF(m, "SWF", "SWFp", "SWFdf1", "SWFdf2", f.swF());
        m.put("SWchi2", f.swChi2().statistic());
        m.put("SWchi2p", f.swChi2().pValue());
        m.put("SWr2", f.swPartialR2());
        putF(m, "APF", "APFp", "APFdf1", "APFdf2", f.apF());
        m.put("APchi2", f.apChi2().statistic());
        m.put("APchi2p", f.apChi2().pValue());
        m.put("APr2", f.apPartialR2());
        return m;
    }

    private static void putF(Map<String, Double> m, String s, String p, String d1, String d2, TestStatistic t) {
        m.put(s, t.statistic());
        m.put(p, t.pValue());
        m.put(d1, t.df() == null ? Double.NaN : t.df());
        m.put(d2, t.df2() == null ? Double.NaN : t.df2());
    }

    private static void putChi2(Map<String, Double> m, String s, String p, String d, TestStatistic t) {
        m.put(s, t.statistic());
        m.put(p, t.pValue());
        m.put(d, t.df() == null ? Double.NaN : t.df());
    }

    // ------------------------------------------------------------------ data

    static final List<String> COLUMNS = List.of("lwage", "educ", "exper", "expersq", "black", "south", "nearc2", "nearc4", "smsa66");

    /** Card data, complete cases on the model variables; lwage re-rounded to Stata's float storage. */
    static Map<String, double[]> cardData() {
        List<Map<String, String>> rows = csv("card_data.csv");
        Map<String, List<Double>> cols = new LinkedHashMap<>();
        COLUMNS.forEach(c -> cols.put(c, new ArrayList<>()));
        for (Map<String, String> row : rows) {
            if (COLUMNS.stream().anyMatch(c -> row.get(c).isEmpty())) continue;
            for (String c : COLUMNS) {
                double v = Double.parseDouble(row.get(c));
                // Stata stores lwage as a float; the CSV prints it with 8 significant digits, which identifies
                // the float uniquely: rounding back to binary32 recovers the value Stata estimated with
                cols.get(c).add(c.equals("lwage") ? (double) (float) v : v);
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        cols.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    static Iv2sls.Result fit(boolean overid, boolean dofminus, String vce, boolean small) {
        Map<String, double[]> d = cardData();
        List<String> z1 = overid ? List.of("nearc2", "nearc4") : List.of("nearc4");
        List<String> x2 = List.of("exper", "expersq", "black", "south");
        Iv2sls.Design design = new Iv2sls.Design("lwage", d.get("lwage"), List.of("educ"), new double[][] {d.get("educ")}, x2,
                x2.stream().map(d::get).toArray(double[][]::new), z1, z1.stream().map(d::get).toArray(double[][]::new), true, false);
        VcovType type = switch (vce) {
            case "iid" -> VcovType.CONVENTIONAL;
            case "hc1" -> VcovType.ROBUST;
            default -> VcovType.CLUSTER;
        };
        int[] cluster = null;
        int clusters = 0;
        if (type == VcovType.CLUSTER) {
            double[] s = d.get("smsa66");
            cluster = new int[s.length];
            for (int i = 0; i < s.length; i++) cluster[i] = (int) s[i];
            clusters = 2;
        }
        int dm = dofminus ? 1 : 0;
        return Iv2sls.estimate(design, new Iv2sls.Options(type, cluster, clusters, small, dm, dm, 0.95));
    }

    static double num(String s) {
        return s.isEmpty() ? Double.NaN : Double.parseDouble(s);
    }

    /** A fixture CSV as rows of column -> text (empty text for Stata's missing). */
    static List<Map<String, String>> csv(String file) {
        String text = TestData.resource(CardIvreg2Test.class, "/fixtures/ivreg2-card/" + file);
        String[] lines = text.split("\r?\n");
        String[] header = lines[0].split(",", -1);
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            String[] f = lines[i].split(",", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int j = 0; j < header.length; j++) row.put(header[j].replace("\"", ""), j < f.length ? f[j].replace("\"", "") : "");
            out.add(row);
        }
        return out;
    }
}
