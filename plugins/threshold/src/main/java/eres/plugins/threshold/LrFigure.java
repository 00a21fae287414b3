package eres.plugins.threshold;

import eres.api.svg.ProfilePlot;
import eres.api.svg.Svg;
import java.util.List;
import java.util.Locale;

/**
 * The LR plot (Hansen 1999, Figures 1-3; the study's Figure 1): {@code LR(gamma)} against the candidate
 * thresholds with a dashed line at {@code c(alpha)}, one panel per estimated threshold (Th-1, Th-21,
 * Th-22, Th-3), as one self-contained SVG. Each panel is an {@link ProfilePlot} (eres.api.svg): the curve
 * is broken over the candidates trimmed around earlier thresholds, per pixel column its minimum and
 * maximum are kept (no dip is lost), the estimate and its LR interval are marked and the critical-value
 * label is placed off the curve.
 */
final class LrFigure {
    private static final double PANEL_W = 380;
    private static final double PANEL_H = 270;

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
            panel(svg, estimates.get(i), critical, level, qName, ox, oy, estimates.get(0).gamma());
        }
        return svg.toString();
    }

    /**
     * One panel, drawn by the API's {@link ProfilePlot}: the curve broken where candidates were left out
     * (trimmed around an earlier threshold: the candidates of the first search are the full grid), the
     * critical-value label placed off the curve, the estimate and its LR interval marked.
     */
    private static void panel(Svg svg, Procedure.Estimate e, double critical, double level, String qName, double ox, double oy,
                              double[] fullGrid) {
        String head = e.name() + ":  γ̂ = " + RegimeRegression.fmt(e.value(), 4) + ",  CI [" + RegimeRegression.fmt(e.ciLow(), 4)
                + ", " + RegimeRegression.fmt(e.ciHigh(), 4) + "]";
        ProfilePlot.Spec spec = new ProfilePlot.Spec(e.gamma(), e.lr(), ProfilePlot.breaksAgainst(e.gamma(), fullGrid), critical,
                String.format(Locale.ROOT, "%.0f%% critical value %.2f", level * 100, critical), e.value(),
                e.ciInterval() ? e.ciLow() : Double.NaN, e.ciInterval() ? e.ciHigh() : Double.NaN, head,
                "threshold parameter (" + qName + ")", "LR statistic");
        ProfilePlot.draw(svg, spec, ox, oy, PANEL_W, PANEL_H);
    }
}
