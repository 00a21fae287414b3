package eres.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents one parameter of an extension's parameter record for {@code eres describe}.
 * Put it on the record component; the chain-file name is the kebab-case form of the component name
 * (or its {@code @JsonProperty} name).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Param {
    /** What the parameter means, one sentence. */
    String value();

    /** The default as the user would write it, or empty when the parameter is required. */
    String defaultValue() default "";

    /** True if the step cannot run without it. */
    boolean required() default false;
}
