package eres.api.svg;

import java.util.List;

/**
 * Places a label where it covers no data: given candidate boxes in order of preference, the first that
 * contains no point of the drawn curve (and no segment between consecutive points), overlaps no label
 * already placed and lies inside the plot area; when every candidate collides, the one covering the
 * fewest curve points.
 */
public final class LabelPlacer {
    private LabelPlacer() {
    }

    /** A box in SVG user units: top-left corner, width, height. */
    public record Box(double x, double y, double w, double h) {
        boolean intersects(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** Width of a text in a sans-serif font of {@code size} (average advance of 0.56 em; wide glyphs count double). */
    public static double width(String text, double size) {
        double em = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            em += Character.isIdeographic(cp) ? 1.0 : cp == ' ' ? 0.28 : 0.56;
            i += Character.charCount(cp);
        }
        return em * size;
    }

    /**
     * The chosen box.
     *
     * @param candidates boxes in order of preference
     * @param curve      the curve's points in drawing order (pixels)
     * @param placed     boxes already taken
     */
    public static Box place(List<Box> candidates, List<double[]> curve, List<Box> placed, double left, double top, double right, double bottom) {
        Box best = candidates.get(0);
        int bestHits = Integer.MAX_VALUE;
        for (Box b : candidates) {
            if (b.x < left || b.x + b.w > right || b.y < top || b.y + b.h > bottom) continue;
            boolean clash = false;
            for (Box p : placed) clash |= b.intersects(p);
            if (clash) continue;
            int hits = hits(b, curve);
            if (hits == 0) return b;
            if (hits < bestHits) {
                bestHits = hits;
                best = b;
            }
        }
        return best;
    }

    /** Curve points inside the box, and segments crossing it (sampled). */
    static int hits(Box b, List<double[]> curve) {
        int n = 0;
        for (int i = 0; i < curve.size(); i++) {
            double[] p = curve.get(i);
            if (b.contains(p[0], p[1])) n++;
            if (i > 0) {
                double[] q = curve.get(i - 1);
                for (int k = 1; k < 8; k++) {
                    double t = k / 8.0;
                    if (b.contains(q[0] + t * (p[0] - q[0]), q[1] + t * (p[1] - q[1]))) {
                        n++;
                        break;
                    }
                }
            }
        }
        return n;
    }
}
