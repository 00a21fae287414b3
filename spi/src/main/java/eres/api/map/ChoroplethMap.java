package eres.api.map;

import eres.api.svg.Svg;
import eres.api.table.Formats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A choropleth map as a self-contained SVG document: area polygons from GeoJSON filled by class,
 * optional context areas in grey (not classified), a title and a legend with the class bounds and
 * the number of drawn areas in each class. Drawn in an Albers equal-area projection; no tiles, fonts or scripts are referenced, so the
 * file renders offline.
 */
public final class ChoroplethMap {
    /** Fill of areas without a value. */
    public static final String NO_DATA = "#d9d9d9";
    /** Fill of context areas (outside the sample). */
    public static final String CONTEXT = "#ececec";

    private ChoroplethMap() {
    }

    public static Builder builder(String title) {
        return new Builder(title);
    }

    /**
     * {@code k} sequential colours from light to dark, interpolated in RGB through four anchors
     * (pale yellow, orange, red, dark red).
     */
    public static List<String> sequentialPalette(int k) {
        int[][] anchors = {{255, 245, 200}, {253, 170, 90}, {222, 60, 40}, {120, 10, 20}};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            double t = k == 1 ? 0.5 : (double) i / (k - 1) * (anchors.length - 1);
            int a = Math.min((int) Math.floor(t), anchors.length - 2);
            double f = t - a;
            int[] rgb = new int[3];
            for (int c = 0; c < 3; c++) rgb[c] = (int) Math.round(anchors[a][c] + f * (anchors[a + 1][c] - anchors[a][c]));
            out.add(String.format(Locale.ROOT, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]));
        }
        return out;
    }

    /** Builds one map. */
    public static final class Builder {
        private final String title;
        private String subtitle = "";
        private List<GeoJson.Feature> areas = List.of();
        private String idProperty = "id";
        private List<GeoJson.Feature> context = List.of();
        private Map<String, Double> values = Map.of();
        private Map<String, String> names = Map.of();
        private NaturalBreaks.Classification classification;
        private List<String> colours;
        private String legendTitle = "";
        private int decimals = 3;
        private double width = 640;
        private AlbersProjection projection;
        private double[] inset;
        private String insetLabel = "";

        private Builder(String title) {
            this.title = Objects.requireNonNull(title);
        }

        public Builder subtitle(String s) {
            this.subtitle = s == null ? "" : s;
            return this;
        }

        /** The classified areas; {@code idProperty} names the feature property matched to the value keys. */
        public Builder areas(List<GeoJson.Feature> features, String idProperty) {
            this.areas = List.copyOf(features);
            this.idProperty = idProperty;
            return this;
        }

        /** Areas drawn in grey for context (e.g. neighbouring territories not in the sample). */
        public Builder context(List<GeoJson.Feature> features) {
            this.context = List.copyOf(features);
            return this;
        }

        /** Value per area id; areas without a value are drawn as "no data". */
        public Builder values(Map<String, Double> byId) {
            this.values = new LinkedHashMap<>(byId);
            return this;
        }

        /** Display names per area id (shown as SVG tooltips). */
        public Builder names(Map<String, String> byId) {
            this.names = new LinkedHashMap<>(byId);
            return this;
        }

        public Builder classification(NaturalBreaks.Classification c) {
            this.classification = c;
            return this;
        }

        /** One fill colour per class (default {@link #sequentialPalette}). */
        public Builder colours(List<String> c) {
            this.colours = List.copyOf(c);
            return this;
        }

        public Builder legendTitle(String t) {
            this.legendTitle = t == null ? "" : t;
            return this;
        }

        /** Decimals of the class bounds in the legend. */
        public Builder decimals(int d) {
            this.decimals = d;
            return this;
        }

        public Builder width(double w) {
            this.width = w;
            return this;
        }

        /** The projection (default: Albers fitted to the areas' bounding box). */
        public Builder projection(AlbersProjection p) {
            this.projection = p;
            return this;
        }

        /**
         * An inset: the window {@code [minLon, maxLon] x [minLat, maxLat]} drawn at the lower right in a
         * framed box of a quarter of the map's width (its upper half over the map's lower right corner, the
         * canvas extended by the lower half), with every area and context outline the window
         * contains (clipped to the box), e.g. the South China Sea islands on maps of China. Areas keep
         * their classes' colours. Outlines the data do not contain are not drawn.
         */
        public Builder inset(double minLon, double minLat, double maxLon, double maxLat, String label) {
            if (!(minLon < maxLon && minLat < maxLat)) throw new IllegalArgumentException("empty inset window");
            this.inset = new double[] {minLon, minLat, maxLon, maxLat};
            this.insetLabel = label == null ? "" : label;
            return this;
        }

        /** The SVG document. */
        public String svg() {
            if (classification == null) throw new IllegalStateException("classification is required");
            if (areas.isEmpty()) throw new IllegalStateException("no areas to draw");
            int k = classification.classes();
            List<String> fills = colours != null ? colours : sequentialPalette(k);
            if (fills.size() < k) throw new IllegalArgumentException(k + " classes but " + fills.size() + " colours");
            double[] geo = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (GeoJson.Feature f : areas) grow(geo, f.bounds());
            AlbersProjection proj = projection != null ? projection : AlbersProjection.fitted(geo[0], geo[1], geo[2], geo[3]);
            // projected extent of areas and context
            double[] ext = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (GeoJson.Feature f : areas) projectedExtent(ext, f, proj);
            for (GeoJson.Feature f : context) projectedExtent(ext, f, proj);

            double margin = 16;
            double top = subtitle.isEmpty() ? 40 : 58;
            double mapW = width - 2 * margin;
            double scale = mapW / (ext[2] - ext[0]);
            double mapH = (ext[3] - ext[1]) * scale;
            double legendRows = k + (hasMissing() ? 1 : 0) + (legendTitle.isEmpty() ? 0 : 1);
            // an inset's upper half overlaps the map's lower right corner (the sea on maps of China), its lower half
            // extends the canvas
            double height = top + mapH + (inset == null ? 0 : insetExtent(proj, mapW)[1] / 2) + margin;
            Svg svg = new Svg(width, height).title(title + (subtitle.isEmpty() ? "" : " - " + subtitle));
            svg.text(width / 2, 24, title, 15, "middle", 0);
            if (!subtitle.isEmpty()) svg.text(width / 2, 44, subtitle, 12, "middle", 0);
            Transform tr = new Transform(proj, ext[0], ext[3], scale, margin, top);

            StringBuilder g = new StringBuilder("<g stroke-linejoin=\"round\">\n");
            for (GeoJson.Feature f : context) {
                String d = pathData(f, tr);
                if (d.isEmpty()) continue;
                g.append("<path d=\"").append(d).append("\" fill=\"").append(CONTEXT).append("\" stroke=\"#9e9e9e\" stroke-width=\"0.5\">");
                String name = f.property("name_en");
                if (name != null) g.append("<title>").append(Svg.escape(name + " (not in sample)")).append("</title>");
                g.append("</path>\n");
            }
            for (GeoJson.Feature f : areas) {
                String d = pathData(f, tr);
                if (d.isEmpty()) continue;
                String id = f.property(idProperty);
                Double v = id == null ? null : values.get(id);
                String fill = v == null || v.isNaN() ? NO_DATA : fills.get(classification.classOf(v));
                g.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append("\" stroke=\"#ffffff\" stroke-width=\"0.6\">");
                String name = id == null ? "" : names.getOrDefault(id, id);
                g.append("<title>").append(Svg.escape(name + ": " + (v == null || v.isNaN() ? "no data" : Formats.number(v, decimals + 1))))
                        .append("</title></path>\n");
            }
            g.append("</g>\n");
            svg.raw(g.toString());
            if (inset != null) svg.raw(inset(proj, margin, top, mapW, mapH, fills));

            // legend, bottom left
            double row = 16;
            double lx = margin + 6;
            double ly = top + mapH - legendRows * row - 4;
            double y = ly;
            if (!legendTitle.isEmpty()) {
                svg.text(lx, y + 11, legendTitle, 11, "start", 0);
                y += row;
            }
            // counts of the areas drawn (with common breaks across maps these differ from the classification's)
            int[] counts = new int[k];
            for (GeoJson.Feature f : areas) {
                String id = f.property(idProperty);
                Double v = id == null ? null : values.get(id);
                if (v != null && !v.isNaN()) counts[classification.classOf(v)]++;
            }
            for (int c = 0; c < k; c++) {
                svg.rect(lx, y, 18, 11, fills.get(c), "#777777");
                String label = (c == 0 ? "[" : "(") + Formats.fixed(classification.lowerBound(c), decimals) + ", "
                        + Formats.fixed(classification.upperBounds()[c], decimals) + "]  n = " + counts[c];
                svg.text(lx + 24, y + 10, label, 10.5, "start", 0);
                y += row;
            }
            if (hasMissing()) {
                svg.rect(lx, y, 18, 11, NO_DATA, "#777777");
                svg.text(lx + 24, y + 10, "no data", 10.5, "start", 0);
            }
            return svg.toString();
        }

        /** The inset window's projected extent (corners and edge midpoints: the conic bends parallels). */
        private double[] insetWindow(AlbersProjection proj) {
            double[] ext = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
            for (double lon : new double[] {inset[0], (inset[0] + inset[2]) / 2, inset[2]}) {
                for (double lat : new double[] {inset[1], inset[3]}) {
                    double[] q = proj.project(lon, lat);
                    ext[0] = Math.min(ext[0], q[0]);
                    ext[1] = Math.min(ext[1], q[1]);
                    ext[2] = Math.max(ext[2], q[0]);
                    ext[3] = Math.max(ext[3], q[1]);
                }
            }
            return ext;
        }

        /** Width and height of the inset box: a quarter of the map's width, the window's aspect. */
        private double[] insetExtent(AlbersProjection proj, double mapW) {
            double[] ext = insetWindow(proj);
            double boxW = mapW / 4;
            return new double[] {boxW, (ext[3] - ext[1]) * boxW / (ext[2] - ext[0])};
        }

        /** The inset box: frame, clipped outlines of the window, label. */
        private String inset(AlbersProjection proj, double margin, double top, double mapW, double mapH, List<String> fills) {
            double[] ext = insetWindow(proj);
            double boxW = insetExtent(proj, mapW)[0];
            double boxH = insetExtent(proj, mapW)[1];
            double scale = boxW / (ext[2] - ext[0]);
            double left = margin + mapW - boxW;
            double boxTop = top + mapH - boxH / 2;
            Transform tr = new Transform(proj, ext[0], ext[3], scale, left, boxTop);
            StringBuilder g = new StringBuilder();
            // ids are unique within an HTML page that inlines several maps
            String clip = "inset-" + Integer.toHexString((title + "|" + subtitle).hashCode());
            g.append("<defs><clipPath id=\"").append(clip).append("\"><rect x=\"").append(Svg.n(left)).append("\" y=\"").append(Svg.n(boxTop))
                    .append("\" width=\"").append(Svg.n(boxW)).append("\" height=\"").append(Svg.n(boxH)).append("\"/></clipPath></defs>\n");
            g.append("<rect x=\"").append(Svg.n(left)).append("\" y=\"").append(Svg.n(boxTop)).append("\" width=\"").append(Svg.n(boxW))
                    .append("\" height=\"").append(Svg.n(boxH)).append("\" fill=\"#ffffff\" stroke=\"#555555\" stroke-width=\"0.8\"/>\n");
            g.append("<g clip-path=\"url(#").append(clip).append(")\" stroke-linejoin=\"round\">\n");
            for (GeoJson.Feature f : context) {
                if (!overlaps(f.bounds())) continue;
                String d = pathData(f, tr);
                if (!d.isEmpty()) g.append("<path d=\"").append(d).append("\" fill=\"").append(CONTEXT).append("\" stroke=\"#9e9e9e\" stroke-width=\"0.4\"/>\n");
            }
            for (GeoJson.Feature f : areas) {
                if (!overlaps(f.bounds())) continue;
                String d = pathData(f, tr);
                if (d.isEmpty()) continue;
                String id = f.property(idProperty);
                Double v = id == null ? null : values.get(id);
                String fill = v == null || v.isNaN() ? NO_DATA : fills.get(classification.classOf(v));
                g.append("<path d=\"").append(d).append("\" fill=\"").append(fill).append("\" stroke=\"#ffffff\" stroke-width=\"0.4\"/>\n");
            }
            g.append("</g>\n");
            if (!insetLabel.isEmpty()) {
                g.append("<text x=\"").append(Svg.n(left + boxW - 4)).append("\" y=\"").append(Svg.n(boxTop + boxH - 5))
                        .append("\" font-size=\"9\" text-anchor=\"end\">").append(Svg.escape(insetLabel)).append("</text>\n");
            }
            return g.toString();
        }

        private boolean overlaps(double[] b) {
            return b[0] <= inset[2] && b[2] >= inset[0] && b[1] <= inset[3] && b[3] >= inset[1];
        }

        private boolean hasMissing() {
            for (GeoJson.Feature f : areas) {
                String id = f.property(idProperty);
                Double v = id == null ? null : values.get(id);
                if (v == null || v.isNaN()) return true;
            }
            return false;
        }

        private static void grow(double[] b, double[] o) {
            b[0] = Math.min(b[0], o[0]);
            b[1] = Math.min(b[1], o[1]);
            b[2] = Math.max(b[2], o[2]);
            b[3] = Math.max(b[3], o[3]);
        }

        private static void projectedExtent(double[] ext, GeoJson.Feature f, AlbersProjection p) {
            for (List<double[]> poly : f.polygons()) {
                for (double[] ring : poly) {
                    for (int i = 0; i + 1 < ring.length; i += 2) {
                        double[] q = p.project(ring[i], ring[i + 1]);
                        ext[0] = Math.min(ext[0], q[0]);
                        ext[1] = Math.min(ext[1], q[1]);
                        ext[2] = Math.max(ext[2], q[0]);
                        ext[3] = Math.max(ext[3], q[1]);
                    }
                }
            }
        }

        /** Path data with points closer than 0.4 px to the previous kept point dropped. */
        private static String pathData(GeoJson.Feature f, Transform t) {
            StringBuilder d = new StringBuilder();
            for (List<double[]> poly : f.polygons()) {
                for (double[] ring : poly) {
                    int pts = ring.length / 2;
                    if (pts < 3) continue;
                    double lastX = Double.NaN;
                    double lastY = Double.NaN;
                    int kept = 0;
                    StringBuilder r = new StringBuilder();
                    for (int i = 0; i < pts; i++) {
                        double[] q = t.apply(ring[2 * i], ring[2 * i + 1]);
                        boolean last = i == pts - 1;
                        if (kept > 0 && !last && Math.hypot(q[0] - lastX, q[1] - lastY) < 0.4) continue;
                        r.append(kept == 0 ? 'M' : 'L').append(Svg.n(q[0])).append(',').append(Svg.n(q[1]));
                        lastX = q[0];
                        lastY = q[1];
                        kept++;
                    }
                    if (kept >= 3) d.append(r).append('Z');
                }
            }
            return d.toString();
        }
    }

    private record Transform(AlbersProjection p, double x0, double y1, double scale, double left, double top) {
        double[] apply(double lon, double lat) {
            double[] q = p.project(lon, lat);
            return new double[] {left + (q[0] - x0) * scale, top + (y1 - q[1]) * scale};
        }
    }
}
