package eres.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The spellings of one constant of an enum parameter. The chain binder accepts {@link #value()} and
 * every alias, case-insensitively, with {@code _} read as {@code -}; {@code eres describe} and results
 * use {@link #value()}. Without the annotation a constant is spelt as its name in lower-case kebab
 * ({@code TWO_WAYS} = {@code two-ways}). One registry of spellings per option, as linearmodels'
 * {@code COVARIANCE_ESTIMATORS}:
 *
 * <pre>
 * public enum Vcov {
 *     &#64;Choice(value = "conventional", aliases = {"iid", "unadjusted"}) CONVENTIONAL,
 *     &#64;Choice(value = "robust", aliases = {"hc1", "white"}) ROBUST
 * }
 * </pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Choice {
    /** The canonical spelling. */
    String value();

    /** Other accepted spellings (the names users know from Stata, R, Python). */
    String[] aliases() default {};
}
