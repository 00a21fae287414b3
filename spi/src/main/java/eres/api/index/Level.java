package eres.api.index;

import java.util.List;

/**
 * What a weighting rule weighs: m columns of normalised data with n rows each. At the indicator level
 * each column is one indicator; at the layer level of a hierarchical index each column is one
 * criterion layer's sub-score and {@link #members(int)} lists the indicators it aggregates, so that
 * subjective rules (G1, user weights) can aggregate their indicator weights.
 *
 * @param name    what is weighed, for messages: {@code indicators}, {@code layer 'Economy'}, {@code layers}
 * @param columns column names (indicators or layer names)
 * @param members per column, the indicators it stands for (a single one at the indicator level)
 * @param data    the columns, {@code data[j][i]} = row i of column j (not modified by rules)
 */
public record Level(String name, List<String> columns, List<List<String>> members, double[][] data) {
    public Level {
        columns = List.copyOf(columns);
        members = members.stream().map(List::copyOf).toList();
        if (members.size() != columns.size() || data.length != columns.size()) {
            throw new IllegalArgumentException("level " + name + ": columns, members and data differ in size");
        }
    }

    /** A level whose columns are single indicators. */
    public static Level ofIndicators(String name, List<String> indicators, double[][] data) {
        return new Level(name, indicators, indicators.stream().map(List::of).toList(), data);
    }

    public int size() {
        return columns.size();
    }

    public int rows() {
        return data.length == 0 ? 0 : data[0].length;
    }

    /** Column {@code j} (the array itself: do not modify). */
    public double[] column(int j) {
        return data[j];
    }

    public List<String> members(int j) {
        return members.get(j);
    }

    /** True when every column is one indicator. */
    public boolean indicatorLevel() {
        for (int j = 0; j < columns.size(); j++) {
            if (members.get(j).size() != 1 || !members.get(j).get(0).equals(columns.get(j))) return false;
        }
        return true;
    }
}
