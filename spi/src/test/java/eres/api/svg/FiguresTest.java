package eres.api.svg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Figure helpers: the notice stamp, breaks over grid holes, label placement off the data. */
class FiguresTest {
    @Test
    void noticeIsStampedUnderTheFigure() {
        String svg = new Svg(200, 100).title("t").line(0, 0, 10, 10, "black", 1, null).toString();
        String s = Notice.stamp("<?xml version=\"1.0\"?>\n" + svg, "SYNTHETIC DATA & <test>");
        assertThat(s).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 122\" width=\"200\" height=\"122\"");
        assertThat(s).contains("<svg x=\"0\" y=\"0\" width=\"200\" height=\"100\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 200 100\"");
        assertThat(s).contains(">SYNTHETIC DATA &amp; &lt;test&gt;</text>").doesNotContain("<?xml");
        assertThat(Notice.stamped(s)).isTrue();
        assertThat(Notice.stamp(svg, null)).isEqualTo(svg);
        assertThat(Notice.stamp("<svg>no size</svg>", "x")).isEqualTo("<svg>no size</svg>");
    }

    @Test
    void breaksWhereTheFullGridHasValuesBetweenNeighbours() {
        double[] full = {1, 2, 3, 4, 5, 6, 7};
        double[] trimmed = {1, 2, 5, 6, 7};
        assertThat(ProfilePlot.breaksAgainst(trimmed, full)).containsExactly(false, false, true, false, false);
        assertThat(ProfilePlot.breaksAgainst(full, full)).containsOnly(false);
    }

    @Test
    void profilePlotDrawsOnePolylinePerSegment() {
        double[] x = {1, 2, 5, 6, 7};
        double[] y = {5, 4, 0, 3, 6};
        Svg svg = new Svg(380, 270);
        ProfilePlot.draw(svg, new ProfilePlot.Spec(x, y, new boolean[] {false, false, true, false, false}, 2, "95% critical value 2.00", 5,
                4.5, 5.5, "Th-1", "q", "LR"), 0, 0, 380, 270);
        String s = svg.toString();
        assertThat(s.split("<polyline", -1)).hasSize(3);
        assertThat(s).contains("95% critical value 2.00", "stroke-dasharray=\"2 3\"", "fill=\"#e4ecf7\"");
    }

    @Test
    void labelsAvoidTheCurve() {
        List<double[]> curve = List.of(new double[] {90, 50}, new double[] {100, 50});
        LabelPlacer.Box first = new LabelPlacer.Box(80, 40, 30, 12);
        LabelPlacer.Box second = new LabelPlacer.Box(10, 40, 30, 12);
        assertThat(LabelPlacer.place(List.of(first, second), curve, List.of(), 0, 0, 200, 200)).isEqualTo(second);
        assertThat(LabelPlacer.place(List.of(first, second), curve, List.of(second), 0, 0, 200, 200)).isEqualTo(first);
        assertThat(LabelPlacer.width("ab", 10)).isEqualTo(11.2, org.assertj.core.api.Assertions.within(1e-9));
    }
}
