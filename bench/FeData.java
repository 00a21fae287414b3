import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes the fixed-effects benchmark panel (issue 22): {@code entities x years} rows of
 * {@code id,year,region,y,x1..x5} with entity and year effects, regressors correlated with the entity
 * effect, slopes (0.5, -0.3, 0.2, 0.1, -0.05), unit-variance noise, six decimals, seed 42.
 * Usage: {@code java bench/FeData.java FILE ENTITIES YEARS} (single-file source launch, no build).
 */
public final class FeData {
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int entities = Integer.parseInt(args[1]);
        int years = Integer.parseInt(args[2]);
        SplittableRandom r = new SplittableRandom(42);
        double[] beta = {0.5, -0.3, 0.2, 0.1, -0.05};
        double[] yearEffect = new double[years];
        for (int t = 0; t < years; t++) yearEffect[t] = r.nextGaussian() * 0.5;
        StringBuilder b = new StringBuilder(1 << 16);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            b.append("id,year,region,y,x1,x2,x3,x4,x5\n");
            double[] x = new double[5];
            for (int i = 1; i <= entities; i++) {
                double alpha = r.nextGaussian();
                for (int t = 0; t < years; t++) {
                    double y = alpha + yearEffect[t];
                    for (int k = 0; k < 5; k++) {
                        x[k] = 0.3 * alpha + r.nextGaussian();
                        y += beta[k] * x[k];
                    }
                    y += r.nextGaussian();
                    b.append(i).append(',').append(2000 + t).append(",r").append(i % 4);
                    fixed6(b.append(','), y);
                    for (int k = 0; k < 5; k++) fixed6(b.append(','), x[k]);
                    b.append('\n');
                }
                if (b.length() > 60_000) {
                    out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
                    b.setLength(0);
                }
            }
            out.write(b.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** v with six decimals (round half away from zero). */
    static void fixed6(StringBuilder b, double v) {
        long m = Math.round(Math.abs(v) * 1e6);
        if (v < 0 && m != 0) b.append('-');
        b.append(m / 1_000_000).append('.');
        String f = Long.toString(m % 1_000_000);
        for (int i = f.length(); i < 6; i++) b.append('0');
        b.append(f);
    }
}
