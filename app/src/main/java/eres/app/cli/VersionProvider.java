package eres.app.cli;

import eres.core.chain.Version;
import picocli.CommandLine;

/** {@code eres --version}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"eres " + Version.get() + " (plugin API eres-api " + eres.api.ApiVersion.get() + ", Java "
                + System.getProperty("java.version") + ")"};
    }
}
