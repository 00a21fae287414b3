package eres.plugins.formats;

import eres.api.EresException;
import eres.api.Param;
import eres.api.ReportWriter;
import eres.api.SpecException;
import eres.api.result.Figure;
import eres.api.result.OutputSink;
import eres.api.result.Report;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.batik.transcoder.TranscoderException;
import org.apache.batik.transcoder.TranscoderInput;
import org.apache.batik.transcoder.TranscoderOutput;
import org.apache.batik.transcoder.image.ImageTranscoder;
import org.apache.batik.transcoder.image.PNGTranscoder;
import org.pf4j.Extension;

/**
 * Every figure as a PNG beside its SVG ({@code figures/<step>-<figure>.png}), rendered by Apache Batik's
 * SVG transcoder at journal resolution: 300 dpi by default, the figure's SVG size read as CSS pixels
 * (96 per inch), so a 760-unit-wide figure becomes 2375 pixels, 8.0 inches at 300 dpi; the PNG's
 * physical-size chunk says 300 dpi, so Word and LaTeX place it at its intended size. The figure files
 * carry the synthetic-data notice when the SVGs do (the run stamps them).
 */
@Extension
public final class PngWriter implements ReportWriter<PngWriter.Options> {
    /** SVG user units are CSS pixels. */
    static final double CSS_DPI = 96;

    /** Options from {@code report: {options: {png: {...}}}}. */
    public record Options(@Param(value = "resolution in dots per inch (journals ask for 300 to 600)", defaultValue = "300") Integer dpi) {
        public Options {
            if (dpi == null) dpi = 300;
            if (dpi < 72 || dpi > 1200) throw new SpecException("report.options.png.dpi", "must be 72..1200, got " + dpi);
        }
    }

    @Override
    public String id() {
        return "png";
    }

    @Override
    public String description() {
        return "Figures as PNG at 300 dpi (figures/*.png beside the SVGs), rendered by Apache Batik";
    }

    @Override
    public Class<Options> parameterType() {
        return Options.class;
    }

    @Override
    public void write(Report report, Options options, OutputSink sink) {
        int dpi = options == null ? 300 : options.dpi();
        List<String> paths = new ArrayList<>();
        List<Figure> figures = new ArrayList<>();
        for (Report.Entry e : report.entries()) {
            for (int i = 0; i < e.figures().size(); i++) {
                String svgPath = i < e.figurePaths().size() ? e.figurePaths().get(i) : "figures/" + Reports.key(e) + "-" + e.figures().get(i).id() + ".svg";
                paths.add(pngPath(svgPath));
                figures.add(e.figures().get(i));
            }
        }
        // figures render independently (one transcoder each), in parallel; the files are written in report order
        List<byte[]> pngs = IntStream.range(0, figures.size()).parallel().mapToObj(i -> png(figures.get(i), dpi)).toList();
        for (int i = 0; i < pngs.size(); i++) sink.write(paths.get(i), pngs.get(i));
    }

    /** {@code figures/x.svg} to {@code figures/x.png}. */
    static String pngPath(String svgPath) {
        return svgPath.endsWith(".svg") ? svgPath.substring(0, svgPath.length() - 4) + ".png" : svgPath + ".png";
    }

    /** One figure as PNG bytes at {@code dpi}. */
    static byte[] png(Figure f, int dpi) {
        return png(f.svg(), f.id(), dpi);
    }

    static byte[] png(String svg, String name, int dpi) {
        double[] size = SvgSize.of(svg);
        PNGTranscoder t = new PNGTranscoder();
        if (size != null) t.addTranscodingHint(ImageTranscoder.KEY_WIDTH, (float) (size[0] * dpi / CSS_DPI));
        t.addTranscodingHint(ImageTranscoder.KEY_PIXEL_UNIT_TO_MILLIMETER, (float) (25.4 / dpi));
        t.addTranscodingHint(ImageTranscoder.KEY_BACKGROUND_COLOR, java.awt.Color.WHITE);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            TranscoderInput in = new TranscoderInput(new StringReader(svg));
            in.setURI("file:/eres/figures/" + name + ".svg"); // a base URI; figures have no external references
            t.transcode(in, new TranscoderOutput(out));
        } catch (TranscoderException | RuntimeException ex) {
            throw new EresException("cannot render figure " + name + " as PNG: " + ex.getMessage(), ex);
        }
        return out.toByteArray();
    }
}
