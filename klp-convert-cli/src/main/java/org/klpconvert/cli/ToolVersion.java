package org.klpconvert.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * The version the build stamped into the tool, shared by {@code klp-tool --version} and every
 * subcommand's {@code --version}: the jar manifest's {@code Implementation-Version}, or, when
 * the classes do not run from a jar (tests), the same project version written into a
 * resource by the build.
 */
public final class ToolVersion implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    /** {@return the version of the running build, such as {@code 0.1.0-SNAPSHOT}} */
    public static String current() {
        String fromManifest = ToolVersion.class.getPackage().getImplementationVersion();
        if (fromManifest != null) {
            return fromManifest;
        }
        try (InputStream in = ToolVersion.class.getResourceAsStream(RESOURCE)) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"klp-tool " + current(),
            "Java ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"};
    }
}
