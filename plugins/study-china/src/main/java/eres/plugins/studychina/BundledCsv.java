package eres.plugins.studychina;

import eres.api.data.RawTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the plugin's own bundled CSV files (and the simulation's output) into a {@link RawTable}: comma
 * separated, first line the header, no quoting (the bundled files have none: the parser refuses a
 * quote rather than guess).
 */
final class BundledCsv {
    private BundledCsv() {
    }

    static RawTable parse(String source, String text) {
        String[] lines = text.split("\r?\n", -1);
        List<String> header = List.of(lines[0].split(",", -1));
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isEmpty()) continue;
            if (lines[i].indexOf('"') >= 0) throw new IllegalStateException(source + " line " + (i + 1) + ": quoted fields are not expected");
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.size()) {
                throw new IllegalStateException(source + " line " + (i + 1) + " has " + cells.length + " fields, the header " + header.size());
            }
            rows.add(Arrays.copyOf(cells, cells.length));
            lineNumbers.add(i + 1);
        }
        return new RawTable(source, header, rows, lineNumbers.stream().mapToInt(Integer::intValue).toArray(), "line");
    }
}
