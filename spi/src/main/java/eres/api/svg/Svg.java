package eres.api.svg;

import java.util.Locale;

/**
 * A minimal, dependency-free SVG document builder for self-contained figures (no external fonts,
 * images or scripts). Coordinates are user units; numbers are written with up to 2 decimals.
 */
public final class Svg {
    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder();
    private String title = "";

    public Svg(double width, double height) {
        this.width = width;
        this.height = height;
    }

    public double width() {
        return width;
    }

    public double height() {
        return height;
    }

    /** Document title (accessible name). */
    public Svg title(String t) {
        this.title = t;
        return this;
    }

    public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth, String dash) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(attr(stroke)).append("\" stroke-width=\"")
                .append(n(strokeWidth)).append('"');
        if (dash != null) body.append(" stroke-dasharray=\"").append(attr(dash)).append('"');
        body.append("/>\n");
        return this;
    }

    public Svg polyline(double[] xs, double[] ys, String stroke, double strokeWidth) {
        body.append("<polyline fill=\"none\" stroke=\"").append(attr(stroke)).append("\" stroke-width=\"").append(n(strokeWidth))
                .append("\" points=\"");
        for (int i = 0; i < xs.length; i++) {
            if (i > 0) body.append(' ');
            body.append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append("\"/>\n");
        return this;
    }

    public Svg rect(double x, double y, double w, double h, String fill, String stroke) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(attr(fill)).append('"');
        if (stroke != null) body.append(" stroke=\"").append(attr(stroke)).append('"');
        body.append("/>\n");
        return this;
    }

    public Svg circle(double cx, double cy, double r, String fill) {
        body.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(attr(fill)).append("\"/>\n");
        return this;
    }

    /** A path; {@code d} is raw path data built by the caller from numbers. */
    public Svg path(String d, String fill, String stroke, double strokeWidth) {
        body.append("<path d=\"").append(attr(d)).append("\" fill=\"").append(attr(fill)).append('"');
        if (stroke != null) body.append(" stroke=\"").append(attr(stroke)).append("\" stroke-width=\"").append(n(strokeWidth)).append('"');
        body.append("/>\n");
        return this;
    }

    /**
     * Text. {@code anchor}: start, middle or end; {@code rotate} in degrees about (x, y).
     */
    public Svg text(double x, double y, String text, double size, String anchor, double rotate) {
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(attr(anchor)).append('"');
        if (rotate != 0) body.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y)).append(")\"");
        body.append('>').append(escape(text)).append("</text>\n");
        return this;
    }

    /** Raw SVG markup (already escaped), e.g. a {@code <g>} built elsewhere. */
    public Svg raw(String markup) {
        body.append(markup);
        return this;
    }

    @Override
    public String toString() {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + n(width) + " " + n(height) + "\" width=\"" + n(width)
                + "\" height=\"" + n(height) + "\" font-family=\"Helvetica, Arial, sans-serif\" role=\"img\">\n"
                + (title.isEmpty() ? "" : "<title>" + escape(title) + "</title>\n")
                + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n";
    }

    /** A number for SVG attributes: fixed, at most 2 decimals, locale-independent. */
    public static String n(double v) {
        if (!Double.isFinite(v)) return "0";
        String s = String.format(Locale.ROOT, "%.2f", v);
        if (s.contains(".")) s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }

    /** XML text escaping. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t') b.append(c);
                }
            }
        }
        return b.toString();
    }

    private static String attr(String s) {
        return escape(s);
    }
}
