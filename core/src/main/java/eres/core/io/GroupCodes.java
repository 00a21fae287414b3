package eres.core.io;

import eres.api.data.Panel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Dense group codes of a panel's rows by one variable: a text column, a numeric column, the entity or the period. */
final class GroupCodes {
    private GroupCodes() {
    }

    /**
     * Codes {@code 0..k-1} in order of first appearance ({@code -1} where the value is missing), or
     * {@code null} if the panel has no such variable.
     */
    static int[] of(Panel panel, String name) {
        int n = panel.rows();
        int[] code = new int[n];
        if (name.equals(panel.entityName())) {
            for (int r = 0; r < n; r++) code[r] = panel.entityIndex(r);
            return code;
        }
        if (name.equals(panel.timeName())) {
            for (int r = 0; r < n; r++) code[r] = panel.timeIndex(r);
            return code;
        }
        Map<Object, Integer> dict = new HashMap<>();
        if (panel.hasText(name)) {
            String[] v = panel.textColumn(name);
            for (int r = 0; r < n; r++) code[r] = v[r] == null ? -1 : dict.computeIfAbsent(v[r], k -> dict.size());
            return code;
        }
        if (panel.hasNumeric(name)) {
            double[] v = panel.column(name);
            for (int r = 0; r < n; r++) code[r] = Double.isNaN(v[r]) ? -1 : dict.computeIfAbsent(v[r] == 0 ? 0.0 : v[r], k -> dict.size());
            return code;
        }
        return null;
    }

    /** Every name a group variable may have, for did-you-mean hints. */
    static List<String> names(Panel panel) {
        List<String> all = new ArrayList<>(panel.textColumns());
        all.addAll(panel.numericColumns());
        all.add(panel.entityName());
        all.add(panel.timeName());
        return all;
    }

    /** The number of groups of codes from {@link #of}. */
    static int count(int[] codes) {
        int k = 0;
        for (int c : codes) k = Math.max(k, c + 1);
        return k;
    }
}
