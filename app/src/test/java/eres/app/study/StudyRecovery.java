package eres.app.study;

import com.fasterxml.jackson.databind.JsonNode;
import eres.plugins.studychina.SimulatedStudy;
import eres.plugins.studychina.StudyParameters;
import eres.plugins.studychina.StudyVariables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compares the study chain's results ({@code results.json} of a run of examples/study.yaml) with the
 * truths planted in the synthetic panel that the run used.
 *
 * <p>Each check names the value the estimator is consistent for and asks whether the estimator's own
 * 95% confidence interval contains it:
 * <ul>
 *   <li>planted values where the estimator's model is the data-generating equation: the thresholds of ln
 *       Opt (Hansen's LR intervals; the thresholds of ln Int are planted through ln Int = c0 + c1 ln Opt + w);</li>
 *   <li>for linear estimators of misspecified models (linear fits of a threshold function, models that
 *       ignore the spatial lag, per-region fits), the <em>pseudo-true value</em>: the same regression applied
 *       to the noise-free causal signal of the index, {@code B S} with {@code S = (I - rho W)^-1 (F - u)} and B the
 *       index-scale factor, computed by an independent dummy-variable least squares ({@link Lsdv}). For OLS
 *       and 2SLS this is exactly the estimator's expectation given the regressors (the design is fixed, the
 *       data seed draws the shocks);</li>
 *   <li>the a paths of the mediator equations: the same regression on the mediators without their shocks.</li>
 * </ul>
 * Decisions at a significance level (threshold tests, Wen-Ye verdicts, few-cluster regions) are reported,
 * not asserted, except the single and double threshold tests of Table 5 (1)-(2), whose power is one here.
 */
public final class StudyRecovery {
    /**
     * One comparison; {@code truth} NaN for checks that are not interval checks. {@code required}
     * checks are asserted by the recovery test; the others are reported, and their frequencies over
     * seeds are in docs/synthetic-data.md.
     */
    public record Check(String name, double estimate, double low, double high, double truth, boolean passed, String note,
                        boolean required) {
        Check(String name, double estimate, double low, double high, double truth, boolean passed, String note) {
            this(name, estimate, low, high, truth, passed, note, true);
        }

        Check informational() {
            return new Check(name, estimate, low, high, truth, passed, note, false);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-62s %s  est %10.5f  ci [%10.5f, %10.5f]  truth %10.5f  %s", name,
                    passed ? "ok  " : required ? "FAIL" : "miss", estimate, low, high, truth, note + (required ? "" : " (informational)"));
        }
    }

    static final List<String> CONTROLS = List.of("ln_fdi", "ln_urb", "ln_mar", "ln_nat", "ln_cul");

    private final JsonNode results;
    private final Path outDir;
    private final SimulatedStudy sim;
    private final StudyParameters p;
    private final Map<String, JsonNode> steps = new LinkedHashMap<>();
    private final Map<String, double[][]> data = new HashMap<>();
    private final List<String> regions = new ArrayList<>();
    private final int n;
    private final int t;
    private final List<Check> checks = new ArrayList<>();
    private double scale;

    public StudyRecovery(JsonNode results, Path outDir, SimulatedStudy sim) {
        this.results = results;
        this.outDir = outDir;
        this.sim = sim;
        this.p = sim.truth().parameters();
        this.n = sim.truth().provinces();
        this.t = sim.truth().years();
        for (JsonNode s : results.get("steps")) {
            String key = s.get("id").asText() + (s.get("group").isNull() ? "" : "--" + s.get("group").asText());
            steps.put(key, s);
        }
        parse(sim.csv());
    }

    /** Every check, in order. */
    public List<Check> run() throws IOException {
        checkData();
        checkIndex();
        checkBaseline();
        checkIv();
        checkThresholds();
        checkMediation();
        checkSpatial();
        checkRegions();
        return checks;
    }

    // ---------------------------------------------------------------- data and index

    private void checkData() {
        String hash = sha256(sim.csv());
        boolean same = hash.equals(results.get("data").get("sha256").asText());
        checks.add(new Check("the run used the generated panel (sha256)", Double.NaN, Double.NaN, Double.NaN, Double.NaN, same, hash));
        checks.add(new Check("the run is labelled synthetic", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                results.get("data").get("synthetic").asBoolean(), ""));
    }

    private void checkIndex() throws IOException {
        JsonNode r = result("index");
        Map<String, Double> w = new HashMap<>();
        for (JsonNode e : r.get("weights")) w.put(e.get("indicator").asText(), e.get("weight").asDouble());
        Map<String, Double> range = new HashMap<>();
        for (JsonNode e : r.get("normalisation")) range.put(e.get("indicator").asText(), e.get("max").asDouble() - e.get("min").asDouble());
        var inds = eres.plugins.studychina.StudyVariables.INDICATORS;
        double[] weights = new double[inds.size()];
        double[] ranges = new double[inds.size()];
        for (int j = 0; j < inds.size(); j++) {
            weights[j] = w.get(inds.get(j).name());
            ranges[j] = range.get(inds.get(j).name());
        }
        scale = sim.truth().indexScale(weights, ranges);
        // the index is affine in latent resilience plus a province profile and noise: its within-province
        // correlation with R
        List<String> lines = Files.readAllLines(outDir.resolve("files/index-eres-values.csv"), StandardCharsets.UTF_8);
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < n; i++) pos.put(sim.truth().codes().get(i), i);
        double[][] index = new double[n][t];
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            index[pos.get(f[0])][Integer.parseInt(f[1]) - sim.truth().firstYear()] = Double.parseDouble(f[2]);
        }
        double corr = correlation(withinEntity(index), withinEntity(sim.truth().latent()));
        checks.add(new Check("index is affine in latent resilience within provinces (corr >= 0.98)", corr, 0.98, 1, Double.NaN,
                corr >= 0.98, "B = " + String.format(Locale.ROOT, "%.5f", scale) + " index units per unit of R"));
    }

    // ---------------------------------------------------------------- Table 3 and 4

    private void checkBaseline() {
        boolean[] all = all();
        covers("Table 3 (1): Opt, two-way FE", coefficient("t3-opt", "ln_opt"),
                scale * Lsdv.fit(signal(), List.<double[][]>of(var("ln_opt")), all, Lsdv.Effects.TWOWAYS)[0], "pseudo-true (FE on the causal signal)");
        double[] b2 = Lsdv.fit(signal(), withControls(var("ln_opt")), all, Lsdv.Effects.TWOWAYS);
        covers("Table 3 (2): Opt, two-way FE with controls", coefficient("t3-opt-controls", "ln_opt"), scale * b2[0], "pseudo-true");
        for (int k = 0; k < CONTROLS.size(); k++) {
            covers("Table 3 (2): " + CONTROLS.get(k), coefficient("t3-opt-controls", CONTROLS.get(k)), scale * b2[k + 1], "pseudo-true");
        }
        covers("Table 3 (3): Int, two-way FE", coefficient("t3-int", "ln_int"),
                scale * Lsdv.fit(signal(), List.<double[][]>of(var("ln_int")), all, Lsdv.Effects.TWOWAYS)[0], "pseudo-true");
        covers("Table 3 (4): Int, two-way FE with controls", coefficient("t3-int-controls", "ln_int"),
                scale * Lsdv.fit(signal(), withControls(var("ln_int")), all, Lsdv.Effects.TWOWAYS)[0], "pseudo-true");
    }

    private void checkIv() {
        boolean[] all = all();
        covers("Table 4 (1): 2SLS Opt", coefficient("t4-iv-opt", "ln_opt"),
                scale * Lsdv.twoStage(signal(), var("ln_opt"), var("iv"), controls(), all)[0], "pseudo-true 2SLS");
        covers("Table 4 (2): 2SLS Int", coefficient("t4-iv-int", "ln_int"),
                scale * Lsdv.twoStage(signal(), var("ln_int"), var("iv"), controls(), all)[0], "pseudo-true 2SLS");
        for (String id : List.of("t4-iv-opt", "t4-iv-int")) {
            double f = result(id).get("statistics").get("firstStageF").asDouble();
            checks.add(new Check("Table 4: strong instrument in " + id + " (first-stage F > 10)", f, 10, Double.POSITIVE_INFINITY, Double.NaN,
                    f > 10, "conventional errors, as the study's"));
        }
    }

    // ---------------------------------------------------------------- Tables 5-6

    private void checkThresholds() {
        double[] intGammas = {StudyParameters.STUDY_INT_GAMMA1, StudyParameters.STUDY_INT_GAMMA2};
        for (String id : List.of("t5-opt", "t5-int")) {
            JsonNode r = result(id);
            JsonNode tests = r.get("thresholdTests");
            double p1 = tests.get(0).get("pValue").asDouble();
            double p2 = tests.get(1).get("pValue").asDouble();
            double p3 = tests.get(2).get("pValue").asDouble();
            checks.add(new Check(id + ": single-threshold test rejects linearity", p1, 0, 0.05, Double.NaN, p1 < 0.05, "bootstrap p"));
            checks.add(new Check(id + ": double-threshold test rejects one threshold", p2, 0, 0.05, Double.NaN, p2 < 0.05, "bootstrap p"));
            checks.add(new Check(id + ": triple-threshold test does not reject two", p3, 0.05, 1, Double.NaN, p3 >= 0.05,
                    "bootstrap p").informational());
            boolean opt = id.equals("t5-opt");
            thresholdIntervals(id, r, opt ? var("ln_opt") : var("ln_int"), opt ? new double[] {p.gamma1(), p.gamma2()} : intGammas);
            double g1 = r.get("statistics").get("gamma1").asDouble();
            double g2 = r.get("statistics").get("gamma2").asDouble();
            double[][] x = opt ? var("ln_opt") : var("ln_int");
            double[] oracle = regimeOracle(x, x, new double[] {g1, g2}, all());
            String[] names = {"low", "middle", "high"};
            for (int k = 0; k < 3; k++) {
                covers("Table 5 " + (opt ? "(1)" : "(2)") + ": regime slope (" + names[k] + ")", r.get("coefficients").get(k), scale * oracle[k],
                        "pseudo-true (entity FE at the estimated thresholds)");
            }
        }
    }

    /** Is each planted threshold's sample split (the largest data value at or below it) inside its LR interval? */
    private void thresholdIntervals(String id, JsonNode r, double[][] q, double[] gammas) {
        List<JsonNode> estimates = new ArrayList<>();
        for (JsonNode e : r.get("thresholds")) if (e.get("model").asInt() == 2) estimates.add(e);
        for (int g = 0; g < gammas.length; g++) {
            double gamma = gammas[g];
            double equivalent = splitValue(q, gamma);
            JsonNode best = null;
            for (JsonNode e : estimates) {
                if (best == null || Math.abs(e.get("value").asDouble() - gamma) < Math.abs(best.get("value").asDouble() - gamma)) best = e;
            }
            double lo = best.get("ciLow").asDouble();
            double hi = best.get("ciHigh").asDouble();
            boolean ok = equivalent >= lo - 1e-12 && equivalent <= hi + 1e-12;
            checks.add(new Check(id + ": planted threshold " + fmt(gamma) + " in its LR interval", best.get("value").asDouble(), lo, hi, gamma,
                    ok, best.get("name").asText() + "; sample split at q = " + fmt(equivalent)));
        }
    }

    /** The largest value of q at or below gamma: the data value that splits the sample as gamma does. */
    static double splitValue(double[][] q, double gamma) {
        double equivalent = Double.NEGATIVE_INFINITY;
        for (double[] row : q) for (double v : row) if (v <= gamma + 1e-12) equivalent = Math.max(equivalent, v);
        return equivalent;
    }

    /** Entity-FE regime slopes of the causal signal at the given thresholds of q (controls included). */
    private double[] regimeOracle(double[][] x, double[][] q, double[] gammas, boolean[] keep) {
        List<double[][]> cols = new ArrayList<>();
        for (int k = 0; k <= gammas.length; k++) cols.add(new double[n][t]);
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                int k = 0;
                while (k < gammas.length && q[i][s] > gammas[k]) k++;
                cols.get(k)[i][s] = x[i][s];
            }
        }
        List<double[][]> xs = new ArrayList<>(cols);
        xs.addAll(controls());
        return Lsdv.fit(signal(), xs, keep, Lsdv.Effects.ENTITY);
    }

    // ---------------------------------------------------------------- Tables 7-8

    private void checkMediation() {
        double[][][] shocks = sim.truth().mediatorShocks();
        double[][] divFixed = minus(var("div"), shocks[0]);
        double[][] speFixed = minus(var("spe"), shocks[1]);
        for (String proxy : List.of("opt", "int")) {
            JsonNode r = result("t7-" + proxy);
            Map<String, JsonNode> c = new HashMap<>();
            for (JsonNode e : r.get("coefficients")) c.put(e.get("term").asText(), e);
            double[][] x = var("ln_" + proxy);
            String sym = proxy.equals("opt") ? "Opt" : "Int";
            double aDiv = Lsdv.fit(divFixed, withControls(x), all(), Lsdv.Effects.TWOWAYS)[0];
            double aSpe = Lsdv.fit(speFixed, withControls(x), all(), Lsdv.Effects.TWOWAYS)[0];
            covers("Table 7 " + sym + ": a path -> Div", c.get("a:div"), aDiv, "the same regression on Div without its shocks");
            covers("Table 7 " + sym + ": a path -> Spe", c.get("a:spe"), aSpe, "the same regression on Spe without its shocks");
            double bDiv = scale * Lsdv.fit(signal(), withControls(x, var("div")), all(), Lsdv.Effects.TWOWAYS)[1];
            double bSpe = scale * Lsdv.fit(signal(), withControls(x, var("spe")), all(), Lsdv.Effects.TWOWAYS)[1];
            covers("Table 7 " + sym + ": b path Div -> Eres", c.get("b:div"), bDiv, "pseudo-true");
            covers("Table 7 " + sym + ": b path Spe -> Eres", c.get("b:spe"), bSpe, "pseudo-true");
            covers("Table 8 " + sym + ": indirect effect through Div", c.get("indirect:div"), aDiv * bDiv, "a x b (pseudo-true)");
            covers("Table 8 " + sym + ": indirect effect through Spe", c.get("indirect:spe"), aSpe * bSpe, "a x b (pseudo-true)");
        }
    }

    // ---------------------------------------------------------------- Table A2

    private void checkSpatial() {
        for (String id : List.of("a2-sdm-opt", "a2-sdm-int")) {
            JsonNode rho = coefficient(id, "rho");
            checks.add(new Check("Table A2 " + id + ": rho positive and significant", rho.get("estimate").asDouble(), rho.get("ciLow").asDouble(),
                    rho.get("ciHigh").asDouble(), p.rho(), rho.get("ciLow").asDouble() > 0, "planted rho " + p.rho()
                    + " under a misspecified (linear) model"));
        }
    }

    // ---------------------------------------------------------------- regions

    private void checkRegions() {
        for (String g : regions) {
            boolean[] keep = new boolean[n];
            for (int i = 0; i < n; i++) keep[i] = sim.truth().regions().get(i).equals(g);
            int provinces = 0;
            for (boolean k : keep) if (k) provinces++;
            JsonNode fe = coefficient("appendix-fe-region--" + g, "ln_opt");
            double feTruth = scale * Lsdv.fit(signal(), withControls(var("ln_opt")), keep, Lsdv.Effects.TWOWAYS)[0];
            Check check = new Check("Appendix: Opt in " + g, fe.get("estimate").asDouble(), fe.get("ciLow").asDouble(), fe.get("ciHigh").asDouble(),
                    feTruth, fe.get("ciLow").asDouble() <= feTruth && feTruth <= fe.get("ciHigh").asDouble(),
                    "pseudo-true in the region (" + provinces + " provinces)");
            // cluster-robust intervals with fewer than ten clusters are unreliable (the estimator warns few-clusters)
            checks.add(provinces >= 10 ? check : check.informational());
            JsonNode r = result("t6-opt--" + g);
            int selected = r.get("statistics").get("selectedThresholds").asInt();
            int planted = g.equals("northeast") ? 1 : 2;
            checks.add(new Check("Table 6 Opt: " + g + " selects " + planted + " threshold(s)", selected, Double.NaN, Double.NaN, planted,
                    selected == planted, "bootstrap tests at 5%").informational());
        }
    }

    // ---------------------------------------------------------------- helpers

    private void covers(String name, JsonNode coefficient, double truth, String note) {
        double lo = coefficient.get("ciLow").asDouble();
        double hi = coefficient.get("ciHigh").asDouble();
        checks.add(new Check(name, coefficient.get("estimate").asDouble(), lo, hi, truth, lo <= truth && truth <= hi, note));
    }

    private JsonNode result(String key) {
        JsonNode s = steps.get(key);
        if (s == null) throw new IllegalStateException("no step " + key + " in results.json");
        if (!s.get("status").asText().equals("ok")) throw new IllegalStateException("step " + key + " failed: " + s.get("error"));
        return s.get("result");
    }

    private JsonNode coefficient(String step, String term) {
        for (JsonNode c : result(step).get("coefficients")) if (c.get("term").asText().equals(term)) return c;
        throw new IllegalStateException("no coefficient " + term + " in " + step);
    }

    private double[][] signal() {
        return sim.truth().signal();
    }

    private boolean[] all() {
        boolean[] k = new boolean[n];
        java.util.Arrays.fill(k, true);
        return k;
    }

    private double[][] var(String name) {
        double[][] v = data.get(name);
        if (v == null) throw new IllegalStateException("no variable " + name);
        return v;
    }

    private List<double[][]> controls() {
        List<double[][]> c = new ArrayList<>();
        for (String v : CONTROLS) c.add(var(v));
        return c;
    }

    private List<double[][]> withControls(double[][]... first) {
        List<double[][]> c = new ArrayList<>(java.util.Arrays.asList(first));
        c.addAll(controls());
        return c;
    }

    private double[][] minus(double[][] a, double[][] b) {
        double[][] out = new double[n][t];
        for (int i = 0; i < n; i++) for (int s = 0; s < t; s++) out[i][s] = a[i][s] - b[i][s];
        return out;
    }

    private double[] withinEntity(double[][] a) {
        double[] out = new double[n * t];
        for (int i = 0; i < n; i++) {
            double m = 0;
            for (double v : a[i]) m += v / t;
            for (int s = 0; s < t; s++) out[i * t + s] = a[i][s] - m;
        }
        return out;
    }

    /** The generated CSV as arrays, plus the chain's transforms and the realised mediators. */
    private void parse(String csv) {
        String[] lines = csv.split("\n");
        List<String> h = List.of(lines[0].split(","));
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < n; i++) pos.put(sim.truth().codes().get(i), i);
        for (String c : h) data.put(c, new double[n][t]);
        for (int r = 1; r < lines.length; r++) {
            String[] f = lines[r].split(",");
            int i = pos.get(f[h.indexOf("code")]);
            int s = Integer.parseInt(f[h.indexOf("year")]) - sim.truth().firstYear();
            for (int c = 0; c < f.length; c++) {
                String col = h.get(c);
                if (col.equals("code") || col.equals("province") || col.equals("region")) continue;
                data.get(col)[i][s] = Double.parseDouble(f[c]);
            }
        }
        for (String v : List.of("opt", "int", "fdi", "urb", "mar", "nat", "cul", "bb_users")) {
            double[][] l = new double[n][t];
            for (int i = 0; i < n; i++) for (int s = 0; s < t; s++) l[i][s] = Math.log(data.get(v)[i][s]); // as the chain's log transform
            data.put("ln_" + v, l);
        }
        double[][] iv = new double[n][t];
        for (int i = 0; i < n; i++) for (int s = 0; s < t; s++) iv[i][s] = Math.log(data.get("post84")[i][s] * data.get("net_users")[i][s]);
        data.put("iv", iv);
        data.put("div", sim.truth().diversification());
        data.put("spe", sim.truth().specialization());
        for (String g : sim.truth().regions()) if (!regions.contains(g)) regions.add(g);
        regions.sort(String::compareTo);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
