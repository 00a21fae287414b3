package eres.api.svg;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stamps a line of text (the SYNTHETIC-data notice) under a figure, so that the figure file carries it
 * wherever it is copied: the original SVG becomes a nested {@code <svg>} in a document 22 units taller,
 * with the notice in a tinted band at the bottom. Works on any SVG document whose root element has a
 * {@code viewBox} or {@code width}/{@code height} in user units.
 */
public final class Notice {
    private static final double BAND = 22;
    private static final Pattern XML_DECL = Pattern.compile("^\\s*<\\?xml[^>]*\\?>\\s*");
    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern VIEWBOX = Pattern.compile("viewBox=\"\\s*([-\\d.eE]+)[\\s,]+([-\\d.eE]+)[\\s,]+([\\d.eE]+)[\\s,]+([\\d.eE]+)\\s*\"");
    private static final Pattern WIDTH = Pattern.compile("\\swidth=\"([\\d.]+)(px)?\"");
    private static final Pattern HEIGHT = Pattern.compile("\\sheight=\"([\\d.]+)(px)?\"");

    private Notice() {
    }

    /**
     * The figure with {@code text} in a band under it; the SVG unchanged when its size cannot be read or
     * {@code text} is null.
     */
    public static String stamp(String svg, String text) {
        if (text == null || svg == null) return svg;
        String body = XML_DECL.matcher(svg).replaceFirst("");
        Matcher root = ROOT.matcher(body);
        if (!root.find()) return svg;
        String tag = root.group();
        double w;
        double h;
        Matcher vb = VIEWBOX.matcher(tag);
        Matcher mw = WIDTH.matcher(tag);
        Matcher mh = HEIGHT.matcher(tag);
        if (mw.find() && mh.find()) {
            w = Double.parseDouble(mw.group(1));
            h = Double.parseDouble(mh.group(1));
        } else if (vb.find()) {
            w = Double.parseDouble(vb.group(3));
            h = Double.parseDouble(vb.group(4));
        } else {
            return svg;
        }
        // the nested document is placed at the origin with its own size
        String inner = tag.replaceFirst("\\swidth=\"[^\"]*\"", "").replaceFirst("\\sheight=\"[^\"]*\"", "");
        inner = inner.replaceFirst("<svg\\b", "<svg x=\"0\" y=\"0\" width=\"" + Svg.n(w) + "\" height=\"" + Svg.n(h) + "\"");
        String nested = inner + body.substring(root.end());
        double total = h + BAND;
        double size = Math.min(12, Math.max(8, w / 60));
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + Svg.n(w) + " " + Svg.n(total) + "\" width=\"" + Svg.n(w)
                + "\" height=\"" + Svg.n(total) + "\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n"
                + "<rect x=\"0\" y=\"0\" width=\"" + Svg.n(w) + "\" height=\"" + Svg.n(total) + "\" fill=\"white\"/>\n"
                + nested.strip() + "\n"
                + "<rect x=\"0\" y=\"" + Svg.n(h) + "\" width=\"" + Svg.n(w) + "\" height=\"" + Svg.n(BAND) + "\" fill=\"#fff4d6\"/>\n"
                + "<text class=\"eres-notice\" x=\"6\" y=\"" + Svg.n(h + BAND / 2 + size / 2.8) + "\" font-size=\"" + Svg.n(size)
                + "\" font-weight=\"bold\" fill=\"#8a5a00\">" + Svg.escape(text) + "</text>\n</svg>\n";
    }

    /** Whether an SVG carries a stamped notice. */
    public static boolean stamped(String svg) {
        return svg != null && svg.toLowerCase(Locale.ROOT).contains("class=\"eres-notice\"");
    }
}
