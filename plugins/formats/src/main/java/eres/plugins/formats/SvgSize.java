package eres.plugins.formats;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The width and height of an SVG document's root element, in user units (its width/height, else its viewBox). */
final class SvgSize {
    private static final Pattern ROOT = Pattern.compile("<svg\\b[^>]*>", Pattern.DOTALL);
    private static final Pattern W = Pattern.compile("\\swidth=\"([\\d.]+)(px)?\"");
    private static final Pattern H = Pattern.compile("\\sheight=\"([\\d.]+)(px)?\"");
    private static final Pattern VB = Pattern.compile("viewBox=\"\\s*[-\\d.eE]+[\\s,]+[-\\d.eE]+[\\s,]+([\\d.eE]+)[\\s,]+([\\d.eE]+)\\s*\"");

    private SvgSize() {
    }

    /** {@code [width, height]}, or null when the root element does not say. */
    static double[] of(String svg) {
        Matcher r = ROOT.matcher(svg);
        if (!r.find()) return null;
        String tag = r.group();
        Matcher w = W.matcher(tag);
        Matcher h = H.matcher(tag);
        if (w.find() && h.find()) return new double[] {Double.parseDouble(w.group(1)), Double.parseDouble(h.group(1))};
        Matcher vb = VB.matcher(tag);
        if (vb.find()) return new double[] {Double.parseDouble(vb.group(1)), Double.parseDouble(vb.group(2))};
        return null;
    }
}
