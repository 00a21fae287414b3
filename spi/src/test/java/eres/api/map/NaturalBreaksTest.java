package eres.api.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NaturalBreaksTest {

    static double[] column(String file) {
        String[] lines = resource("/natural-breaks/" + file).split("\\R");
        double[] x = new double[lines.length - 1];
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",");
            x[i - 1] = Double.parseDouble(f[f.length - 1].replace("\"", ""));
        }
        return x;
    }

    record Expected(String dataset, int k, double[] jenksBreaks, int[] jenksCounts, int[] fisherCounts) {
    }

    static List<Expected> expected() {
        String[] lines = resource("/natural-breaks/expected.csv").split("\\R");
        List<Expected> out = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].replace("\"", "").split(",");
            out.add(new Expected(f[0], Integer.parseInt(f[1]),
                    Arrays.stream(f[2].split(";")).mapToDouble(Double::parseDouble).toArray(),
                    Arrays.stream(f[3].split(";")).mapToInt(Integer::parseInt).toArray(),
                    Arrays.stream(f[5].split(";")).mapToInt(Integer::parseInt).toArray()));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("expected")
    void matchesClassInt(Expected e) {
        double[] x = column(e.dataset() + ".csv");
        NaturalBreaks.Classification c = NaturalBreaks.jenks(x, e.k());
        // classInt jenks: brks = c(min, class upper bounds), all data values, so compare exactly
        assertThat(c.min()).isEqualTo(e.jenksBreaks()[0]);
        assertThat(c.upperBounds()).containsExactly(Arrays.copyOfRange(e.jenksBreaks(), 1, e.jenksBreaks().length));
        assertThat(c.counts()).containsExactly(e.jenksCounts());
        // classInt fisher (Fisher's original algorithm) gives the same partition
        assertThat(c.counts()).containsExactly(e.fisherCounts());
    }

    @Test
    void mapclassifyCalifornia() {
        NaturalBreaks.Classification c = NaturalBreaks.jenks(column("calemp.csv"), 5);
        assertThat(c.upperBounds()).containsExactly(75.29, 192.05, 370.50, 722.85, 4111.45);
        assertThat(c.counts()).containsExactly(49, 3, 4, 1, 1);
        assertThat(c.classOf(0.13)).isZero();
        assertThat(c.classOf(75.29)).isZero();
        assertThat(c.classOf(75.3)).isEqualTo(1);
        assertThat(c.classOf(5000)).isEqualTo(4);
        assertThat(c.gvf()).isBetween(0.0, 1.0);
    }

    @Test
    void matchesExhaustiveSearchOnSmallSamples() {
        SplittableRandom r = new SplittableRandom(7);
        for (int rep = 0; rep < 200; rep++) {
            int n = 2 + r.nextInt(10);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = r.nextInt(6) + (r.nextBoolean() ? 0.5 * r.nextDouble() : 0);
            int k = 1 + r.nextInt(4);
            NaturalBreaks.Classification c = NaturalBreaks.jenks(x, k);
            double brute = bruteForceSsd(x, c.classes());
            // the DP optimum equals the best contiguous, tie-respecting partition up to rounding of the prefix sums
            assertThat(c.ssd()).isCloseTo(brute, within(1e-9 * (1 + brute)));
            assertThat(Arrays.stream(c.counts()).sum()).isEqualTo(n);
        }
    }

    @Test
    void divideAndConquerEqualsFullProgramme() {
        SplittableRandom r = new SplittableRandom(11);
        for (int rep = 0; rep < 20; rep++) {
            int n = 50 + r.nextInt(400);
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = rep % 2 == 0 ? Math.exp(2 * r.nextDouble()) : r.nextInt(40);
            for (int k = 2; k <= 8; k++) {
                double[] d = x.clone();
                NaturalBreaks.Classification full = NaturalBreaks.jenksFull(d, k);
                NaturalBreaks.Classification dc = NaturalBreaks.jenksDivideAndConquer(d, k);
                assertThat(dc.ssd()).isCloseTo(full.ssd(), within(1e-9 * (1 + full.ssd())));
                assertThat(dc.counts()).containsExactly(full.counts());
            }
        }
    }

    @Test
    void largeInputUsesDivideAndConquer() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 6000;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = r.nextGaussian() + (i % 3) * 4;
        assertThat(5.0 * n * n).isGreaterThan(NaturalBreaks.FULL_DP_LIMIT);
        NaturalBreaks.Classification dc = NaturalBreaks.jenks(x, 5);
        NaturalBreaks.Classification full = NaturalBreaks.jenksFull(x, 5);
        assertThat(dc.upperBounds()).containsExactly(full.upperBounds());
        assertThat(dc.counts()).containsExactly(full.counts());
    }

    @Test
    void edgeCases() {
        NaturalBreaks.Classification one = NaturalBreaks.jenks(new double[] {3, 3, 3}, 5);
        assertThat(one.classes()).isEqualTo(1);
        assertThat(one.counts()).containsExactly(3);
        assertThat(one.gvf()).isEqualTo(1.0);
        NaturalBreaks.Classification two = NaturalBreaks.jenks(new double[] {1, Double.NaN, 2, 2, 1}, 5);
        assertThat(two.upperBounds()).containsExactly(1, 2);
        assertThat(two.counts()).containsExactly(2, 2);
        assertThat(two.classOf(Double.NaN)).isEqualTo(-1);
        assertThatThrownBy(() -> NaturalBreaks.jenks(new double[] {Double.NaN}, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NaturalBreaks.jenks(new double[] {1, 2}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NaturalBreaks.jenks(new double[] {1, Double.POSITIVE_INFINITY}, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Minimum SSD over all partitions of the sorted distinct values into k contiguous groups. */
    private static double bruteForceSsd(double[] values, int k) {
        double[] x = values.clone();
        Arrays.sort(x);
        double[] u = Arrays.stream(x).distinct().toArray();
        return best(x, u, 0, k);
    }

    private static double best(double[] x, double[] u, int from, int k) {
        if (k == 1) return ssd(x, u[from], u[u.length - 1]);
        double b = Double.POSITIVE_INFINITY;
        for (int end = from; end <= u.length - k; end++) {
            b = Math.min(b, ssd(x, u[from], u[end]) + best(x, u, end + 1, k - 1));
        }
        return b;
    }

    private static double ssd(double[] x, double lo, double hi) {
        double s = 0;
        int n = 0;
        for (double v : x) if (v >= lo && v <= hi) {
            s += v;
            n++;
        }
        double m = s / n;
        double q = 0;
        for (double v : x) if (v >= lo && v <= hi) q += (v - m) * (v - m);
        return q;
    }

    private static String resource(String name) {
        try (java.io.InputStream in = NaturalBreaksTest.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("test resource missing: " + name);
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
