/**
 * The eres plugin API (artifact {@code eres-api}): everything a plugin may compile against, versioned on
 * its own (semantic versioning; {@code Plugin-Requires} names this version).
 *
 * <p>The extension contract: {@code eres.api} holds the extension points ({@link eres.api.Estimator},
 * {@link eres.api.IndexMethod}, {@link eres.api.MechanismTest}, {@link eres.api.DataReader},
 * {@link eres.api.ReportWriter}), the step context and the error types; {@code eres.api.data} the
 * immutable panel; {@code eres.api.result} the result records that become {@code results.json} and
 * report tables.
 *
 * <p>The numerical toolkit plugins share: {@code linalg} (least squares on EJML), {@code stats}
 * (distributions, descriptives), {@code panel} (fixed-effects regression and covariance estimators),
 * {@code random} (seeds for thread-count-invariant resampling), {@code table} (formatting and
 * regression-table assembly), {@code svg} (figure helpers), {@code spatial} (weights and
 * log-determinants), {@code map} (natural breaks, choropleth maps), {@code index} (composite-index
 * building blocks).
 */
module eres.api {
    requires transitive org.pf4j;
    requires transitive com.fasterxml.jackson.annotation;
    requires transitive jakarta.inject;
    requires transitive ejml.core;
    requires transitive ejml.ddense;
    requires transitive org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.statistics.distribution;
    requires org.locationtech.jts;
    requires com.fasterxml.jackson.databind;

    exports eres.api;
    exports eres.api.data;
    exports eres.api.result;
    exports eres.api.linalg;
    exports eres.api.stats;
    exports eres.api.panel;
    exports eres.api.inference;
    exports eres.api.random;
    exports eres.api.table;
    exports eres.api.svg;
    exports eres.api.spatial;
    exports eres.api.map;
    exports eres.api.index;

    opens eres.api.result to com.fasterxml.jackson.databind;
    opens eres.api.data to com.fasterxml.jackson.databind;
    opens eres.api.index to com.fasterxml.jackson.databind;
    opens eres.api.inference to com.fasterxml.jackson.databind;
}
