package eres.api;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" hints for unknown names (columns, parameters, plugin ids). */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * The closest candidate to {@code name} by case-insensitive optimal-string-alignment distance
     * (Levenshtein plus adjacent transpositions), if close enough to be a plausible typo: distance 1
     * for names of up to 4 characters, else at most max(2, length/3); otherwise {@code null}.
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
        int allowed = name.length() <= 4 ? 1 : Math.max(2, name.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** {@code " (did you mean 'x'?)"} or the empty string. */
    public static String hint(String name, Collection<String> candidates) {
        String c = closest(name, candidates);
        return c == null ? "" : " (did you mean '" + c + "'?)";
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
