package eres.core.spatial;

import eres.api.data.RawTable;
import eres.api.data.SpatialWeights;
import eres.core.io.CsvReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Issue 22 item 4: reading a dense weights matrix CSV. Writes an N x N inverse-distance matrix (N = 4,000
 * random points, 8 significant digits: about 134 MB, the size of the report in the issue) and measures
 * the streaming reader ({@code type: matrix}, {@link eres.core.io.DenseMatrixCsv}) against the cell path
 * it replaced (the whole text, a {@link RawTable} of strings, {@code Double.parseDouble} per cell), with
 * the peak heap after each. Usage (bench/run core): {@code java -cp ... eres.core.spatial.WeightsFileBenchmark [N]}.
 */
public final class WeightsFileBenchmark {
    public static void main(String[] args) throws IOException {
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 4000;
        Path dir = Files.createTempDirectory("eres-wbench");
        Path file = dir.resolve("w.csv");
        List<String> ids = write(file, n);
        System.out.printf(Locale.ROOT, "dense %d x %d matrix CSV: %.0f MB%n", n, n, Files.size(file) / 1e6);
        System.out.println("| reader | wall s | peak heap MB | non-zeros |");
        System.out.println("|---|---|---|---|");
        for (int rep = 0; rep < 2; rep++) {
            resetPeak();
            long t0 = System.nanoTime();
            SpatialWeights w = WeightsFactory.build("w", new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree("{\"type\":\"matrix\",\"file\":\"w.csv\",\"standardize\":\"none\"}"), eres.api.data.Geography.EMPTY, ids, dir);
            report("streaming (type: matrix)", t0, w.nonZeros());
            resetPeak();
            t0 = System.nanoTime();
            RawTable t = CsvReader.parse("w.csv", Files.readString(file, StandardCharsets.UTF_8), ',');
            long nz = 0;
            for (String[] row : t.rows()) for (int j = 1; j < row.length; j++) if (Double.parseDouble(row[j]) != 0) nz++;
            report("cells: text, RawTable, parseDouble (before)", t0, nz);
        }
        Files.delete(file);
        Files.delete(dir);
    }

    static List<String> write(Path file, int n) throws IOException {
        SplittableRandom r = new SplittableRandom(7);
        double[] x = new double[n];
        double[] y = new double[n];
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            x[i] = r.nextDouble() * 1000;
            y[i] = r.nextDouble() * 1000;
            ids.add("u" + i);
        }
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id");
            for (String id : ids) w.write("," + id);
            w.write('\n');
            for (int i = 0; i < n; i++) {
                w.write(ids.get(i));
                for (int j = 0; j < n; j++) {
                    w.write(',');
                    w.write(i == j ? "0" : String.format(Locale.ROOT, "%.8g", 1 / Math.hypot(x[i] - x[j], y[i] - y[j])));
                }
                w.write('\n');
            }
        }
        return ids;
    }

    /** The largest heap in use seen by a sampler thread (every 5 ms) since the last reset: an approximate peak. */
    private static volatile long peak;
    private static final Thread SAMPLER = new Thread(() -> {
        Runtime rt = Runtime.getRuntime();
        while (true) {
            long used = rt.totalMemory() - rt.freeMemory();
            if (used > peak) peak = used;
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    });

    static {
        SAMPLER.setDaemon(true);
        SAMPLER.start();
    }

    static void resetPeak() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        peak = rt.totalMemory() - rt.freeMemory();
    }

    static void report(String what, long t0, long nz) {
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %.1f | %.0f | %d |%n", what, s, peak / 1e6, nz);
    }
}
