package eres.plugins.industry;

import eres.api.linalg.Compensated;
import eres.api.stats.Descriptives;
import eres.api.table.Formats;
import eres.api.DataException;
import eres.api.Suggestions;
import eres.api.data.Panel;
import eres.api.result.DataFile;
import eres.api.result.StepResult;
import eres.api.result.Table;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Industry-structure indices from employment {@code E_itk} of entity i, year t, industry k = 1..K
 * (composite-index.md section 6). Shares {@code p_itk = E_itk / sum_k E_itk}; reference (national)
 * totals {@code N_tk} are the sum over the panel's entities in year t unless given as columns, with
 * shares {@code P_tk = N_tk / sum_k N_tk}.
 *
 * <ul>
 *   <li>{@link Kind#DIVERSIFICATION}: Shannon entropy {@code -sum_k p ln p} ({@code 0 ln 0 = 0}); range [0, ln K];
 *       optionally divided by ln K;</li>
 *   <li>{@link Kind#SPECIALIZATION}: {@code max_k LQ_itk}, {@code LQ = p_itk / P_tk}; industries with
 *       {@code N_tk = 0} are left out of the maximum in year t (warned); the arg-max industry is reported;</li>
 *   <li>{@link Kind#HHI}: Herfindahl-Hirschman {@code sum_k p^2} in [1/K, 1]; optionally {@code (H - 1/K)/(1 - 1/K)};</li>
 *   <li>{@link Kind#KRUGMAN}: Krugman specialisation (dissimilarity) index {@code sum_k |p_itk - P_tk|} in [0, 2].</li>
 * </ul>
 */
final class IndustryStructure {
    enum Kind {
        DIVERSIFICATION("diversification", "Diversification (Shannon entropy of employment shares)"),
        SPECIALIZATION("specialization", "Specialization (maximum location quotient)"),
        HHI("hhi", "Herfindahl-Hirschman index of employment shares"),
        KRUGMAN("krugman", "Krugman specialization index (dissimilarity from the reference structure)");

        final String id;
        final String label;

        Kind(String id, String label) {
            this.id = id;
            this.label = label;
        }
    }

    /** An industry left out of the location quotients of one year because its reference total is 0. */
    record Excluded(int year, String industry) {
    }

    /** Summary of the index in one year. */
    record YearSummary(int year, int rows, double mean, double sd, double min, double max) {
    }

    /**
     * Values per panel row ({@code NaN} where skipped), the arg-max industry per row (specialization), and
     * the excluded (year, industry) pairs.
     */
    record Computation(double[] values, String[] argmax, List<Excluded> excluded, int skippedRows, double[][] referenceShares,
                       int[] years) {
    }

    private IndustryStructure() {
    }

    static Computation compute(Kind kind, IndustryParameters p, Panel panel) {
        List<String> ind = p.industries();
        int k = ind.size();
        int n = panel.rows();
        double[][] e = new double[k][];
        for (int j = 0; j < k; j++) e[j] = column(panel, ind.get(j), "industry");
        double[][] nat = null;
        if (p.national() != null) {
            nat = new double[k][];
            for (int j = 0; j < k; j++) nat[j] = column(panel, p.national().get(j), "national");
        }
        boolean[] use = new boolean[n];
        int skipped = 0;
        List<String> missingCells = new ArrayList<>();
        int missingCount = 0;
        for (int r = 0; r < n; r++) {
            boolean ok = true;
            for (int j = 0; j < k; j++) {
                double v = e[j][r];
                if (Double.isNaN(v)) {
                    ok = false;
                    missingCount++;
                    if (missingCells.size() < 5) missingCells.add("(" + panel.entity(r) + ", " + panel.time(r) + ", " + ind.get(j) + ")");
                    continue;
                }
                if (v < 0) {
                    throw new DataException("negative employment " + v + " in industry '" + ind.get(j) + "' at (" + panel.entity(r) + ", "
                            + panel.time(r) + "); employment counts must be >= 0");
                }
            }
            use[r] = ok;
            if (!ok) skipped++;
        }
        if (missingCount > 0 && p.missing().equals("error")) {
            throw new DataException(missingCount + " missing employment value" + (missingCount == 1 ? "" : "s") + " (" + panel.entityName() + ", "
                    + panel.timeName() + ", industry): " + String.join(", ", missingCells) + (missingCount > 5 ? ", ..." : "")
                    + "; impute them in a separate step or set missing: skip");
        }
        double[] total = new double[n];
        for (int r = 0; r < n; r++) {
            if (!use[r]) continue;
            Compensated s = new Compensated(0);
            for (int j = 0; j < k; j++) s.add(e[j][r]);
            total[r] = s.value();
            if (!(total[r] > 0)) {
                throw new DataException("(" + panel.entity(r) + ", " + panel.time(r) + ") has zero total employment over the " + k
                        + " industries; shares are undefined");
            }
        }
        // reference shares per year
        int[] years = panel.times();
        double[][] refShare = new double[years.length][k];
        List<Excluded> excluded = new ArrayList<>();
        boolean needsReference = kind == Kind.SPECIALIZATION || kind == Kind.KRUGMAN;
        if (needsReference) {
            for (int t = 0; t < years.length; t++) {
                double[] ref = new double[k];
                boolean any = false;
                for (int j = 0; j < k; j++) {
                    Compensated s = new Compensated(0);
                    double first = Double.NaN;
                    for (int r = 0; r < n; r++) {
                        if (!use[r] || panel.time(r) != years[t]) continue;
                        any = true;
                        if (nat == null) {
                            s.add(e[j][r]);
                        } else {
                            double v = nat[j][r];
                            if (Double.isNaN(v) || v < 0) {
                                throw new DataException("national column '" + p.national().get(j) + "' is " + (Double.isNaN(v) ? "missing" : "negative ("
                                        + v + ")") + " at (" + panel.entity(r) + ", " + panel.time(r) + ")");
                            }
                            if (Double.isNaN(first)) {
                                first = v;
                            } else if (Math.abs(v - first) > 1e-9 * Math.max(1, Math.abs(first))) {
                                throw new DataException("national column '" + p.national().get(j) + "' differs within year " + years[t] + " ("
                                        + first + " vs " + v + " at " + panel.entity(r) + "); reference totals must be one value per year");
                            }
                        }
                    }
                    ref[j] = nat == null ? s.value() : (Double.isNaN(first) ? 0 : first);
                }
                if (!any) continue;
                double refTotal = Compensated.sum(ref);
                if (!(refTotal > 0)) {
                    throw new DataException("reference employment in year " + years[t] + " is zero in every industry");
                }
                for (int j = 0; j < k; j++) {
                    refShare[t][j] = ref[j] / refTotal;
                    if (ref[j] == 0 && kind == Kind.SPECIALIZATION) excluded.add(new Excluded(years[t], ind.get(j)));
                }
            }
        }
        double[] values = new double[n];
        String[] argmax = new String[n];
        Arrays.fill(values, Double.NaN);
        for (int r = 0; r < n; r++) {
            if (!use[r]) continue;
            int t = Arrays.binarySearch(years, panel.time(r));
            switch (kind) {
                case DIVERSIFICATION -> {
                    Compensated h = new Compensated(0);
                    for (int j = 0; j < k; j++) {
                        double s = e[j][r] / total[r];
                        if (s > 0) h.add(-s * Math.log(s));
                    }
                    values[r] = p.normalize() ? h.value() / Math.log(k) : h.value();
                }
                case HHI -> {
                    Compensated h = new Compensated(0);
                    for (int j = 0; j < k; j++) {
                        double s = e[j][r] / total[r];
                        h.addProduct(s, s);
                    }
                    values[r] = p.normalize() ? (h.value() - 1.0 / k) / (1 - 1.0 / k) : h.value();
                }
                case KRUGMAN -> {
                    Compensated h = new Compensated(0);
                    for (int j = 0; j < k; j++) h.add(Math.abs(e[j][r] / total[r] - refShare[t][j]));
                    values[r] = h.value();
                }
                case SPECIALIZATION -> {
                    double best = Double.NEGATIVE_INFINITY;
                    int at = -1;
                    for (int j = 0; j < k; j++) {
                        if (refShare[t][j] == 0) {
                            if (e[j][r] > 0) {
                                throw new DataException("industry '" + ind.get(j) + "' has employment " + e[j][r] + " at (" + panel.entity(r) + ", "
                                        + panel.time(r) + ") but a reference total of 0; the location quotient is infinite");
                            }
                            continue;
                        }
                        double lq = (e[j][r] / total[r]) / refShare[t][j];
                        if (lq > best) {
                            best = lq;
                            at = j;
                        }
                    }
                    values[r] = best;
                    argmax[r] = at < 0 ? null : ind.get(at);
                }
                default -> throw new IllegalStateException();
            }
        }
        return new Computation(values, argmax, excluded, skipped, refShare, years);
    }

    private static double[] column(Panel panel, String name, String what) {
        if (!panel.hasNumeric(name)) {
            throw new DataException("unknown " + what + " column '" + name + "'" + Suggestions.hint(name, panel.numericColumns())
                    + "; numeric columns: " + String.join(", ", panel.numericColumns()));
        }
        double[] c = panel.column(name);
        boolean any = false;
        for (double v : c) {
            if (Double.isInfinite(v)) throw new DataException(what + " column '" + name + "' has an infinite value");
            if (!Double.isNaN(v)) any = true;
        }
        if (!any) throw new DataException(what + " column '" + name + "' has no values (all " + c.length + " rows missing)");
        return c;
    }

    static StepResult run(Kind kind, IndustryParameters given, Panel panel, String stepId) {
        IndustryParameters p = given.resolve(panel.numericColumns());
        Computation c = compute(kind, p, panel);
        String output = p.output() != null ? p.output() : kind.id;
        StepResult.Builder b = StepResult.builder();
        b.column(output, c.values());
        double[] used = Arrays.stream(c.values()).filter(v -> !Double.isNaN(v)).toArray();
        Descriptives all = Descriptives.of(used);
        b.statistic("method", kind.id);
        b.statistic("output", output);
        b.statistic("industries", p.industries().size());
        b.statistic("nobs", used.length);
        b.statistic("skippedRows", c.skippedRows());
        b.statistic("reference", p.national() == null ? "sum over the panel's entities" : "national columns");
        b.statistic("normalized", p.normalize() && (kind == Kind.DIVERSIFICATION || kind == Kind.HHI));
        b.statistic("mean", all.mean());
        b.statistic("sd", all.sd());
        b.statistic("min", all.min());
        b.statistic("max", all.max());
        if (p.normalize() && (kind == Kind.SPECIALIZATION || kind == Kind.KRUGMAN)) {
            b.warning("unused-parameter", "'normalize' is not used by " + kind.id + " (only diversification and hhi have a normalised form)");
        }
        if ((kind == Kind.DIVERSIFICATION || kind == Kind.HHI) && p.national() != null) {
            b.warning("unused-parameter", "'national' is not used by " + kind.id + " (it depends on the entity's own shares only)");
        }
        if (c.skippedRows() > 0) {
            b.warning("dropped-missing", c.skippedRows() + " row(s) with a missing industry value were left out (missing: skip)");
        }
        if (!c.excluded().isEmpty()) {
            Map<String, List<Integer>> byIndustry = new LinkedHashMap<>();
            for (Excluded x : c.excluded()) byIndustry.computeIfAbsent(x.industry(), z -> new ArrayList<>()).add(x.year());
            StringBuilder sb = new StringBuilder();
            byIndustry.forEach((i, ys) -> sb.append(sb.length() == 0 ? "" : "; ").append(i).append(" in ").append(ys));
            b.warning("zero-reference-industry", "industries with zero reference employment were left out of the location quotients: " + sb);
        }
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("method", kind.id);
        setup.put("label", kind.label);
        setup.put("output", output);
        setup.put("industries", p.industries());
        setup.put("labels", p.labels());
        setup.put("reference", p.national() == null ? "sum over the panel's entities in each year" : p.national());
        setup.put("normalized", p.normalize() && (kind == Kind.DIVERSIFICATION || kind == Kind.HHI));
        b.section("index", setup);
        if (kind == Kind.SPECIALIZATION) b.section("excluded", c.excluded());

        Map<Integer, List<Double>> by = new TreeMap<>();
        for (int r = 0; r < panel.rows(); r++) if (!Double.isNaN(c.values()[r])) by.computeIfAbsent(panel.time(r), z -> new ArrayList<>()).add(c.values()[r]);
        List<YearSummary> years = new ArrayList<>();
        by.forEach((t, v) -> {
            Descriptives d = Descriptives.of(v.stream().mapToDouble(Double::doubleValue).toArray());
            years.add(new YearSummary(t, (int) d.obs(), d.mean(), d.sd(), d.min(), d.max()));
        });
        b.section("byYear", years);
        Table.Builder t = Table.builder("by-year", kind.label + ": " + output + " by year").stub("Year")
                .columns("Obs", "Mean", "Std. dev.", "Min", "Max");
        for (YearSummary y : years) {
            t.row(String.valueOf(y.year()), Formats.count(y.rows()), Formats.fixed(y.mean(), 4), Formats.fixed(y.sd(), 4),
                    Formats.fixed(y.min(), 4), Formats.fixed(y.max(), 4));
        }
        t.note(formula(kind, p) + " K = " + p.industries().size() + " industries: " + String.join(", ", p.industries().stream().map(p::label).toList()) + ".");
        t.note("Per entity-year values: files/" + stepId + "-" + output + "-values.csv (group steps add --<group>).");
        b.table(t.build());
        if (kind == Kind.SPECIALIZATION) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            for (String i : p.industries()) counts.put(i, 0);
            for (String a : c.argmax()) if (a != null) counts.merge(a, 1, Integer::sum);
            b.section("argmaxCounts", counts);
            Table.Builder a = Table.builder("most-specialised", "Industry with the largest location quotient").stub("Industry")
                    .columns("Entity-years");
            counts.forEach((i, cnt) -> {
                if (cnt > 0) a.row(p.label(i), Formats.count(cnt));
            });
            b.table(a.note("Count of entity-years in which the industry has the largest location quotient.").build());
        }
        b.file(valuesFile(panel, output, c, kind == Kind.SPECIALIZATION));
        return b.build();
    }

    static String formula(Kind kind, IndustryParameters p) {
        String ref = p.national() == null ? "reference shares P_tk from the sum over the panel's entities in year t"
                : "reference shares P_tk from the national columns";
        return switch (kind) {
            case DIVERSIFICATION -> "Div = -sum_k p_k ln p_k (0 ln 0 = 0)" + (p.normalize() ? ", divided by ln K." : ".");
            case HHI -> "HHI = sum_k p_k^2" + (p.normalize() ? ", normalised (HHI - 1/K)/(1 - 1/K)." : ".");
            case SPECIALIZATION -> "Spec = max_k LQ_k, LQ_k = p_k / P_tk; " + ref + "; industries with P_tk = 0 are left out.";
            case KRUGMAN -> "Krugman = sum_k |p_k - P_tk|; " + ref + ".";
        };
    }

    static DataFile valuesFile(Panel panel, String output, Computation c, boolean argmax) {
        StringBuilder sb = new StringBuilder();
        sb.append(panel.entityName()).append(',').append(panel.timeName()).append(',').append(output);
        if (argmax) sb.append(",industry");
        sb.append('\n');
        for (int r = 0; r < panel.rows(); r++) {
            sb.append(csv(panel.entity(r))).append(',').append(panel.time(r)).append(',');
            if (!Double.isNaN(c.values()[r])) sb.append(c.values()[r]);
            if (argmax) sb.append(',').append(c.argmax()[r] == null ? "" : csv(c.argmax()[r]));
            sb.append('\n');
        }
        return new DataFile(output + "-values.csv", "text/csv", sb.toString());
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"")) return "\"" + s.replace("\"", "\"\"") + "\"";
        return s;
    }
}
