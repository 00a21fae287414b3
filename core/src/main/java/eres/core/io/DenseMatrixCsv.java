package eres.core.io;

import eres.api.DataException;
import eres.api.Suggestions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * A square weights matrix from a CSV file (header {@code id,<id_1>,...,<id_m>}, then one row per unit
 * starting with its id), read in one streaming pass by the byte-level tokenizer ({@link CsvTokenizer})
 * with numbers parsed from the bytes ({@link Numbers}): no string per cell and no dense copy; only the
 * non-zero weights among the requested units are kept, row by row, as a sparse matrix. A {@code .gz}
 * file is decompressed as it is read.
 *
 * <p>Units of the file that are not requested are skipped; every requested unit needs a row and a
 * column. A weight must be a finite number {@code >= 0} (empty cells are an error, not zero), the
 * diagonal 0; a unit with two rows is an error.
 */
public final class DenseMatrixCsv {
    private DenseMatrixCsv() {
    }

    /** Row {@code i}'s non-zero weights: {@code columns[i]} (indices into the units) and {@code values[i]}. */
    public record Sparse(int[][] columns, double[][] values) {
    }

    /**
     * @param units the units to read, in the order of the result
     */
    public static Sparse read(Path file, List<String> units) {
        String name = file.getFileName().toString();
        Map<String, Integer> unit = new HashMap<>();
        for (int i = 0; i < units.size(); i++) unit.put(units.get(i), i);
        int n = units.size();
        int[][] cols = new int[n][];
        double[][] vals = new double[n][];
        int[] seenAt = new int[n];
        Sink sink = new Sink(name, unit, units, cols, vals, seenAt);
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = name.toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            new CsvTokenizer(in, name, ',', true).run(sink);
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (sink.colOf == null) throw new DataException(name + " is empty");
        for (int i = 0; i < n; i++) {
            if (cols[i] == null) {
                throw new DataException(name + ": no row for unit '" + units.get(i) + "'" + Suggestions.hint(units.get(i), sink.rowIds.keySet()));
            }
        }
        return new Sparse(cols, vals);
    }

    private static final class Sink implements CsvTokenizer.Sink {
        private final String name;
        private final Map<String, Integer> unit;
        private final List<String> units;
        private final int[][] cols;
        private final double[][] vals;
        private final int[] seenAt;
        private final Numbers numbers = new Numbers('.');
        private final Map<String, Integer> rowIds = new HashMap<>();
        /** Panel index of each file column (-1: not a requested unit); null before the header. */
        private int[] colOf;
        private int[] rowCols = new int[16];
        private double[] rowVals = new double[16];

        Sink(String name, Map<String, Integer> unit, List<String> units, int[][] cols, double[][] vals, int[] seenAt) {
            this.name = name;
            this.unit = unit;
            this.units = units;
            this.cols = cols;
            this.vals = vals;
            this.seenAt = seenAt;
        }

        @Override
        public void record(byte[] buf, int[] start, int[] end, boolean[] escaped, int fields, int line) {
            if (colOf == null) {
                header(CsvReader.headerNames(name, buf, start, end, escaped, fields, line));
                return;
            }
            if (fields != colOf.length + 1) {
                throw new DataException(name + " line " + line + ": " + fields + " fields, the header has " + (colOf.length + 1));
            }
            String id = text(buf, start[0], end[0], escaped[0]);
            Integer prev = rowIds.put(id, line);
            if (prev != null) throw new DataException(name + " line " + line + ": unit '" + id + "' has a second row (first at line " + prev + ")");
            Integer i = unit.get(id);
            if (i == null) return;
            int m = 0;
            for (int f = 1; f < fields; f++) {
                int j = colOf[f - 1];
                if (j < 0) continue;
                int s = Numbers.trimStart(buf, start[f], end[f]);
                int e = Numbers.trimEnd(buf, s, end[f]);
                int kind = numbers.classify(buf, s, e);
                double v = numbers.value;
                if (kind != Numbers.NUMBER || !(v >= 0)) {
                    String cell = new String(buf, s, e - s, java.nio.charset.StandardCharsets.UTF_8);
                    throw new DataException(name + " line " + line + ": weight in column '" + units.get(j) + "' must be a finite number >= 0, got '"
                            + ColumnarLoader.shown(cell) + "'");
                }
                if (v == 0) continue;
                if (j == i) throw new DataException(name + " line " + line + ": diagonal weight of unit '" + id + "' must be 0, got " + v);
                if (m == rowCols.length) {
                    rowCols = Arrays.copyOf(rowCols, m * 2);
                    rowVals = Arrays.copyOf(rowVals, m * 2);
                }
                rowCols[m] = j;
                rowVals[m++] = v;
            }
            cols[i] = Arrays.copyOf(rowCols, m);
            vals[i] = Arrays.copyOf(rowVals, m);
            seenAt[i] = line;
        }

        private void header(List<String> names) {
            if (names.size() < 2) throw new DataException(name + ": needs at least two columns (id, then one per unit)");
            colOf = new int[names.size() - 1];
            Map<String, Integer> colPos = new HashMap<>();
            for (int j = 1; j < names.size(); j++) {
                String c = names.get(j);
                if (colPos.put(c, j) != null) throw new DataException(name + ": column '" + c + "' appears twice");
                colOf[j - 1] = unit.getOrDefault(c, -1);
            }
            for (String u : units) {
                if (!colPos.containsKey(u)) throw new DataException(name + ": no column for unit '" + u + "'" + Suggestions.hint(u, colPos.keySet()));
            }
        }

        private static String text(byte[] buf, int s, int e, boolean escaped) {
            if (escaped) return new String(CsvTokenizer.unescape(buf, s, e), java.nio.charset.StandardCharsets.UTF_8).strip();
            return new String(buf, s, e - s, java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }
}
