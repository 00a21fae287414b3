package eres.api.panel;

import eres.api.SpecException;
import java.util.Locale;

/** Which fixed effects a panel model absorbs. Parsed from the spellings users know (plm, Stata, fixest). */
public enum Effects {
    /** Pooled OLS with a constant. */
    NONE("pooled"),
    /** Entity (individual) fixed effects. */
    ENTITY("entity"),
    /** Time fixed effects. */
    TIME("time"),
    /** Entity and time fixed effects. */
    TWOWAYS("twoways");

    private final String label;

    Effects(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean hasEntity() {
        return this == ENTITY || this == TWOWAYS;
    }

    public boolean hasTime() {
        return this == TIME || this == TWOWAYS;
    }

    /** Binds a chain value ({@code effects: twoways}). */
    @com.fasterxml.jackson.annotation.JsonCreator
    public static Effects of(String s) {
        return parse("effects", s);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }

    /** Accepts none/pooled, entity/individual/id/oneway, time/year/period, twoways/two-way/both. */
    public static Effects parse(String path, String s) {
        if (s == null) throw new SpecException(path, "is required: one of pooled, entity, time, twoways");
        switch (s.toLowerCase(Locale.ROOT).replace("_", "-")) {
            case "none": case "pooled": case "ols":
                return NONE;
            case "entity": case "individual": case "id": case "oneway": case "one-way": case "fe":
                return ENTITY;
            case "time": case "year": case "period":
                return TIME;
            case "twoways": case "two-ways": case "twoway": case "two-way": case "both":
                return TWOWAYS;
            default:
                throw new SpecException(path, "'" + s + "' is not one of pooled, entity, time, twoways");
        }
    }
}
