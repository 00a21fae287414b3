package eres.api.result;

/**
 * A non-fatal condition that travels with the result (e.g. {@code few-clusters},
 * {@code dropped-missing}, {@code absorbed-regressor}).
 */
public record Warning(String code, String message) {
}
