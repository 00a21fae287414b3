/**
 * The eres service-provider interface: what plugin authors compile against.
 *
 * <p>{@code eres.spi} holds the extension points ({@link eres.spi.Estimator}, {@link eres.spi.IndexMethod},
 * {@link eres.spi.MechanismTest}, {@link eres.spi.DataReader}, {@link eres.spi.ReportWriter}), the step
 * context and the error types; {@code eres.spi.data} the immutable panel; {@code eres.spi.result} the
 * result records that become {@code results.json} and report tables.
 */
module eres.spi {
    requires transitive org.pf4j;
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive jakarta.inject;

    exports eres.spi;
    exports eres.spi.data;
    exports eres.spi.result;

    opens eres.spi.result to com.fasterxml.jackson.databind;
    opens eres.spi.data to com.fasterxml.jackson.databind;
}
