package eres.plugins.formats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eres.api.result.Figure;
import eres.api.result.Report;
import eres.api.svg.Notice;
import eres.api.svg.Svg;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** PNG figures: size at the resolution, the physical-size chunk, what is drawn where, the notice band, file names. */
class PngWriterTest {
    static String figure() {
        // 192 x 96 units = 2 x 1 inch: a black square in the left half, a red bar along the bottom
        return new Svg(192, 96).rect(10, 10, 60, 60, "#000000", null).rect(0, 86, 192, 10, "#ff0000", null).toString();
    }

    @Test
    void rendersAtTheResolutionWithItsPhysicalSize() throws Exception {
        byte[] png = PngWriter.png(figure(), "f", 300);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img.getWidth()).isEqualTo(600);
        assertThat(img.getHeight()).isEqualTo(300);
        // the square: black at (40, 40) units = (125, 125) pixels; white at (150, 40) units; red bar at the bottom
        assertThat(img.getRGB(125, 125) & 0xffffff).isEqualTo(0x000000);
        assertThat(img.getRGB(470, 125) & 0xffffff).isEqualTo(0xffffff);
        assertThat(img.getRGB(300, 295) & 0xffffff).isEqualTo(0xff0000);
        assertThat(pixelsPerMetre(png)).isEqualTo(11811); // 300 dpi
        assertThat(PngWriter.png(figure(), "f", 300)).isEqualTo(png);
    }

    @Test
    void writesEveryFigureBesideItsSvgWithTheNotice() throws Exception {
        String stamped = Notice.stamp(figure(), "SYNTHETIC DATA: test");
        Report.Entry e = new Report.Entry("t5", "threshold", "east", null, List.of(), List.of(new Figure("lr-plot", "LR", stamped, null)),
                List.of("figures/t5--east-lr-plot.svg"), List.of(), null);
        Report r = new Report("r", Map.of(), List.of(e), List.of(), List.of());
        Map<String, byte[]> files = new LinkedHashMap<>();
        new PngWriter().write(r, new PngWriter.Options(150), files::put);
        assertThat(files).containsOnlyKeys("figures/t5--east-lr-plot.png");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(files.get("figures/t5--east-lr-plot.png")));
        assertThat(img.getHeight()).isEqualTo((int) Math.round((96 + 22) * 150 / 96.0));
        // the notice band (#fff4d6) under the figure
        assertThat(img.getRGB(img.getWidth() - 3, img.getHeight() - 3) & 0xffffff).isEqualTo(0xfff4d6);
        assertThatThrownBy(() -> new PngWriter.Options(10)).hasMessageContaining("72..1200");
    }

    static int pixelsPerMetre(byte[] png) throws Exception {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadata m = r.getImageMetadata(0);
            Node root = m.getAsTree("javax_imageio_png_1.0");
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("pHYs")) return Integer.parseInt(((Element) n).getAttribute("pixelsPerUnitXAxis"));
            }
        }
        throw new AssertionError("no pHYs chunk");
    }
}
