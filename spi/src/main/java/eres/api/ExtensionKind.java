package eres.api;

import java.util.Locale;

/** What an extension does, as listed by {@code eres plugins}. */
public enum ExtensionKind {
    INDEX, ESTIMATOR, MECHANISM, READER, WRITER, DATASET;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
