/** The eres command line: wires Guice and PF4J and runs chains. Exports nothing. */
module eres.app {
    requires eres.core;
    requires com.google.guice;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    // optional sweep engines (the spark module) on the class path
    uses eres.core.sweep.SweepEngine;

    opens eres.app to info.picocli;
    opens eres.app.cli to info.picocli;
    opens eres.app.wiring to com.google.guice;
}
