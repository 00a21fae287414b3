package eres.core.sweep;

import eres.api.svg.LinearScale;
import eres.api.svg.Svg;
import eres.api.table.DataTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The specification curve (Simonsohn, Simmons &amp; Nelson 2020, Nature Human Behaviour 4, 1208-1214):
 * the successful specifications sorted by their estimate, each with its confidence interval (from the
 * collected bounds, or estimate ± z·SE), above an indicator panel with one line per alternative of each
 * dimension marking the specifications that use it. Estimates whose interval excludes zero (or whose
 * p-value is below 1 - level when no interval is collected) are drawn dark, the others grey.
 */
public final class SpecificationCurve {
    private static final String SIGNIFICANT = "#1f4e9a";
    private static final String OTHER = "#9a9a9a";

    private SpecificationCurve() {
    }

    /** One plotted specification. */
    record Point(long spec, double estimate, double low, double high, boolean significant, List<String> labels) {
    }

    /** The points of the table's successful rows with a finite estimate, sorted by estimate then number. */
    static List<Point> points(SweepPlan plan, DataTable t, SweepSpec.Curve c, double z) {
        List<Object> spec = SweepTable.column(t, "spec");
        List<Object> status = SweepTable.column(t, "status");
        List<Object> est = SweepTable.column(t, c.estimate());
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < t.rows(); i++) {
            if (!"ok".equals(status.get(i)) || !(est.get(i) instanceof Number e) || !Double.isFinite(e.doubleValue())) continue;
            double b = e.doubleValue();
            double lo = Double.NaN;
            double hi = Double.NaN;
            if (c.low() != null && SweepTable.column(t, c.low()).get(i) instanceof Number l && SweepTable.column(t, c.high()).get(i) instanceof Number h) {
                lo = l.doubleValue();
                hi = h.doubleValue();
            } else if (c.se() != null && SweepTable.column(t, c.se()).get(i) instanceof Number s) {
                lo = b - z * s.doubleValue();
                hi = b + z * s.doubleValue();
            }
            boolean sig;
            if (Double.isFinite(lo) && Double.isFinite(hi)) sig = lo > 0 || hi < 0;
            else sig = c.p() != null && SweepTable.column(t, c.p()).get(i) instanceof Number p && p.doubleValue() < 0.05;
            long n = (Long) spec.get(i);
            out.add(new Point(n, b, lo, hi, sig, new ArrayList<>(plan.labels(n).values())));
        }
        out.sort(Comparator.comparingDouble(Point::estimate).thenComparingLong(Point::spec));
        return out;
    }

    /** The figure as SVG; {@code null} when no specification has an estimate. */
    public static String svg(SweepPlan plan, DataTable t, SweepSpec.Curve c, String title) {
        double z = 1.959963984540054;
        List<Point> pts = points(plan, t, c, z);
        if (pts.isEmpty()) return null;
        List<SweepSpec.Dimension> dims = plan.spec().dimensions();
        int indicatorRows = 0;
        for (SweepSpec.Dimension d : dims) indicatorRows += d.size() + 1;
        double left = 170;
        double right = 20;
        double width = 960;
        double top = 40;
        double curveH = 300;
        double gap = 30;
        double rowH = 11;
        double height = top + curveH + gap + indicatorRows * rowH + 30;
        Svg svg = new Svg(width, height).title(title);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : pts) {
            lo = Math.min(lo, Double.isFinite(p.low()) ? p.low() : p.estimate());
            hi = Math.max(hi, Double.isFinite(p.high()) ? p.high() : p.estimate());
        }
        lo = Math.min(lo, 0);
        hi = Math.max(hi, 0);
        double[] dom = LinearScale.padded(lo, hi, 0.05);
        LinearScale y = new LinearScale(dom[0], dom[1], top + curveH, top);
        double plotW = width - left - right;
        double step = plotW / pts.size();
        svg.text(left, 22, title, 14, "start", 0);
        svg.rect(left, top, plotW, curveH, "none", "#cccccc");
        for (double tick : y.ticks(6)) {
            double py = y.map(tick);
            svg.line(left - 4, py, left, py, "#333333", 1, null);
            svg.text(left - 6, py + 4, String.format(Locale.ROOT, "%.3g", tick), 10, "end", 0);
        }
        svg.line(left, y.map(0), left + plotW, y.map(0), "#333333", 0.8, "4 3");
        double median = pts.get(pts.size() / 2).estimate();
        svg.line(left, y.map(median), left + plotW, y.map(median), "#c0392b", 0.8, "2 2");
        svg.text(left + plotW - 4, y.map(median) - 4, "median " + String.format(Locale.ROOT, "%.4g", median), 10, "end", 0);
        svg.text(16, top + curveH / 2, "estimate (" + c.estimate() + ")", 11, "middle", -90);
        double r = Math.max(0.8, Math.min(3, step * 0.4));
        for (int i = 0; i < pts.size(); i++) {
            Point p = pts.get(i);
            double x = left + (i + 0.5) * step;
            String col = p.significant() ? SIGNIFICANT : OTHER;
            if (Double.isFinite(p.low()) && Double.isFinite(p.high())) {
                svg.line(x, y.map(p.low()), x, y.map(p.high()), col, Math.max(0.4, Math.min(2, step * 0.5)), null);
            }
            svg.circle(x, y.map(p.estimate()), r, col);
        }
        double yy = top + curveH + gap;
        int significant = 0;
        for (Point p : pts) if (p.significant()) significant++;
        svg.text(left, top + curveH + 16, pts.size() + " specifications sorted by estimate; " + significant
                + " with a 95% interval excluding 0 (dark); dashed red: median", 10, "start", 0);
        for (int d = 0; d < dims.size(); d++) {
            SweepSpec.Dimension dim = dims.get(d);
            svg.text(6, yy + rowH - 2, dim.name(), 10, "start", 0);
            yy += rowH;
            for (String label : dim.labels()) {
                svg.text(left - 6, yy + rowH - 3, label, 9, "end", 0);
                svg.line(left, yy + rowH / 2, left + plotW, yy + rowH / 2, "#eeeeee", 0.6, null);
                for (int i = 0; i < pts.size(); i++) {
                    if (pts.get(i).labels().get(d).equals(label)) {
                        svg.rect(left + i * step + step * 0.1, yy + 2, Math.max(0.6, step * 0.8), rowH - 4,
                                pts.get(i).significant() ? SIGNIFICANT : OTHER, null);
                    }
                }
                yy += rowH;
            }
        }
        return svg.toString();
    }
}
