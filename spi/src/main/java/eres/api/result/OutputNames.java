package eres.api.result;

import eres.api.SpecException;
import java.util.regex.Pattern;

/** The one rule for names that become output file names: letters, digits, {@code . _ -}, no leading dot. */
public final class OutputNames {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,119}");

    private OutputNames() {
    }

    public static boolean isSafe(String name) {
        return name != null && SAFE.matcher(name).matches() && !name.contains("..");
    }

    public static String requireSafe(String name) {
        if (!isSafe(name)) {
            throw new SpecException("name", "'" + name + "' is not a safe output name (letters, digits, . _ - only)");
        }
        return name;
    }

    /** Replaces unsafe characters by '-' (for names derived from user data, e.g. group labels). */
    public static String sanitize(String raw) {
        String s = raw == null ? "x" : raw.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("\\.{2,}", ".");
        if (s.isEmpty() || s.startsWith(".") || s.startsWith("-")) s = "x" + s;
        return s.length() > 120 ? s.substring(0, 120) : s;
    }
}
