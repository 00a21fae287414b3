package eres.api.data;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import eres.api.SpecException;

/**
 * A parameter naming spatial weights declared in the chain's {@code weights:} block
 * ({@code weights: wg}). The chain binder checks the name against the declared weights when it binds
 * the step, so a typo is reported with the other parameter problems before any data is read; the
 * step gets the matrix with {@link eres.api.StepContext#weights(WeightsRef)}.
 */
public record WeightsRef(String name) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public WeightsRef {
        if (name == null || name.isBlank()) throw new SpecException("weights", "must name an entry of the chain's weights: block");
    }

    @JsonValue
    @Override
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
