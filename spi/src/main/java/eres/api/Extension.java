package eres.api;

import org.pf4j.ExtensionPoint;

/**
 * Base of every eres extension. An extension has a unique id (what a chain's {@code use:} names),
 * a one-line description and a parameter record type that the runner binds from the chain's
 * {@code with:} block (kebab-case keys, unknown keys rejected).
 *
 * @param <P> the parameter record type
 */
public interface Extension<P> extends ExtensionPoint {
    /** Unique id, lower-case kebab, e.g. {@code panel-fe}. */
    String id();

    /** One line for {@code eres plugins}. */
    String description();

    /** The record the {@code with:} block binds to. */
    Class<P> parameterType();

    /** The kind shown by {@code eres plugins}. */
    ExtensionKind kind();
}
