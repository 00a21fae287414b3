package eres.spi;

/** Parameter type of an extension that takes none. */
public record NoParameters() {
}
