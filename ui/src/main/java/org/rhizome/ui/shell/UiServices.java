package org.rhizome.ui.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.rhizome.graph.Workspace;
import org.rhizome.ui.workbench.UiExtension;

/**
 * What {@code app} hands the desktop UI: the open workspace (the caller keeps ownership and closes
 * it after the window has closed), the data directory (the UI keeps {@code ui.properties} there),
 * the environment (to follow the OS theme), and extensions to install into the window.
 */
public record UiServices(
    Workspace workspace,
    Path dataDirectory,
    String osName,
    Map<String, String> environment,
    List<UiExtension> extensions) {
  public UiServices {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    environment = Map.copyOf(environment);
    extensions = List.copyOf(extensions);
  }

  /** This process's OS and environment, no extensions. */
  public static UiServices of(Workspace workspace, Path dataDirectory) {
    return new UiServices(
        workspace, dataDirectory, System.getProperty("os.name", ""), System.getenv(), List.of());
  }

  public UiServices withExtensions(List<UiExtension> more) {
    List<UiExtension> all = new java.util.ArrayList<>(extensions);
    all.addAll(more);
    return new UiServices(workspace, dataDirectory, osName, environment, all);
  }

  /** The UI's settings file in the data directory. */
  public Path settingsFile() {
    return dataDirectory.resolve("ui.properties");
  }
}
