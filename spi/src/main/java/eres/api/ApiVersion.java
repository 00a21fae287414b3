package eres.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The version of this API ({@code eres-api}), semantic versioning: a plugin's {@code Plugin-Requires}
 * names a range of it (e.g. {@code >=0.2.0 & <0.3.0}) and eres refuses plugins whose range does not
 * contain it. While the major version is 0, a minor release may break plugins (so plugins pin the minor
 * version); from 1.0 on only a major release may.
 */
public final class ApiVersion {
    private static final String VERSION = load();

    private ApiVersion() {
    }

    /** For example {@code 0.2.0}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ApiVersion.class.getResourceAsStream("/eres-api-build/version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            return p.getProperty("version", "0.0.0");
        } catch (IOException e) {
            return "0.0.0";
        }
    }
}
