package eres.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one parameter of an extension's parameter record for {@code eres describe}.
 * Put it on the record component; the chain-file name is the kebab-case form of the component name
 * (or its {@code @JsonProperty} name).
 *
 * <p>Defaults are a contract, checked for every bundled extension by one generic test
 * ({@code DocumentedDefaultsIT}): a {@link #defaultValue()} is a literal a chain could write, and
 * binding it gives the same record as leaving the parameter out; a {@link #computedDefault()}
 * describes a default decided at run time (from the data or other parameters), and leaving the
 * parameter out binds {@code null}. A component of a record type is a nested block ({@code maps:
 * {periods: [...]}}) whose own components carry their own {@code @Param}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Param {
    /** What the parameter means, one sentence. */
    String value();

    /**
     * The default as the user would write it in the chain (a literal of the parameter's type, e.g.
     * {@code 0.95}, {@code twoways}, {@code []}), or empty when the parameter is required or has a
     * {@link #computedDefault()}.
     */
    String defaultValue() default "";

    /**
     * A default decided at run time, described for {@code eres describe} (e.g. {@code "the entity"},
     * {@code "the panel's years in three periods"}); the record keeps {@code null} for it.
     */
    String computedDefault() default "";

    /** True if the step cannot run without it. */
    boolean required() default false;
}
