package eres.api.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Defaults that come from the data: consecutive spans of the panel's periods, for maps and tables
 * by period. {@code Periods.equal(panel.times(), 3)} on a 2008-2022 panel gives 2008-2012, 2013-2017,
 * 2018-2022 (the study's GTWR map periods), on any other panel its own three spans; a parameter
 * documents such a default with {@code @Param(computedDefault = ...)} and fills it in at run time.
 */
public final class Periods {
    private Periods() {
    }

    /** A span of periods {@code from..to} (inclusive), labelled {@code "2008-2012"} (or {@code "2010"}). */
    public record Span(int from, int to) {
        public Span {
            if (to < from) throw new IllegalArgumentException("span " + from + "-" + to + " ends before it starts");
        }

        public String label() {
            return from == to ? Integer.toString(from) : from + "-" + to;
        }

        public boolean contains(int t) {
            return t >= from && t <= to;
        }
    }

    /**
     * {@code parts} consecutive spans of the distinct periods {@code times} (ascending, as
     * {@link Panel#times()}), with as equal numbers of periods as possible (the earlier spans get one
     * more when they cannot be equal); fewer spans when there are fewer periods than {@code parts}.
     */
    public static List<Span> equal(int[] times, int parts) {
        if (parts < 1) throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        int n = times.length;
        List<Span> out = new ArrayList<>();
        if (n == 0) return out;
        int k = Math.min(parts, n);
        int start = 0;
        for (int s = 0; s < k; s++) {
            int size = n / k + (s < n % k ? 1 : 0);
            out.add(new Span(times[start], times[start + size - 1]));
            start += size;
        }
        return List.copyOf(out);
    }
}
