/**
 * The eres engine: chain model and runner, data readers and transforms, plugin loading, report
 * writers, output directory. It knows no dataset: data come from files or from dataset-provider
 * plugins (the study's panels and the China geography are in the study-china plugin). Plugins compile against {@code eres.api}
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

    // plugins compile against eres.api only; their tests use this on the class path
    exports eres.core.spatial to eres.app;

    exports eres.core.chain to eres.app;
    exports eres.core.io to eres.app;
    exports eres.core.plugin to eres.app;
    exports eres.core.report to eres.app;
    exports eres.core.exec to eres.app;
    exports eres.core.sweep to eres.app;

    opens eres.core.chain to com.fasterxml.jackson.databind, com.google.guice;
    opens eres.core.io to com.fasterxml.jackson.databind;
    opens eres.core.report to com.fasterxml.jackson.databind;
    opens eres.core.plugin to com.google.guice;
    opens eres.core.exec to com.google.guice;
}
