/**
 * The eres engine and the numerical toolkit plugins share.
 *
 * <p>Exported to everyone (plugins compile against these): {@code linalg} (least squares),
 * {@code stats} (distributions, descriptives), {@code panel} (fixed-effects regression and covariance
 * estimators), {@code random} (seeds for thread-count-invariant resampling), {@code table}
 * (formatting and regression-table assembly), {@code geo} (bundled province geography), {@code svg}
 * (figure helpers), {@code spatial} (weights builders), {@code map} (natural breaks, choropleth maps).
 *
 * <p>Internal, exported only to the command-line module: the chain model and runner, data readers and
 * transforms, plugin loading, report writers and the synthetic study panel.
 */
module eres.core {
    requires transitive eres.spi;
    requires transitive ejml.core;
    requires transitive ejml.ddense;
    requires transitive org.apache.commons.rng.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.statistics.distribution;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires com.google.guice;
    requires org.locationtech.jts;

    exports eres.core.linalg;
    exports eres.core.stats;
    exports eres.core.panel;
    exports eres.core.random;
    exports eres.core.table;
    exports eres.core.geo;
    exports eres.core.svg;
    exports eres.core.spatial;
    exports eres.core.index;
    exports eres.core.map;

    exports eres.core.chain to eres.app;
    exports eres.core.io to eres.app;
    exports eres.core.plugin to eres.app;
    exports eres.core.report to eres.app;
    exports eres.core.exec to eres.app;
    exports eres.core.simulate to eres.app;

    opens eres.core.chain to com.fasterxml.jackson.databind, com.google.guice;
    opens eres.core.io to com.fasterxml.jackson.databind;
    opens eres.core.report to com.fasterxml.jackson.databind;
    opens eres.core.index to com.fasterxml.jackson.databind;
    opens eres.core.plugin to com.google.guice;
    opens eres.core.exec to com.google.guice;
}
