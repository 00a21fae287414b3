package eres.spi;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints for unknown names (columns, parameters, plugin ids). */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The closest candidate to {@code name} by case-insensitive Levenshtein distance, if it is close
     * enough to be a plausible typo (distance at most max(2, length/3)); otherwise {@code null}.
     */
    public static String closest(String name, Collection<String> candidates) {
        if (name == null) return null;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String a = name.toLowerCase(Locale.ROOT);
        for (String c : candidates) {
            int d = distance(a, c.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = c;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** {@code " (did you mean 'x'?)"} or the empty string. */
    public static String hint(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
