package eres.api.panel;

import eres.api.Choice;
import eres.api.Choices;

/** Which fixed effects a panel model absorbs. Parsed from the spellings users know (plm, Stata, fixest). */
public enum Effects {
    /** Pooled OLS with a constant. */
    @Choice(value = "pooled", aliases = {"none", "ols"}) NONE("pooled"),
    /** Entity (individual) fixed effects. */
    @Choice(value = "entity", aliases = {"individual", "id", "oneway", "one-way", "fe"}) ENTITY("entity"),
    /** Time fixed effects. */
    @Choice(value = "time", aliases = {"year", "period"}) TIME("time"),
    /** Entity and time fixed effects. */
    @Choice(value = "twoways", aliases = {"two-ways", "twoway", "two-way", "both"}) TWOWAYS("twoways");

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

    /** Accepts none/pooled, entity/individual/id/oneway, time/year/period, twoways/two-way/both (see {@link Choices}). */
    public static Effects parse(String path, String s) {
        return Choices.parse(path, Effects.class, s);
    }
}
