package eres.core.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One specification's row: its number, seed, status ({@code ok} or {@code failed}), the first error,
 * and the collected values in the order of {@code collect:} ({@code Long}, {@code Double},
 * {@code String}, {@code Boolean} or {@code null}). Serializable: Spark executors send rows back.
 *
 * @param missing the collected paths that did not resolve in this specification, {@code name: why}
 * @param kept    with {@code keep:}, the specification's own outputs by relative path ({@code results.json},
 *                {@code files/...}), written to {@code specs/<n>/} of the sweep's output
 * @param syntheticData the label of the data when they were SYNTHETIC (the sweep's report then says so, as every
 *                report of synthetic data does), else {@code null}
 */
public record SweepRow(long spec, long seed, String status, String error, List<Object> values, List<String> missing,
                       java.util.Map<String, byte[]> kept, String syntheticData) implements Serializable {
    private static final long serialVersionUID = 1L;

    public SweepRow {
        values = Collections.unmodifiableList(new ArrayList<>(values));
        missing = List.copyOf(missing);
        kept = kept == null ? java.util.Map.of() : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(kept));
    }

    public boolean ok() {
        return status.equals("ok");
    }
}
