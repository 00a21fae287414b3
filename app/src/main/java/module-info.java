/** The eres command line: wires Guice and PF4J and runs chains. Exports nothing. */
module eres.app {
    requires eres.core;
    requires com.google.guice;
    requires info.picocli;
    requires com.fasterxml.jackson.databind;

    opens eres.app to info.picocli;
    opens eres.app.cli to info.picocli;
    opens eres.app.wiring to com.google.guice;
}
