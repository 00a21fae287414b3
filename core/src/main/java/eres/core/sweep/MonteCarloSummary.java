package eres.core.sweep;

import eres.api.result.Table;
import eres.api.svg.LinearScale;
import eres.api.svg.Svg;
import eres.api.table.DataTable;
import eres.api.table.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Monte Carlo summaries of a sweep over data seeds: per setting (the labels of every dimension but the
 * replications one) and quantity, over the successful replications r = 1..R,
 *
 * <pre>
 *   bias     = mean(b_r - θ_r)
 *   sd       = standard deviation of b_r (divisor R - 1)
 *   RMSE     = sqrt(mean((b_r - θ_r)^2))
 *   coverage = share of r with θ_r in [low_r, high_r]    (or b_r ± z·se_r)
 *   rejects  = share of r with p_r &lt; 1 - level          (or |b_r / se_r| &gt; z): the size when θ = 0, else the power
 * </pre>
 *
 * with θ_r the truth (a number, or a collected column) and z the normal quantile of (1 + level) / 2.
 * The Monte Carlo standard error of a coverage share c is sqrt(c (1 - c) / R).
 */
public final class MonteCarloSummary {
    private MonteCarloSummary() {
    }

    /** One line of the summary. */
    public record Line(String setting, String quantity, int replications, int failed, double truth, double mean, double bias, double sd,
                       double rmse, double coverage, double rejection) {
    }

    public static List<Line> lines(SweepPlan plan, DataTable t) {
        SweepSpec.MonteCarloSpec mc = plan.spec().monteCarlo();
        double z = NormalDistribution.of(0, 1).inverseCumulativeProbability((1 + mc.level()) / 2);
        List<String> settingDims = new ArrayList<>();
        for (SweepSpec.Dimension d : plan.spec().dimensions()) if (!d.name().equals(mc.replications())) settingDims.add(d.name());
        Map<String, List<Integer>> bySetting = new LinkedHashMap<>();
        for (int i = 0; i < t.rows(); i++) {
            StringBuilder key = new StringBuilder();
            for (String d : settingDims) {
                if (key.length() > 0) key.append(", ");
                key.append(d).append('=').append(SweepTable.column(t, d).get(i));
            }
            bySetting.computeIfAbsent(key.length() == 0 ? "all" : key.toString(), k -> new ArrayList<>()).add(i);
        }
        List<Object> status = SweepTable.column(t, "status");
        List<Line> out = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> s : bySetting.entrySet()) {
            for (SweepSpec.MonteCarloSpec.Quantity q : mc.quantities().values()) {
                List<double[]> draws = new ArrayList<>();   // estimate, truth, covered (0/1/NaN), rejected (0/1/NaN)
                int failed = 0;
                for (int i : s.getValue()) {
                    Double b = num(t, q.estimate(), i);
                    Double truth = q.truth() != null ? q.truth() : num(t, q.truthColumn(), i);
                    if (!"ok".equals(status.get(i)) || b == null || truth == null) {
                        failed++;
                        continue;
                    }
                    Double se = q.se() == null ? null : num(t, q.se(), i);
                    double covered = Double.NaN;
                    if (q.low() != null) {
                        Double lo = num(t, q.low(), i);
                        Double hi = num(t, q.high(), i);
                        if (lo != null && hi != null) covered = truth >= lo && truth <= hi ? 1 : 0;
                    } else if (se != null) {
                        covered = Math.abs(b - truth) <= z * se ? 1 : 0;
                    }
                    double rejected = Double.NaN;
                    Double p = q.p() == null ? null : num(t, q.p(), i);
                    if (p != null) rejected = p < 1 - mc.level() ? 1 : 0;
                    else if (se != null) rejected = Math.abs(b / se) > z ? 1 : 0;
                    draws.add(new double[] {b, truth, covered, rejected});
                }
                out.add(line(s.getKey(), q.estimate(), draws, failed));
            }
        }
        return out;
    }

    private static Line line(String setting, String quantity, List<double[]> draws, int failed) {
        int n = draws.size();
        double mean = 0;
        double truth = 0;
        double bias = 0;
        double sq = 0;
        for (double[] d : draws) {
            mean += d[0];
            truth += d[1];
            bias += d[0] - d[1];
            sq += (d[0] - d[1]) * (d[0] - d[1]);
        }
        mean /= n;
        truth /= n;
        boolean constant = true;
        for (double[] d : draws) constant &= d[1] == draws.get(0)[1];
        if (constant && n > 0) truth = draws.get(0)[1];   // a number given as the truth, reported as written
        bias /= n;
        double var = 0;
        for (double[] d : draws) var += (d[0] - mean) * (d[0] - mean);
        return new Line(setting, quantity, n, failed, truth, mean, bias, n > 1 ? Math.sqrt(var / (n - 1)) : Double.NaN, Math.sqrt(sq / n),
                share(draws, 2), share(draws, 3));
    }

    private static double share(List<double[]> draws, int k) {
        int n = 0;
        double s = 0;
        for (double[] d : draws) {
            if (Double.isNaN(d[k])) continue;
            n++;
            s += d[k];
        }
        return n == 0 ? Double.NaN : s / n;
    }

    private static Double num(DataTable t, String column, int i) {
        Object v = SweepTable.column(t, column).get(i);
        return v instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }

    /** The summary as a typed table ({@code monte-carlo.csv}). */
    public static DataTable table(List<Line> lines) {
        List<List<Object>> cols = new ArrayList<>();
        for (int i = 0; i < 11; i++) cols.add(new ArrayList<>());
        for (Line l : lines) {
            Object[] v = {l.setting(), l.quantity(), (long) l.replications(), (long) l.failed(), fin(l.truth()), fin(l.mean()), fin(l.bias()),
                fin(l.sd()), fin(l.rmse()), fin(l.coverage()), fin(l.rejection())};
            for (int i = 0; i < v.length; i++) cols.get(i).add(v[i]);
        }
        String[] names = {"setting", "quantity", "replications", "failed", "truth", "mean", "bias", "sd", "rmse", "coverage", "rejection"};
        DataTable.Type[] types = {DataTable.Type.TEXT, DataTable.Type.TEXT, DataTable.Type.LONG, DataTable.Type.LONG, DataTable.Type.DOUBLE,
            DataTable.Type.DOUBLE, DataTable.Type.DOUBLE, DataTable.Type.DOUBLE, DataTable.Type.DOUBLE, DataTable.Type.DOUBLE, DataTable.Type.DOUBLE};
        List<DataTable.Column> c = new ArrayList<>();
        for (int i = 0; i < names.length; i++) c.add(new DataTable.Column(names[i], types[i], cols.get(i)));
        return new DataTable("monte-carlo", c);
    }

    private static Double fin(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The summary for the report. */
    public static Table reportTable(List<Line> lines, double level) {
        Table.Builder b = Table.builder("monte-carlo", "Monte Carlo: bias, RMSE, coverage and rejection rates").stub("setting / quantity")
                .columns("R", "truth", "mean", "bias", "sd", "RMSE", "coverage", "rejects");
        for (Line l : lines) {
            b.row(l.setting() + " / " + l.quantity(), Long.toString(l.replications()), f(l.truth()), f(l.mean()), f(l.bias()), f(l.sd()), f(l.rmse()),
                    Formats.fixed(l.coverage(), 3), Formats.fixed(l.rejection(), 3));
        }
        b.note("Coverage: share of replications whose " + Math.round(level * 100) + "% interval contains the truth; rejects: share with p < "
                + Formats.fixed(1 - level, 2) + " (the size when the truth is 0, else the power). Monte Carlo standard error of a share c: sqrt(c(1-c)/R).");
        return b.build();
    }

    private static String f(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4g", v) : "";
    }

    /** Coverage by setting and quantity against the nominal level (dots with ±2 Monte Carlo SE), as SVG. */
    public static String svg(List<Line> lines, double level) {
        double left = 330;
        double width = 760;
        double rowH = 18;
        double top = 40;
        double height = top + lines.size() * rowH + 50;
        Svg svg = new Svg(width, height).title("Monte Carlo coverage");
        LinearScale x = new LinearScale(Math.min(0.5, level - 0.2), 1.0, left, width - 30);
        svg.text(10, 22, "Coverage of " + Math.round(level * 100) + "% intervals (dots, ±2 Monte Carlo SE); dashed: nominal", 13, "start", 0);
        double bottom = top + lines.size() * rowH;
        svg.line(x.map(level), top - 4, x.map(level), bottom, "#c0392b", 1, "4 3");
        for (double tick : x.ticks(5)) {
            svg.line(x.map(tick), bottom, x.map(tick), bottom + 4, "#333333", 1, null);
            svg.text(x.map(tick), bottom + 16, String.format(Locale.ROOT, "%.2f", tick), 10, "middle", 0);
        }
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            double yy = top + i * rowH + rowH / 2;
            svg.text(left - 8, yy + 4, l.setting() + " / " + l.quantity(), 10, "end", 0);
            if (!Double.isFinite(l.coverage())) continue;
            double se = Math.sqrt(l.coverage() * (1 - l.coverage()) / Math.max(1, l.replications()));
            svg.line(x.map(Math.max(0, l.coverage() - 2 * se)), yy, x.map(Math.min(1, l.coverage() + 2 * se)), yy, "#1f4e9a", 1.5, null);
            svg.circle(x.map(l.coverage()), yy, 3.5, "#1f4e9a");
        }
        return svg.toString();
    }
}
