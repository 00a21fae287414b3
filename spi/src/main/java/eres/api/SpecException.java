package eres.api;

import java.util.List;

/**
 * A parameter or chain-file problem, detected before any computation. Carries every problem found
 * (airlift style) as {@code (path, message)} pairs; the message joins them on one line.
 */
public final class SpecException extends EresException {
    private static final long serialVersionUID = 1L;

    /** One problem: {@code path} is the parameter path, e.g. {@code "trim"} or {@code "steps[2].use"}. */
    public record Problem(String path, String message) {
        @Override
        public String toString() {
            return path == null || path.isEmpty() ? message : "'" + path + "' " + message;
        }
    }

    private final transient List<Problem> problems;

    public SpecException(String path, String message) {
        this(List.of(new Problem(path, message)));
    }

    public SpecException(List<Problem> problems) {
        super(join(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String join(List<Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(p);
        }
        return sb.toString();
    }

    /** Throws if {@code condition} is false. */
    public static void require(boolean condition, String path, String message) {
        if (!condition) throw new SpecException(path, message);
    }
}
