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
 *   <li>planted parameters where the estimator's model is the data-generating equation: the thresholds
 *       (Hansen's LR intervals), the a paths of the mediator equations, rho of the spatial model;</li>
 *   <li>for linear estimators of misspecified models (a linear fit of a threshold function, models
 *       that ignore the spatial lag, per-region fits), the <em>pseudo-true value</em>: the same
 *       regression applied to the noise-free causal signal {@code B S}, where S is latent resilience
 *       without the shock u and the confounder psi and B is the index-scale factor, computed by an
 *       independent dummy-variable least squares ({@link Lsdv}). For OLS and 2SLS this is exactly the
 *       estimator's expectation given the regressors;</li>
 *   <li>the planted endogeneity: OLS on the broadband proxy is above its causal value by more than its
 *       own interval, 2SLS covers the 2SLS value, the endogeneity test rejects for int and not for opt;</li>
 *   <li>the planted signs: partial mediation through diversification, masking through specialization,
 *       a negative lowest regime in the north-east.</li>
 * </ul>
 */
public final class StudyRecovery {
    /**
     * One comparison; {@code truth} NaN for checks that are not interval checks. {@code required}
     * checks are asserted by the recovery test; the others (decisions at a significance level, whose
     * power is below one by design) are reported, and their frequencies over seeds are in
     * docs/synthetic-data.md.
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
        checkGtwr();
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
        List<StudyVariables.Indicator> inds = StudyVariables.INDICATORS;
        double[] weights = new double[inds.size()];
        double[] ranges = new double[inds.size()];
        for (int j = 0; j < inds.size(); j++) {
            weights[j] = w.get(inds.get(j).name());
            ranges[j] = range.get(inds.get(j).name());
        }
        scale = sim.truth().indexScale(weights, ranges);
        // the index is affine in latent resilience plus noise: its correlation with R
        Path values = outDir.resolve("files/index-resilience-values.csv");
        List<String> lines = Files.readAllLines(values, StandardCharsets.UTF_8);
        Map<String, Integer> pos = new HashMap<>();
        for (int i = 0; i < n; i++) pos.put(sim.truth().codes().get(i), i);
        double[] a = new double[n * t];
        double[] b = new double[n * t];
        int k = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            int i = pos.get(f[0]);
            int s = Integer.parseInt(f[1]) - sim.truth().firstYear();
            a[k] = Double.parseDouble(f[2]);
            b[k++] = sim.truth().latent()[i][s];
        }
        double corr = correlation(a, b);
        checks.add(new Check("index is close to affine in latent resilience (corr >= 0.98)", corr, 0.98, 1, Double.NaN, corr >= 0.98,
                "B = " + String.format(Locale.ROOT, "%.5f", scale) + " index units per unit of R"));
    }

    // ---------------------------------------------------------------- Table 3 and 4

    private void checkBaseline() {
        double[][] yS = signal();
        boolean[] all = all();
        covers("Table 3 (1): ln_opt, two-way FE", coefficient("t3-opt", "ln_opt"),
                scale * Lsdv.fit(yS, List.<double[][]>of(var("ln_opt")), all, Lsdv.Effects.TWOWAYS)[0], "pseudo-true (FE on the causal signal)");
        covers("Table 3 (2): ln_opt, two-way FE with controls", coefficient("t3-opt-controls", "ln_opt"),
                scale * Lsdv.fit(yS, withControls(var("ln_opt")), all, Lsdv.Effects.TWOWAYS)[0], "pseudo-true");
        double causal = scale * Lsdv.fit(yS, withControls(var("ln_int")), all, Lsdv.Effects.TWOWAYS)[0];
        JsonNode c = coefficient("t3-int-controls", "ln_int");
        checks.add(new Check("Table 3 (4): OLS on ln_int is biased upward by the confounder", c.get("estimate").asDouble(),
                c.get("ciLow").asDouble(), c.get("ciHigh").asDouble(), causal, c.get("ciLow").asDouble() > causal,
                "causal pseudo-true below the whole interval"));
    }

    private void checkIv() {
        double[][] yS = signal();
        boolean[] all = all();
        covers("Table 4 (a): 2SLS ln_opt", coefficient("t4-iv-opt", "ln_opt"),
                scale * Lsdv.twoStage(yS, var("ln_opt"), var("iv_post"), controls(), all)[0], "pseudo-true 2SLS");
        covers("Table 4 (b): 2SLS ln_int corrects the endogeneity", coefficient("t4-iv-int", "ln_int"),
                scale * Lsdv.twoStage(yS, var("ln_int"), var("iv_post"), controls(), all)[0], "pseudo-true 2SLS");
        double pInt = result("t4-iv-int").get("statistics").get("endogeneityCp").asDouble();
        double pOpt = result("t4-iv-opt").get("statistics").get("endogeneityCp").asDouble();
        checks.add(new Check("Table 4 (b): endogeneity test rejects for ln_int (p < 0.05)", pInt, 0, 0.05, Double.NaN, pInt < 0.05,
                "planted confounder").informational());
        checks.add(new Check("Table 4 (a): endogeneity test does not reject for ln_opt", pOpt, 0.05, 1, Double.NaN, pOpt >= 0.05,
                "opt is exogenous").informational());
        for (String id : List.of("t4-iv-opt", "t4-iv-int")) {
            double f = result(id).get("statistics").get("kleibergenPaapF").asDouble();
            checks.add(new Check("Table 4: strong instrument in " + id + " (KP F > 10)", f, 10, Double.POSITIVE_INFINITY, Double.NaN, f > 10, ""));
        }
    }

    // ---------------------------------------------------------------- Tables 5-6

    private void checkThresholds() {
        for (String id : List.of("t5-threshold-opt", "t5-threshold-int")) {
            JsonNode r = result(id);
            JsonNode tests = r.get("thresholdTests");
            double p1 = tests.get(0).get("pValue").asDouble();
            double p2 = tests.get(1).get("pValue").asDouble();
            double p3 = tests.get(2).get("pValue").asDouble();
            checks.add(new Check(id + ": single-threshold test rejects linearity", p1, 0, 0.05, Double.NaN, p1 < 0.05, "bootstrap p"));
            checks.add(new Check(id + ": double-threshold test rejects one threshold", p2, 0, 0.05, Double.NaN, p2 < 0.05, "bootstrap p"));
            checks.add(new Check(id + ": triple-threshold test does not reject two", p3, 0.05, 1, Double.NaN, p3 >= 0.05,
                    "bootstrap p").informational());
            thresholdIntervals(id, r);
        }
        // regime slopes of the ln_opt model at the estimated thresholds
        JsonNode r = result("t5-threshold-opt");
        double g1 = r.get("statistics").get("gamma1").asDouble();
        double g2 = r.get("statistics").get("gamma2").asDouble();
        double[] oracle = regimeOracle(var("ln_opt"), g1, g2, all());
        JsonNode coefs = r.get("coefficients");
        String[] names = {"low", "middle", "high"};
        for (int k = 0; k < 3; k++) {
            covers("Table 6: ln_opt regime slope (" + names[k] + ")", coefs.get(k), scale * oracle[k], "pseudo-true (entity FE)");
        }
    }

    private void thresholdIntervals(String id, JsonNode r) {
        double[][] q = var("ln_opt");
        List<JsonNode> estimates = new ArrayList<>();
        for (JsonNode e : r.get("thresholds")) if (e.get("model").asInt() == 2) estimates.add(e);
        double[] gammas = {p.gamma1(), p.gamma2()};
        for (int g = 0; g < 2; g++) {
            double gamma = gammas[g];
            // candidates are data values: gamma is "covered" when the data value that splits the sample
            // as gamma does (the largest q <= gamma) is in the interval
            double equivalent = Double.NEGATIVE_INFINITY;
            for (double[] row : q) for (double v : row) if (v <= gamma + 1e-12) equivalent = Math.max(equivalent, v);
            JsonNode best = null;
            for (JsonNode e : estimates) {
                if (best == null || Math.abs(e.get("value").asDouble() - gamma) < Math.abs(best.get("value").asDouble() - gamma)) best = e;
            }
            double lo = best.get("ciLow").asDouble();
            double hi = best.get("ciHigh").asDouble();
            boolean ok = equivalent >= lo - 1e-12 && equivalent <= hi + 1e-12;
            checks.add(new Check(id + ": planted threshold gamma" + (g + 1) + " = ln " + fmt(Math.exp(gamma)).replaceAll("0+$", "")
                    .replaceAll("\\.$", "") + " in its LR interval", best.get("value").asDouble(), lo, hi, gamma, ok,
                    best.get("name").asText() + "; sample split at q = " + fmt(equivalent)));
        }
    }

    /** Entity-FE regime slopes of the causal signal at the given thresholds (controls included). */
    private double[] regimeOracle(double[][] x, double g1, double g2, boolean[] keep) {
        double[][] q = var("ln_opt");
        double[][][] cols = new double[3][n][t];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                int regime = q[i][s] <= g1 ? 0 : q[i][s] <= g2 ? 1 : 2;
                cols[regime][i][s] = x[i][s];
            }
        }
        List<double[][]> xs = new ArrayList<>(List.of(cols[0], cols[1], cols[2]));
        xs.addAll(controls());
        return Lsdv.fit(signal(), xs, keep, Lsdv.Effects.ENTITY);
    }

    // ---------------------------------------------------------------- Tables 7-8

    private void checkMediation() {
        JsonNode r = result("t7-mediation");
        Map<String, JsonNode> c = new HashMap<>();
        for (JsonNode e : r.get("coefficients")) c.put(e.get("term").asText(), e);
        covers("Table 7: a path ln_opt -> div (planted a)", c.get("a:div"), p.a(), "planted");
        covers("Table 7: a path ln_opt -> spe (planted a2)", c.get("a:spe"), p.a2(), "planted");
        double bDiv = scale * Lsdv.fit(signal(), withControls(var("ln_opt"), var("div")), all(), Lsdv.Effects.TWOWAYS)[1];
        double bSpe = scale * Lsdv.fit(signal(), withControls(var("ln_opt"), var("spe")), all(), Lsdv.Effects.TWOWAYS)[1];
        covers("Table 7: b path div -> resilience", c.get("b:div"), bDiv, "pseudo-true (B b times the spatial direct effect)");
        covers("Table 7: b path spe -> resilience", c.get("b:spe"), bSpe, "pseudo-true");
        covers("Table 8: indirect effect through div (bootstrap CI)", c.get("indirect:div"), p.a() * bDiv, "a x pseudo-true b");
        covers("Table 8: indirect effect through spe (bootstrap CI)", c.get("indirect:spe"), p.a2() * bSpe, "a2 x pseudo-true b2");
        JsonNode iDiv = c.get("indirect:div");
        JsonNode iSpe = c.get("indirect:spe");
        JsonNode dDiv = c.get("direct:div");
        JsonNode dSpe = c.get("direct:spe");
        checks.add(new Check("Table 8: mediation through div (indirect > 0, direct > 0)", iDiv.get("estimate").asDouble(),
                iDiv.get("ciLow").asDouble(), iDiv.get("ciHigh").asDouble(), Double.NaN,
                iDiv.get("ciLow").asDouble() > 0 && dDiv.get("estimate").asDouble() > 0,
                "bootstrap interval above 0; direct effect " + fmt(dDiv.get("estimate").asDouble())));
        checks.add(new Check("Table 8: masking through spe (indirect < 0, direct > 0)", iSpe.get("estimate").asDouble(),
                iSpe.get("ciLow").asDouble(), iSpe.get("ciHigh").asDouble(), Double.NaN,
                iSpe.get("ciHigh").asDouble() < 0 && dSpe.get("estimate").asDouble() > 0,
                "bootstrap interval below 0; direct effect " + fmt(dSpe.get("estimate").asDouble())));
        String vDiv = r.get("statistics").get("verdict:div").asText();
        String vSpe = r.get("statistics").get("verdict:spe").asText();
        checks.add(new Check("Table 8: Wen-Ye verdict 'partial mediation' for div", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                vDiv.equals("PARTIAL_MEDIATION"), vDiv).informational());
        checks.add(new Check("Table 8: Wen-Ye verdict 'masking' for spe", Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                vSpe.equals("MASKING"), vSpe).informational());
    }

    // ---------------------------------------------------------------- Table A2

    private void checkSpatial() {
        JsonNode rho = coefficient("a2-sdm", "rho");
        covers("Table A2: rho under W^G (planted 0.3)", rho, p.rho(), "planted");
        JsonNode ne = coefficient("a2-sdm", "ln_opt_ne");
        checks.add(new Check("Table A2: the north-east's slope is lower (ln_opt_ne < 0)", ne.get("estimate").asDouble(),
                ne.get("ciLow").asDouble(), ne.get("ciHigh").asDouble(), Double.NaN, ne.get("ciHigh").asDouble() < 0, "planted shift "
                + p.northeastShift()).informational());
    }

    // ---------------------------------------------------------------- Table A1

    private void checkRegions() {
        double[] shift = Lsdv.fit(signal(), withControls(var("ln_opt"), var("ln_opt_ne")), all(), Lsdv.Effects.TWOWAYS);
        covers("Table A1 (c): north-east slope shift (ln_opt_ne)", coefficient("a1-northeast", "ln_opt_ne"), scale * shift[1],
                "pseudo-true; planted shift " + p.northeastShift());
        checks.add(new Check("Table A1 (c): the planted shift is negative on the index scale", scale * shift[1], Double.NaN, 0,
                Double.NaN, shift[1] < 0, "pseudo-true"));
        for (String g : regions) {
            boolean[] keep = new boolean[n];
            for (int i = 0; i < n; i++) keep[i] = sim.truth().regions().get(i).equals(g);
            int provinces = 0;
            for (boolean k : keep) if (k) provinces++;
            JsonNode fe = coefficient("a1-baseline-region--" + g, "ln_opt");
            double feTruth = scale * Lsdv.fit(signal(), withControls(var("ln_opt")), keep, Lsdv.Effects.TWOWAYS)[0];
            Check check = new Check("Table A1 (a): ln_opt in " + g, fe.get("estimate").asDouble(), fe.get("ciLow").asDouble(),
                    fe.get("ciHigh").asDouble(), feTruth, fe.get("ciLow").asDouble() <= feTruth && feTruth <= fe.get("ciHigh").asDouble(),
                    "pseudo-true in the region (" + provinces + " provinces)");
            // cluster-robust intervals with fewer than 10 clusters are unreliable (the estimator warns few-clusters)
            checks.add(provinces >= 10 ? check : check.informational());
            JsonNode r = result("a1-threshold-region--" + g);
            double g1 = r.get("statistics").get("gamma1").asDouble();
            double g2 = r.get("statistics").get("gamma2").asDouble();
            double[] oracle = regimeOracle(var("ln_opt"), g1, g2, keep);
            int regionRows = r.get("statistics").get("nobs").asInt();
            for (int k = 0; k < 3; k++) {
                // a regime that holds a small part of the region's sample sits at a data-chosen threshold:
                // its slope carries a selection bias that the interval (conditional on the threshold) ignores
                int rows = r.get("regimes").get(k).get("observations").asInt();
                if (rows < regionRows / 4) continue;
                // reported, not asserted: with a few provinces the thresholds are re-estimated on little data and the
                // interval conditional on them under-covers (about 85% over seeds, docs/synthetic-data.md)
                JsonNode coef = r.get("coefficients").get(k);
                double lo = coef.get("ciLow").asDouble();
                double hi = coef.get("ciHigh").asDouble();
                double truth = scale * oracle[k];
                checks.add(new Check("Table A1 (b): " + g + " regime " + (k + 1) + " slope", coef.get("estimate").asDouble(), lo, hi, truth,
                        lo <= truth && truth <= hi, "pseudo-true at the region's thresholds (" + rows + " of " + regionRows + " rows)")
                        .informational());
            }
            if (g.equals("northeast")) {
                JsonNode low = r.get("coefficients").get(0);
                double est = low.get("estimate").asDouble();
                checks.add(new Check("Table A1 (b): the north-east's lowest regime is negative", est, low.get("ciLow").asDouble(),
                        low.get("ciHigh").asDouble(), scale * oracle[0], est < 0 && oracle[0] < 0, "estimate and pseudo-true below 0")
                        .informational());
            }
        }
    }

    // ---------------------------------------------------------------- Figure 2

    /** The GTWR local effect of ln_opt is lower in the north-east (its planted slope shift), from the side file. */
    private void checkGtwr() throws IOException {
        List<String> lines = Files.readAllLines(outDir.resolve("files/f2-gtwr-local-estimates.csv"), StandardCharsets.UTF_8);
        List<String> h = List.of(lines.get(0).split(","));
        int code = h.indexOf("code");
        int est = h.indexOf("est_ln_opt");
        Map<String, String> region = new HashMap<>();
        for (int i = 0; i < n; i++) region.put(sim.truth().codes().get(i), sim.truth().regions().get(i));
        double ne = 0;
        double rest = 0;
        int nNe = 0;
        int nRest = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            double v = Double.parseDouble(f[est]);
            if (region.get(f[code]).equals("northeast")) {
                ne += v;
                nNe++;
            } else {
                rest += v;
                nRest++;
            }
        }
        ne /= nNe;
        rest /= nRest;
        checks.add(new Check("Figure 2: GTWR local effect of ln_opt is lower in the north-east", ne, Double.NaN, rest, Double.NaN,
                ne < rest, "mean local coefficient: north-east " + fmt(ne) + ", elsewhere " + fmt(rest)));
        JsonNode st = result("f2-gtwr").get("statistics");
        double aicc = st.get("aicc").asDouble();
        double ols = st.get("olsAicc").asDouble();
        checks.add(new Check("Figure 2: GTWR fits better than global OLS (AICc)", aicc, Double.NaN, ols, Double.NaN, aicc < ols,
                "the effects are heterogeneous").informational());
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
        for (String v : StudyParameters.CONTROLS) c.add(var(v));
        return c;
    }

    private List<double[][]> withControls(double[][]... first) {
        List<double[][]> c = new ArrayList<>(java.util.Arrays.asList(first));
        c.addAll(controls());
        return c;
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
        double[][] lnOpt = new double[n][t];
        double[][] lnInt = new double[n][t];
        double[][] iv = new double[n][t];
        for (int i = 0; i < n; i++) {
            for (int s = 0; s < t; s++) {
                lnOpt[i][s] = Math.log(data.get("opt")[i][s]);    // as the chain's log transform
                lnInt[i][s] = Math.log(data.get("int")[i][s]);
                iv[i][s] = data.get("post84")[i][s] * data.get("net_users_nat_l1")[i][s];
            }
        }
        data.put("ln_opt", lnOpt);
        data.put("ln_int", lnInt);
        data.put("iv_post", iv);
        double[][] lnOptNe = new double[n][t];
        for (int i = 0; i < n; i++) for (int s = 0; s < t; s++) lnOptNe[i][s] = lnOpt[i][s] * data.get("northeast")[i][s];
        data.put("ln_opt_ne", lnOptNe);
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
