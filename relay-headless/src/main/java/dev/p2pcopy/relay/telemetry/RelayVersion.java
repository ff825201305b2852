package dev.p2pcopy.relay.telemetry;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The relay's version as the build recorded it in {@code version.properties}, or {@code dev} without one. */
final class RelayVersion {

    /** What the version reads as when the build did not record one, e.g. when run from an IDE. */
    static final String UNKNOWN = "dev";

    private RelayVersion() {}

    /** @return the version, e.g. {@code 0.1.0-SNAPSHOT} */
    static String current() {
        return read("version.properties");
    }

    static String read(String resource) {
        try (InputStream in = RelayVersion.class.getResourceAsStream(resource)) {
            if (in == null) {
                return UNKNOWN;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "").trim();
            // An unfiltered copy still says ${project.version}.
            return version.isEmpty() || version.contains("${") ? UNKNOWN : version;
        } catch (IOException | IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
