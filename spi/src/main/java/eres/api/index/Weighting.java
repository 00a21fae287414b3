package eres.api.index;

import eres.api.result.Table;
import eres.api.result.Warning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weights a rule computed for one {@link Level}, with the intermediate quantities that justify them
 * (printed in the derivation table and results.json).
 *
 * @param weights      one weight per column of the level, non-negative, summing to 1
 * @param detailNames  names of the per-column intermediate quantities (e.g. {@code e_j}, {@code d_j})
 * @param details      {@code details[j][k]} = quantity k of column j
 * @param score        the composite score per row when the rule defines it directly rather than as the
 *                     weighted sum of the columns (PCA), else {@code null}
 * @param notes        lines stating conventions (printed under the tables)
 * @param warnings     warnings for the step result
 * @param tables       extra tables (e.g. PCA eigenvalues)
 * @param sections     extra results.json sections
 */
public record Weighting(double[] weights, List<String> detailNames, double[][] details, double[] score, List<String> notes,
                        List<Warning> warnings, List<Table> tables, Map<String, Object> sections) {
    public Weighting {
        detailNames = List.copyOf(detailNames);
        notes = List.copyOf(notes);
        warnings = List.copyOf(warnings);
        tables = List.copyOf(tables);
        sections = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sections));
        if (details.length != weights.length) throw new IllegalArgumentException("details and weights differ in length");
    }

    /** Weights with intermediate quantities and nothing else. */
    public static Weighting of(double[] weights, List<String> detailNames, double[][] details) {
        return new Weighting(weights, detailNames, details, null, List.of(), List.of(), List.of(), Map.of());
    }

    /** Mutable builder. */
    public static Builder builder(double[] weights) {
        return new Builder(weights);
    }

    /** Builder of a {@link Weighting}. */
    public static final class Builder {
        private final double[] weights;
        private final List<String> detailNames = new ArrayList<>();
        private final List<double[]> detailColumns = new ArrayList<>();
        private double[] score;
        private final List<String> notes = new ArrayList<>();
        private final List<Warning> warnings = new ArrayList<>();
        private final List<Table> tables = new ArrayList<>();
        private final Map<String, Object> sections = new LinkedHashMap<>();

        private Builder(double[] weights) {
            this.weights = weights.clone();
        }

        /** A per-column intermediate quantity (one value per column of the level). */
        public Builder detail(String name, double[] values) {
            if (values.length != weights.length) throw new IllegalArgumentException("detail " + name + " has the wrong length");
            detailNames.add(name);
            detailColumns.add(values.clone());
            return this;
        }

        public Builder score(double[] s) {
            this.score = s.clone();
            return this;
        }

        public Builder note(String n) {
            notes.add(n);
            return this;
        }

        public Builder warning(String code, String message) {
            warnings.add(new Warning(code, message));
            return this;
        }

        public Builder table(Table t) {
            tables.add(t);
            return this;
        }

        public Builder section(String name, Object value) {
            sections.put(name, value);
            return this;
        }

        public Weighting build() {
            double[][] d = new double[weights.length][detailNames.size()];
            for (int k = 0; k < detailColumns.size(); k++) {
                for (int j = 0; j < weights.length; j++) d[j][k] = detailColumns.get(k)[j];
            }
            return new Weighting(weights, detailNames, d, score, notes, warnings, tables, sections);
        }
    }
}
