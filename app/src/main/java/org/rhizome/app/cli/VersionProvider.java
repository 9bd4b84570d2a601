package org.rhizome.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the project version, which Maven writes into {@code version.properties}. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    return new String[] {"rhizome " + version(), "Java " + System.getProperty("java.version")};
  }

  /** The version this build was made from, e.g. {@code 0.1.0-SNAPSHOT}. */
  static String version() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("/version.properties")) {
      if (in == null) {
        throw new IOException("version.properties is missing from the build");
      }
      p.load(in);
    }
    return p.getProperty("version", "unknown");
  }
}
