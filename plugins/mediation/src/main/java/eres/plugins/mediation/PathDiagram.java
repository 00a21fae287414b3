package eres.plugins.mediation;

import eres.api.svg.Svg;
import eres.api.table.Formats;
import java.util.List;

/**
 * The mediation path diagram (the study's Figure 3): boxes for X, M and Y, arrows X -&gt; M (a),
 * M -&gt; Y (b) and X -&gt; Y (c', with the total effect c beside it), each labelled with the estimate,
 * its significance stars and its standard error; the indirect effect, its bootstrap interval and the
 * verdict underneath. Self-contained SVG (no fonts, images or scripts).
 */
final class PathDiagram {
    private static final double W = 720;
    private static final double H = 360;
    private static final double BOX_H = 52;
    private static final int MAX_LABEL = 28;

    private PathDiagram() {
    }

    /** One labelled arrow: estimate, p-value (for stars) and standard error. */
    record Arrow(String symbol, double estimate, double pValue, double stdError) {
        String text() {
            return symbol + " = " + Formats.number(estimate, 3) + Formats.stars(pValue);
        }

        String se() {
            return Double.isFinite(stdError) ? "(" + Formats.number(stdError, 3) + ")" : "";
        }
    }

    /**
     * The diagram.
     *
     * @param footer lines under the diagram (indirect effect, interval, verdict, notes)
     */
    static String svg(String title, String xLabel, String mLabel, String yLabel, Arrow a, Arrow b, Arrow direct, Arrow total,
                      List<String> footer) {
        Svg s = new Svg(W, H).title(title);
        double bx = 40;
        double by = 200;
        double mx = W / 2;
        double my = 60;
        double yx = W - 40;
        Box xb = box(s, bx, by, xLabel, "start");
        Box mb = box(s, mx, my, mLabel, "middle");
        Box yb = box(s, yx, by, yLabel, "end");

        // X -> M
        double[] p1 = {xb.cx + xb.w / 4, by};
        double[] p2 = {mb.x0 + 12, my + BOX_H};
        arrow(s, p1, p2);
        // labels above the arrows' midpoints, on the outer side (the arrows slope away from them)
        double lx = (p1[0] + p2[0]) / 2 - 16;
        double ly = (p1[1] + p2[1]) / 2;
        s.text(lx, ly - 22, a.text(), 14, "end", 0);
        s.text(lx, ly - 6, a.se(), 12, "end", 0);
        // M -> Y
        double[] q1 = {mb.x0 + mb.w - 12, my + BOX_H};
        double[] q2 = {yb.cx - yb.w / 4, by};
        arrow(s, q1, q2);
        double rx = (q1[0] + q2[0]) / 2 + 16;
        double ry = (q1[1] + q2[1]) / 2;
        s.text(rx, ry - 22, b.text(), 14, "start", 0);
        s.text(rx, ry - 6, b.se(), 12, "start", 0);
        // X -> Y
        double[] d1 = {xb.x0 + xb.w, by + BOX_H / 2};
        double[] d2 = {yb.x0, by + BOX_H / 2};
        arrow(s, d1, d2);
        double cx = (d1[0] + d2[0]) / 2;
        s.text(cx, by + BOX_H / 2 - 8, direct.text() + " " + direct.se(), 14, "middle", 0);
        s.text(cx, by + BOX_H / 2 + 20, "total " + total.text() + " " + total.se(), 12, "middle", 0);

        double fy = by + BOX_H + 44;
        for (String line : footer) {
            s.text(W / 2, fy, line, 12, "middle", 0);
            fy += 17;
        }
        return s.toString();
    }

    private record Box(double x0, double w, double cx) {
    }

    private static Box box(Svg s, double anchorX, double y, String label, String align) {
        String text = label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL - 1) + "\u2026" : label;
        double w = Math.max(110, 7.6 * text.length() + 24);
        double x0 = switch (align) {
            case "start" -> anchorX;
            case "end" -> anchorX - w;
            default -> anchorX - w / 2;
        };
        s.rect(x0, y, w, BOX_H, "#f4f6fa", "#333333");
        s.text(x0 + w / 2, y + BOX_H / 2 + 5, text, 14, "middle", 0);
        return new Box(x0, w, x0 + w / 2);
    }

    private static void arrow(Svg s, double[] from, double[] to) {
        double dx = to[0] - from[0];
        double dy = to[1] - from[1];
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double head = 11;
        double bx = to[0] - ux * head;
        double by = to[1] - uy * head;
        s.line(from[0], from[1], bx, by, "#333333", 1.6, null);
        double wx = -uy * head * 0.45;
        double wy = ux * head * 0.45;
        s.path("M" + Svg.n(to[0]) + " " + Svg.n(to[1]) + " L" + Svg.n(bx + wx) + " " + Svg.n(by + wy) + " L" + Svg.n(bx - wx)
                + " " + Svg.n(by - wy) + " Z", "#333333", null, 0);
    }
}
