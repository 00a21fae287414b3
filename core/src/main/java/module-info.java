/**
 * The eres engine: chain model and runner, data readers and transforms, plugin loading, report
 * writers, output directory and the synthetic study panel. Plugins compile against {@code eres.api}
 * only; the engine packages are exported to the command-line module.
 */
module eres.core {
    requires transitive eres.api;
    requires org.apache.commons.rng.simple;
    requires org.apache.commons.statistics.distribution;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.yaml.snakeyaml;
    requires com.google.guice;
    requires org.locationtech.jts;

    // bundled China geography: still reached by the gtwr plugin's maps (to move into a study plugin)
    exports eres.core.geo;
    // weights builders from chain specs; plugins' tests build weights with them
    exports eres.core.spatial;

    exports eres.core.chain to eres.app;
    exports eres.core.io to eres.app;
    exports eres.core.plugin to eres.app;
    exports eres.core.report to eres.app;
    exports eres.core.exec to eres.app;
    exports eres.core.simulate to eres.app;
    exports eres.core.sweep to eres.app;

    opens eres.core.chain to com.fasterxml.jackson.databind, com.google.guice;
    opens eres.core.io to com.fasterxml.jackson.databind;
    opens eres.core.report to com.fasterxml.jackson.databind;
    opens eres.core.plugin to com.google.guice;
    opens eres.core.exec to com.google.guice;
}
