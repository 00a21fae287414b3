package eres.plugins.formats;

import com.fasterxml.jackson.annotation.JsonCreator;
import eres.api.SpecException;

/**
 * A worksheet chosen by name ({@code sheet: GDP}, {@code sheet: 人口}) or by 1-based position
 * ({@code sheet: 2}), as in R {@code readxl::read_excel(sheet = )}.
 */
public final class NameOrIndex {
    private final String name;
    private final int index;

    private NameOrIndex(String name, int index) {
        this.name = name;
        this.index = index;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NameOrIndex of(String name) {
        if (name == null || name.isBlank()) throw new SpecException("data.sheet", "must be a sheet name or a position 1, 2, ...");
        return new NameOrIndex(name, 0);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static NameOrIndex of(int index) {
        if (index < 1) throw new SpecException("data.sheet", "positions count from 1, got " + index);
        return new NameOrIndex(null, index);
    }

    /** The name, or null when chosen by position. */
    public String name() {
        return name;
    }

    /** The 1-based position, or 0 when chosen by name. */
    public int index() {
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NameOrIndex n && index == n.index && java.util.Objects.equals(name, n.name);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(name, index);
    }

    @Override
    public String toString() {
        return name != null ? name : Integer.toString(index);
    }
}
