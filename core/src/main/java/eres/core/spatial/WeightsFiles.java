package eres.core.spatial;

import eres.api.DataException;
import eres.api.Suggestions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Sparse weights files of other spatial software, read into neighbour lists over the panel's units:
 *
 * <ul>
 *   <li><b>GAL</b> (GeoDa, PySAL {@code .gal}, spdep {@code write.nb.gal}): a header, either {@code n}
 *       (old style) or {@code 0 n <shapefile> <id variable>}, then for each unit a line {@code id k}
 *       followed by a line with its k neighbours' ids; binary weights. Tokens are read in sequence, so an
 *       empty neighbour line may be missing.</li>
 *   <li><b>GWT</b> (GeoDa, PySAL {@code .gwt}, spdep {@code write.sn2gwt}): the same header, then one line
 *       {@code from to value} per link. The value is taken as the weight (as PySAL's reader does; GeoDa
 *       writes distances there, so a GeoDa distance file gives distance-valued weights).</li>
 *   <li><b>Matrix Market</b> ({@code .mtx}, NIST; written by R {@code Matrix::writeMM}, SciPy
 *       {@code mmwrite}): {@code %%MatrixMarket matrix coordinate real|integer|pattern general|symmetric},
 *       comments, the size line {@code rows cols entries}, then {@code i j [value]} with 1-based
 *       indices; a symmetric file gives the lower triangle. The file has no unit ids: {@code ids:} names
 *       the units of rows 1..n in order (a list, or a file with one id per line).</li>
 * </ul>
 *
 * Ids are matched to the panel's entity ids as text; {@code ids:} also maps GAL/GWT files that use
 * record numbers 1..n instead of ids. Units of the file that are not in the panel are left out. Every
 * panel unit needs a GAL record; in GWT and Matrix Market files a unit without links is an island. A
 * link given twice with different weights, a self-link with a non-zero weight and a weight that is
 * not a finite number {@code >= 0} are errors naming the line.
 */
final class WeightsFiles {
    private WeightsFiles() {
    }

    /** Neighbours and weights by panel unit index (a sorted map per row). */
    record Links(List<TreeMap<Integer, Double>> rows, String note) {
    }

    /** The tokens of a text file with the line of each token. */
    private record Tokens(String name, List<String> text, List<Integer> line) {
        int size() {
            return text.size();
        }
    }

    static Links gal(Path file, List<String> units, List<String> ids) {
        Tokens t = tokens(file);
        String name = t.name();
        int pos = header(t);
        Map<String, Integer> unit = index(units);
        List<TreeMap<Integer, Double>> rows = emptyRows(units.size());
        boolean[] has = new boolean[units.size()];
        int records = 0;
        while (pos < t.size()) {
            String id = resolve(t, pos, ids);
            int line = t.line().get(pos);
            if (pos + 1 >= t.size()) throw new DataException(name + " line " + line + ": record of unit '" + id + "' has no neighbour count");
            int k = count(t, pos + 1);
            if (pos + 2 + k > t.size()) {
                throw new DataException(name + " line " + line + ": unit '" + id + "' lists " + k + " neighbour(s) but the file ends after "
                        + (t.size() - pos - 2));
            }
            Integer i = unit.get(id);
            if (i != null) {
                if (has[i]) throw new DataException(name + " line " + line + ": unit '" + id + "' has a second record");
                has[i] = true;
                for (int q = 0; q < k; q++) {
                    String nb = resolve(t, pos + 2 + q, ids);
                    Integer j = unit.get(nb);
                    if (j == null) continue;
                    if (j.equals(i)) throw new DataException(name + " line " + t.line().get(pos + 2 + q) + ": unit '" + id + "' lists itself as a neighbour");
                    put(rows, i, j, 1.0, name, t.line().get(pos + 2 + q), units);
                }
            }
            records++;
            pos += 2 + k;
        }
        for (int i = 0; i < units.size(); i++) {
            if (!has[i]) {
                throw new DataException(name + ": no record for unit '" + units.get(i) + "' (" + records + " record(s) in the file; ids are"
                        + " matched as text" + (ids == null ? "; a file of record numbers 1..n needs ids:" : "") + ")");
            }
        }
        return new Links(rows, records + " GAL record(s)");
    }

    static Links gwt(Path file, List<String> units, List<String> ids) {
        Tokens t = tokens(file);
        String name = t.name();
        int pos = header(t);
        Map<String, Integer> unit = index(units);
        List<TreeMap<Integer, Double>> rows = emptyRows(units.size());
        int links = 0;
        int matched = 0;
        if ((t.size() - pos) % 3 != 0) {
            throw new DataException(name + " line " + t.line().get(t.size() - 1) + ": a GWT line is 'from to value'; the file ends with an"
                    + " incomplete line");
        }
        for (; pos < t.size(); pos += 3) {
            int line = t.line().get(pos);
            if (!t.line().get(pos + 2).equals(line)) throw new DataException(name + " line " + line + ": a GWT line is 'from to value'");
            String a = resolve(t, pos, ids);
            String b = resolve(t, pos + 1, ids);
            double w = weight(t, pos + 2);
            links++;
            Integer i = unit.get(a);
            Integer j = unit.get(b);
            if (i == null || j == null) continue;
            matched++;
            if (i.equals(j)) {
                if (w != 0) throw new DataException(name + " line " + line + ": self-link of unit '" + a + "' (the diagonal must be 0)");
                continue;
            }
            put(rows, i, j, w, name, line, units);
        }
        if (matched == 0 && links > 0) {
            throw new DataException(name + ": none of its " + links + " link(s) joins two units of the data (ids are matched as text, e.g. '"
                    + t.text().get(header(t)) + "'" + Suggestions.hint(t.text().get(header(t)), units)
                    + (ids == null ? "; a file of record numbers 1..n needs ids:" : "") + ")");
        }
        return new Links(rows, links + " GWT link(s), " + matched + " between units of the data");
    }

    static Links matrixMarket(Path file, List<String> units, List<String> ids) {
        String name = file.getFileName().toString();
        if (ids == null) throw new DataException(name + ": a Matrix Market file has no unit ids; give ids: (a list or a file with one id per line, in row order)");
        List<String> lines = lines(file);
        if (lines.isEmpty()) throw new DataException(name + " is empty");
        String[] banner = lines.get(0).strip().toLowerCase(Locale.ROOT).split("\\s+");
        if (banner.length < 5 || !banner[0].equals("%%matrixmarket") || !banner[1].equals("matrix")) {
            throw new DataException(name + " line 1: not a Matrix Market file (expected '%%MatrixMarket matrix coordinate real general')");
        }
        if (!banner[2].equals("coordinate")) throw new DataException(name + " line 1: only the sparse 'coordinate' format is read, not '" + banner[2] + "'");
        String field = banner[3];
        if (!List.of("real", "integer", "pattern", "double").contains(field)) {
            throw new DataException(name + " line 1: field '" + field + "' is not real, integer or pattern");
        }
        String symmetry = banner[4];
        if (!symmetry.equals("general") && !symmetry.equals("symmetric")) {
            throw new DataException(name + " line 1: symmetry '" + symmetry + "' is not general or symmetric");
        }
        int k = 1;
        while (k < lines.size() && (lines.get(k).startsWith("%") || lines.get(k).isBlank())) k++;
        if (k >= lines.size()) throw new DataException(name + ": no size line");
        String[] size = lines.get(k).strip().split("\\s+");
        if (size.length != 3) throw new DataException(name + " line " + (k + 1) + ": the size line is 'rows columns entries'");
        long nr = integer(size[0], name, k + 1);
        long nc = integer(size[1], name, k + 1);
        long nnz = integer(size[2], name, k + 1);
        if (nr != nc) throw new DataException(name + " line " + (k + 1) + ": a weights matrix is square, this one is " + nr + " x " + nc);
        if (nr != ids.size()) throw new DataException(name + ": the matrix has " + nr + " rows but ids: names " + ids.size() + " units");
        Map<String, Integer> unit = index(units);
        Map<String, Integer> idPos = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (idPos.put(ids.get(i), i) != null) throw new DataException(name + ": ids: names unit '" + ids.get(i) + "' twice");
        }
        for (String u : units) {
            if (!idPos.containsKey(u)) throw new DataException(name + ": ids: does not name unit '" + u + "'" + Suggestions.hint(u, ids));
        }
        int[] toUnit = new int[ids.size()];
        for (int i = 0; i < ids.size(); i++) toUnit[i] = unit.getOrDefault(ids.get(i), -1);
        List<TreeMap<Integer, Double>> rows = emptyRows(units.size());
        long entries = 0;
        for (int l = k + 1; l < lines.size(); l++) {
            String s = lines.get(l).strip();
            if (s.isEmpty() || s.startsWith("%")) continue;
            String[] f = s.split("\\s+");
            int want = field.equals("pattern") ? 2 : 3;
            if (f.length != want) throw new DataException(name + " line " + (l + 1) + ": an entry is 'row column" + (want == 3 ? " value'" : "'"));
            long i = integer(f[0], name, l + 1);
            long j = integer(f[1], name, l + 1);
            if (i < 1 || i > nr || j < 1 || j > nc) {
                throw new DataException(name + " line " + (l + 1) + ": entry (" + i + ", " + j + ") is outside the " + nr + " x " + nc + " matrix");
            }
            double w = want == 3 ? number(f[2], name, l + 1) : 1.0;
            entries++;
            if (symmetry.equals("symmetric") && j > i) {
                throw new DataException(name + " line " + (l + 1) + ": a symmetric file gives the lower triangle only (row >= column)");
            }
            link(rows, toUnit[(int) i - 1], toUnit[(int) j - 1], w, name, l + 1, units, ids.get((int) i - 1));
            if (symmetry.equals("symmetric") && i != j) link(rows, toUnit[(int) j - 1], toUnit[(int) i - 1], w, name, l + 1, units, ids.get((int) j - 1));
        }
        if (entries != nnz) throw new DataException(name + ": the size line announces " + nnz + " entries, the file has " + entries);
        return new Links(rows, entries + " Matrix Market entr" + (entries == 1 ? "y" : "ies") + " (" + symmetry + ")");
    }

    private static void link(List<TreeMap<Integer, Double>> rows, int a, int b, double w, String name, int line, List<String> units, String id) {
        if (a < 0 || b < 0) return;
        if (a == b) {
            if (w != 0) throw new DataException(name + " line " + line + ": diagonal weight of unit '" + id + "' must be 0, got " + w);
            return;
        }
        put(rows, a, b, w, name, line, units);
    }

    private static void put(List<TreeMap<Integer, Double>> rows, int a, int b, double w, String name, int line, List<String> units) {
        Double old = rows.get(a).put(b, w);
        if (old != null && old != w) {
            throw new DataException(name + " line " + line + ": link (" + units.get(a) + ", " + units.get(b) + ") is given twice with weights "
                    + old + " and " + w);
        }
    }

    /** The ids (one per line) of a file, for {@code ids:}. */
    static List<String> idsFile(Path file) {
        List<String> out = new ArrayList<>();
        for (String l : lines(file)) {
            String s = l.strip();
            if (!s.isEmpty()) out.add(s);
        }
        if (out.isEmpty()) throw new DataException(file.getFileName() + " names no ids");
        return out;
    }

    /** Index of the first token after the header ({@code n} or {@code 0 n <file> <id>}). */
    private static int header(Tokens t) {
        if (t.size() == 0) throw new DataException(t.name() + " is empty");
        int first = t.line().get(0);
        int onLine = 0;
        while (onLine < t.size() && t.line().get(onLine) == first) onLine++;
        String h0 = t.text().get(0);
        if (onLine == 1) {
            integer(h0, t.name(), first);
            return 1;
        }
        if (onLine >= 2 && h0.equals("0")) {
            integer(t.text().get(1), t.name(), first);
            return onLine;
        }
        throw new DataException(t.name() + " line " + first + ": the header is 'n' or '0 n <file> <id variable>', got '"
                + String.join(" ", t.text().subList(0, onLine)) + "'");
    }

    private static String resolve(Tokens t, int pos, List<String> ids) {
        String s = t.text().get(pos);
        if (ids == null) return s;
        long k;
        try {
            k = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DataException(t.name() + " line " + t.line().get(pos) + ": '" + s + "' is not a record number 1.." + ids.size()
                    + " (with ids:, the file numbers its records)");
        }
        if (k < 1 || k > ids.size()) {
            throw new DataException(t.name() + " line " + t.line().get(pos) + ": record number " + k + " is outside 1.." + ids.size());
        }
        return ids.get((int) k - 1);
    }

    private static int count(Tokens t, int pos) {
        long k = integer(t.text().get(pos), t.name(), t.line().get(pos));
        if (k < 0 || k > 10_000_000) throw new DataException(t.name() + " line " + t.line().get(pos) + ": neighbour count " + k + " is not plausible");
        return (int) k;
    }

    private static double weight(Tokens t, int pos) {
        return number(t.text().get(pos), t.name(), t.line().get(pos));
    }

    private static double number(String s, String name, int line) {
        Double v = eres.core.io.Numbers.cell(s);
        if (v == null || v.isNaN() || !(v >= 0)) throw new DataException(name + " line " + line + ": weight '" + s + "' is not a finite number >= 0");
        return v;
    }

    private static long integer(String s, String name, int line) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DataException(name + " line " + line + ": '" + s + "' is not a whole number");
        }
    }

    private static Map<String, Integer> index(List<String> units) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < units.size(); i++) m.put(units.get(i), i);
        return m;
    }

    private static List<TreeMap<Integer, Double>> emptyRows(int n) {
        List<TreeMap<Integer, Double>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) rows.add(new TreeMap<>());
        return rows;
    }

    private static Tokens tokens(Path file) {
        List<String> text = new ArrayList<>();
        List<Integer> line = new ArrayList<>();
        List<String> lines = lines(file);
        for (int l = 0; l < lines.size(); l++) {
            for (String tok : lines.get(l).strip().split("\\s+")) {
                if (tok.isEmpty()) continue;
                text.add(tok);
                line.add(l + 1);
            }
        }
        return new Tokens(file.getFileName().toString(), text, line);
    }

    private static List<String> lines(Path file) {
        try {
            byte[] b = Files.readAllBytes(file);
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(b)).toString();
            if (s.startsWith("\uFEFF")) s = s.substring(1);
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new java.io.StringReader(s))) {
                for (String l = r.readLine(); l != null; l = r.readLine()) out.add(l);
            }
            return out;
        } catch (CharacterCodingException e) {
            throw new DataException(file.getFileName() + " is not UTF-8 text");
        } catch (IOException e) {
            throw new DataException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
