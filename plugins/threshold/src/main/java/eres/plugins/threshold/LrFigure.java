package eres.plugins.threshold;

import eres.api.svg.LinearScale;
import eres.api.svg.Svg;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The LR plot (Hansen 1999, Figures 1-3; the study's Figure 1): {@code LR(gamma)} against the candidate
 * thresholds with a dashed line at {@code c(alpha)}, one panel per estimated threshold (Th-1, Th-21,
 * Th-22, Th-3), as one self-contained SVG. The curve is drawn exactly where panels are narrower than
 * the number of candidates: per pixel column its minimum and maximum are kept, so no dip is lost.
 */
final class LrFigure {
    private static final double PANEL_W = 380;
    private static final double PANEL_H = 270;
    private static final double ML = 58;
    private static final double MR = 14;
    private static final double MT = 40;
    private static final double MB = 46;

    private LrFigure() {
    }

    static String svg(String title, List<Procedure.Estimate> estimates, double critical, double level, String qName) {
        int panels = estimates.size();
        int cols = panels == 1 ? 1 : 2;
        int rows = (panels + cols - 1) / cols;
        Svg svg = new Svg(cols * PANEL_W, rows * PANEL_H + 30);
        svg.title(title);
        svg.text(cols * PANEL_W / 2, 20, title, 14, "middle", 0);
        for (int i = 0; i < panels; i++) {
            double ox = (i % cols) * PANEL_W;
            double oy = 30 + (i / cols) * PANEL_H;
            panel(svg, estimates.get(i), critical, level, qName, ox, oy);
        }
        return svg.toString();
    }

    private static void panel(Svg svg, Procedure.Estimate e, double critical, double level, String qName, double ox, double oy) {
        double x0 = ox + ML;
        double x1 = ox + PANEL_W - MR;
        double y0 = oy + PANEL_H - MB;
        double y1 = oy + MT;
        double[] g = e.gamma();
        double[] lr = e.lr();
        double gMin = g.length == 0 ? 0 : g[0];
        double gMax = g.length == 0 ? 1 : g[g.length - 1];
        double lrMax = critical;
        for (double v : lr) lrMax = Math.max(lrMax, v);
        LinearScale sx = new LinearScale(gMin, gMax, x0, x1);
        LinearScale sy = new LinearScale(0, lrMax * 1.05, y0, y1);
        svg.rect(x0, y1, x1 - x0, y0 - y1, "white", "#444444");
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
        // curve, thinned per pixel column (min and max kept)
        List<double[]> pts = new ArrayList<>();
        int i = 0;
        while (i < g.length) {
            int col = (int) Math.floor(sx.map(g[i]));
            int j = i;
            int argMin = i;
            int argMax = i;
            while (j < g.length && (int) Math.floor(sx.map(g[j])) == col) {
                if (lr[j] < lr[argMin]) argMin = j;
                if (lr[j] > lr[argMax]) argMax = j;
                j++;
            }
            int a = Math.min(argMin, argMax);
            int b = Math.max(argMin, argMax);
            if (i != a) pts.add(new double[] {sx.map(g[i]), sy.map(lr[i])});
            pts.add(new double[] {sx.map(g[a]), sy.map(lr[a])});
            if (b != a) pts.add(new double[] {sx.map(g[b]), sy.map(lr[b])});
            if (j - 1 != b) pts.add(new double[] {sx.map(g[j - 1]), sy.map(lr[j - 1])});
            i = j;
        }
        double[] xs = new double[pts.size()];
        double[] ys = new double[pts.size()];
        for (int k = 0; k < xs.length; k++) {
            xs[k] = pts.get(k)[0];
            ys[k] = pts.get(k)[1];
        }
        svg.polyline(xs, ys, "#1f4e9a", 1.3);
        double pc = sy.map(critical);
        svg.line(x0, pc, x1, pc, "#c0392b", 1.2, "6 4");
        svg.text(x1 - 4, pc - 4, String.format(Locale.ROOT, "%.0f%% critical value %.2f", level * 100, critical), 10, "end", 0);
        svg.circle(sx.map(e.value()), sy.map(0), 3, "#1f4e9a");
        String head = e.name() + ":  γ̂ = " + RegimeRegression.fmt(e.value(), 4) + ",  CI [" + RegimeRegression.fmt(e.ciLow(), 4)
                + ", " + RegimeRegression.fmt(e.ciHigh(), 4) + "]";
        svg.text(ox + PANEL_W / 2 + ML / 2 - MR / 2, oy + 24, head, 12, "middle", 0);
        svg.text((x0 + x1) / 2, y0 + 34, "threshold parameter (" + qName + ")", 11, "middle", 0);
        svg.text(ox + 16, (y0 + y1) / 2, "LR statistic", 11, "middle", -90);
    }

    private static String tick(double v, LinearScale s) {
        double step = LinearScale.niceStep((s.domainMax() - s.domainMin()) / 5);
        int dec = Math.max(0, (int) Math.ceil(-Math.log10(step) + 1e-9));
        return String.format(Locale.ROOT, "%." + Math.min(dec, 8) + "f", v);
    }
}
