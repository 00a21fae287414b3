package eres.api;

/** Parameter type of an extension that takes none. */
public record NoParameters() {
}
