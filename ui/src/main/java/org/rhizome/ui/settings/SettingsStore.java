package org.rhizome.ui.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.rhizome.graph.files.AtomicFile;
import org.rhizome.ui.workbench.Settings;
import org.rhizome.ui.workbench.ThemeChoice;
import org.rhizome.ui.workbench.ThemeFamily;
import org.rhizome.ui.workbench.WindowState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes {@link Settings} as a properties file ({@code ui.properties} in the data
 * directory). A missing file gives the defaults; a damaged value gives that value's default and a
 * log line, never a failed start. Writes go to a temp file that is moved into place.
 *
 * <p>Thread-safe (no state); call {@link #snapshot} on the FX thread and {@link #write} anywhere.
 */
public final class SettingsStore {
  private static final Logger log = LoggerFactory.getLogger(SettingsStore.class);
  private final Path file;

  public SettingsStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** Reads the file (blocking I/O); defaults for whatever is missing or unreadable. */
  public Properties read() {
    Properties p = new Properties();
    if (Files.exists(file)) {
      try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        p.load(r);
      } catch (IOException | IllegalArgumentException e) {
        log.warn("settings file {} is unreadable; using the defaults", file, e);
      }
    }
    return p;
  }

  /** Builds settings from what {@link #read} returned. */
  public static Settings fromProperties(Properties p) {
    Settings s = new Settings();
    s.theme().set(enumOr(p.getProperty("theme"), ThemeChoice.class, ThemeChoice.SYSTEM));
    s.themeFamily()
        .set(enumOr(p.getProperty("themeFamily"), ThemeFamily.class, ThemeFamily.PRIMER));
    s.editorFontSize().set(Settings.clampFontSize((int) number(p, "editor.fontSize", 15)));
    s.defaultFolder().set(p.getProperty("newNotes.folder", ""));
    s.welcomeLoaded().set(Boolean.parseBoolean(p.getProperty("welcomeLoaded", "false")));
    s.taskDoneDate().set(Boolean.parseBoolean(p.getProperty("tasks.doneDate", "true")));
    s.setWindow(
        new WindowState(
            number(p, "window.x", Double.NaN),
            number(p, "window.y", Double.NaN),
            number(p, "window.width", WindowState.DEFAULT.width()),
            number(p, "window.height", WindowState.DEFAULT.height()),
            Boolean.parseBoolean(p.getProperty("window.maximized", "false")),
            number(p, "window.sidebarDivider", Double.NaN),
            number(p, "window.infoDivider", Double.NaN)));
    String tabs = p.getProperty("tabs.open", "").trim();
    List<String> souls = tabs.isEmpty() ? List.of() : Arrays.asList(tabs.split(","));
    s.setOpenTabs(souls, (int) number(p, "tabs.active", 0));
    return s;
  }

  /** The settings as properties (FX thread: reads the properties). */
  public static Properties snapshot(Settings s) {
    Properties p = new Properties();
    p.setProperty("theme", s.theme().get().name());
    p.setProperty("themeFamily", s.themeFamily().get().name());
    p.setProperty("editor.fontSize", Integer.toString(s.editorFontSize().get()));
    p.setProperty("newNotes.folder", s.defaultFolder().get());
    p.setProperty("welcomeLoaded", Boolean.toString(s.welcomeLoaded().get()));
    p.setProperty("tasks.doneDate", Boolean.toString(s.taskDoneDate().get()));
    WindowState w = s.window();
    if (w.hasPosition()) {
      p.setProperty("window.x", Double.toString(w.x()));
      p.setProperty("window.y", Double.toString(w.y()));
    }
    p.setProperty("window.width", Double.toString(w.width()));
    p.setProperty("window.height", Double.toString(w.height()));
    p.setProperty("window.maximized", Boolean.toString(w.maximized()));
    p.setProperty("window.sidebarDivider", Double.toString(w.sidebarDivider()));
    p.setProperty("window.infoDivider", Double.toString(w.infoDivider()));
    p.setProperty("tabs.open", String.join(",", s.openTabs()));
    p.setProperty("tabs.active", Integer.toString(s.activeTab()));
    return p;
  }

  /** Writes a snapshot whole and durably (see {@link AtomicFile}). */
  public void write(Properties p) throws IOException {
    StringWriter text = new StringWriter();
    p.store(text, "Rhizome window and editor settings");
    AtomicFile.replace(
        file, text.toString().getBytes(StandardCharsets.UTF_8), AtomicFile.Durability.SYNCED);
  }

  private static double number(Properties p, String key, double fallback) {
    String v = p.getProperty(key);
    if (v == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(v.trim());
    } catch (NumberFormatException e) {
      log.warn("setting {}={} is not a number; using {}", key, v, fallback);
      return fallback;
    }
  }

  private static <E extends Enum<E>> E enumOr(String value, Class<E> type, E fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.trim());
    } catch (IllegalArgumentException e) {
      log.warn("setting {} is not one of {}; using {}", value, type.getSimpleName(), fallback);
      return fallback;
    }
  }
}
