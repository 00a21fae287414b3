package eres.api.table;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Significance stars: one star per level the p-value is below, the levels given from the largest, e.g.
 * {@code [0.1, 0.05, 0.01]}: {@code *} p &lt; 0.1, {@code **} p &lt; 0.05, {@code ***} p &lt; 0.01 (the economics
 * convention and Stata esttab's {@code star(* 0.10 ** 0.05 *** 0.01)}). No levels: no stars.
 */
public record Stars(List<Double> levels) {
    /** {@code * 0.1, ** 0.05, *** 0.01}. */
    public static final Stars DEFAULT = new Stars(List.of(0.1, 0.05, 0.01));
    /** No stars at all. */
    public static final Stars NONE = new Stars(List.of());

    public Stars {
        levels = List.copyOf(levels);
        if (levels.size() > 4) throw new IllegalArgumentException("at most 4 star levels, got " + levels.size());
        for (int i = 0; i < levels.size(); i++) {
            double l = levels.get(i);
            if (!(l > 0 && l < 1)) throw new IllegalArgumentException("star levels must be in (0, 1), got " + l);
            if (i > 0 && !(l < levels.get(i - 1))) {
                throw new IllegalArgumentException("star levels must decrease (e.g. [0.1, 0.05, 0.01]), got " + levels);
            }
        }
    }

    /** The stars of a p-value ({@code ""} for NaN or none). */
    public String of(double p) {
        if (Double.isNaN(p)) return "";
        int n = 0;
        for (double l : levels) if (p < l) n++;
        return "*".repeat(n);
    }

    /** The legend: {@code * p<0.1, ** p<0.05, *** p<0.01}; {@code ""} without levels. */
    public String legend(String separator) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            parts.add("*".repeat(i + 1) + " p<" + BigDecimal.valueOf(levels.get(i)).stripTrailingZeros().toPlainString());
        }
        return String.join(separator, parts);
    }
}
