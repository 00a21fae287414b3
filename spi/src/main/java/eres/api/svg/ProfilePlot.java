package eres.api.svg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One panel of a profile plot: a statistic against a parameter (Hansen's LR(γ) against the candidate
 * thresholds, a profile likelihood, a criterion against the bandwidth) with a horizontal reference line
 * (a critical value), the estimate and its confidence interval.
 *
 * <ul>
 *   <li>The curve is drawn as separate segments where the parameter grid has holes ({@code breakBefore}:
 *       candidates left out, e.g. trimmed around an earlier threshold), never as a straight line across.</li>
 *   <li>Per pixel column of a segment only the first, minimum, maximum and last points are kept, so no dip
 *       below the reference line is lost however many points there are.</li>
 *   <li>The reference line's label is placed where it overlaps neither the curve nor the estimate's label
 *       ({@link LabelPlacer}); the estimate is marked on the axis with a dashed vertical line, and the
 *       interval as a shaded band along the axis with its bounds.</li>
 * </ul>
 */
public final class ProfilePlot {
    private static final double ML = 58;
    private static final double MR = 14;
    private static final double MT = 40;
    private static final double MB = 46;

    private ProfilePlot() {
    }

    /**
     * What one panel shows.
     *
     * @param x              parameter values, ascending
     * @param y              the statistic at each value
     * @param breakBefore    {@code breakBefore[i]}: no line from point i-1 to i (null: no breaks)
     * @param reference      the reference line's height (NaN: none)
     * @param referenceLabel its label
     * @param estimate       the estimate (NaN: none), marked on the axis
     * @param ciLow          the interval's bounds (NaN: none)
     * @param title          the panel's heading
     * @param xTitle         the parameter axis title
     * @param yTitle         the statistic axis title
     */
    public record Spec(double[] x, double[] y, boolean[] breakBefore, double reference, String referenceLabel, double estimate,
                       double ciLow, double ciHigh, String title, String xTitle, String yTitle) {
    }

    /** Breaks where the grid has holes: before x[i] when some value of {@code fullGrid} lies strictly between x[i-1] and x[i]. */
    public static boolean[] breaksAgainst(double[] x, double[] fullGrid) {
        boolean[] b = new boolean[x.length];
        double[] g = fullGrid.clone();
        java.util.Arrays.sort(g);
        for (int i = 1; i < x.length; i++) {
            int lo = java.util.Arrays.binarySearch(g, x[i - 1]);
            int from = lo >= 0 ? lo + 1 : -lo - 1;
            b[i] = from < g.length && g[from] < x[i];
        }
        return b;
    }

    /** Draws the panel into {@code svg} in the box at ({@code ox}, {@code oy}) of size {@code w} x {@code h}. */
    public static void draw(Svg svg, Spec s, double ox, double oy, double w, double h) {
        double x0 = ox + ML;
        double x1 = ox + w - MR;
        double y0 = oy + h - MB;
        double y1 = oy + MT;
        double[] g = s.x();
        double[] v = s.y();
        double gMin = g.length == 0 ? 0 : g[0];
        double gMax = g.length == 0 ? 1 : g[g.length - 1];
        double yMax = Double.isNaN(s.reference()) ? 0 : s.reference();
        for (double t : v) if (Double.isFinite(t)) yMax = Math.max(yMax, t);
        if (!(yMax > 0)) yMax = 1;
        LinearScale sx = new LinearScale(gMin, gMax, x0, x1);
        LinearScale sy = new LinearScale(0, yMax * 1.12, y0, y1);
        List<LabelPlacer.Box> occupied = new ArrayList<>();

        // interval band first, under everything
        boolean ci = Double.isFinite(s.ciLow()) && Double.isFinite(s.ciHigh());
        if (ci) {
            double a = sx.map(Math.max(gMin, s.ciLow()));
            double b = sx.map(Math.min(gMax, s.ciHigh()));
            svg.rect(a, y1, Math.max(1, b - a), y0 - y1, "#e4ecf7", null);
        }
        svg.rect(x0, y1, x1 - x0, y0 - y1, "none", "#444444");
        for (double t : sx.ticks(5)) {
            double px = sx.map(t);
            svg.line(px, y0, px, y0 + 4, "#444444", 1, null);
            svg.text(px, y0 + 16, tick(t, sx), 10, "middle", 0);
        }
        for (double t : sy.ticks(5)) {
            double py = sy.map(t);
            svg.line(x0 - 4, py, x0, py, "#444444", 1, null);
            svg.text(x0 - 7, py + 3.5, tick(t, sy), 10, "end", 0);
        }

        // the curve, one polyline per unbroken segment
        List<double[]> curve = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= g.length; i++) {
            if (i == g.length || (s.breakBefore() != null && s.breakBefore()[i])) {
                List<double[]> seg = thinned(g, v, start, i, sx, sy);
                if (seg.size() == 1) {
                    svg.circle(seg.get(0)[0], seg.get(0)[1], 1.2, "#1f4e9a");
                } else if (!seg.isEmpty()) {
                    double[] xs = new double[seg.size()];
                    double[] ys = new double[seg.size()];
                    for (int k = 0; k < xs.length; k++) {
                        xs[k] = seg.get(k)[0];
                        ys[k] = seg.get(k)[1];
                    }
                    svg.polyline(xs, ys, "#1f4e9a", 1.3);
                }
                curve.addAll(seg);
                start = i;
            }
        }

        // estimate: dashed vertical line, dot on the axis, its label above the plot area's top left or right
        if (Double.isFinite(s.estimate())) {
            double px = sx.map(s.estimate());
            svg.line(px, y1, px, y0, "#1f4e9a", 0.8, "2 3");
            svg.circle(px, y0, 3.2, "#1f4e9a");
        }
        if (ci) {
            double a = sx.map(Math.max(gMin, s.ciLow()));
            double b = sx.map(Math.min(gMax, s.ciHigh()));
            svg.line(a, y0 - 5, a, y0, "#5a7fb8", 1, null);
            svg.line(b, y0 - 5, b, y0, "#5a7fb8", 1, null);
        }

        // reference line and its label, placed off the curve
        if (Double.isFinite(s.reference())) {
            double pc = sy.map(s.reference());
            svg.line(x0, pc, x1, pc, "#c0392b", 1.2, "6 4");
            if (s.referenceLabel() != null && !s.referenceLabel().isEmpty()) {
                double size = 10;
                double tw = LabelPlacer.width(s.referenceLabel(), size);
                List<LabelPlacer.Box> candidates = List.of(
                        new LabelPlacer.Box(x1 - 4 - tw, pc - 4 - size, tw, size + 2),
                        new LabelPlacer.Box(x0 + 4, pc - 4 - size, tw, size + 2),
                        new LabelPlacer.Box(x1 - 4 - tw, pc + 3, tw, size + 2),
                        new LabelPlacer.Box(x0 + 4, pc + 3, tw, size + 2),
                        new LabelPlacer.Box((x0 + x1 - tw) / 2, pc - 4 - size, tw, size + 2),
                        new LabelPlacer.Box((x0 + x1 - tw) / 2, pc + 3, tw, size + 2));
                LabelPlacer.Box at = LabelPlacer.place(candidates, curve, occupied, x0, y1, x1, y0);
                // a white backing keeps the label legible where no free place exists
                svg.rect(at.x() - 1, at.y(), at.w() + 2, at.h(), "white", null);
                svg.text(at.x(), at.y() + size, s.referenceLabel(), size, "start", 0);
                occupied.add(at);
            }
        }
        svg.text(ox + w / 2 + ML / 2 - MR / 2, oy + 24, s.title(), 12, "middle", 0);
        svg.text((x0 + x1) / 2, y0 + 34, s.xTitle(), 11, "middle", 0);
        svg.text(ox + 16, (y0 + y1) / 2, s.yTitle(), 11, "middle", -90);
    }

    /** Points of {@code [from, to)} in pixels, per pixel column the first, minimum, maximum and last. */
    static List<double[]> thinned(double[] g, double[] v, int from, int to, LinearScale sx, LinearScale sy) {
        List<double[]> pts = new ArrayList<>();
        int i = from;
        while (i < to) {
            int col = (int) Math.floor(sx.map(g[i]));
            int j = i;
            int argMin = i;
            int argMax = i;
            while (j < to && (int) Math.floor(sx.map(g[j])) == col) {
                if (v[j] < v[argMin]) argMin = j;
                if (v[j] > v[argMax]) argMax = j;
                j++;
            }
            int a = Math.min(argMin, argMax);
            int b = Math.max(argMin, argMax);
            if (i != a) pts.add(new double[] {sx.map(g[i]), sy.map(v[i])});
            pts.add(new double[] {sx.map(g[a]), sy.map(v[a])});
            if (b != a) pts.add(new double[] {sx.map(g[b]), sy.map(v[b])});
            if (j - 1 != b) pts.add(new double[] {sx.map(g[j - 1]), sy.map(v[j - 1])});
            i = j;
        }
        return pts;
    }

    /** A tick label with as many decimals as the tick step needs. */
    static String tick(double v, LinearScale s) {
        double step = LinearScale.niceStep((s.domainMax() - s.domainMin()) / 5);
        int dec = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(dec, 8) + "f", v);
    }
}
