package org.rhizome.ui.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the operating system is set to a dark appearance. JavaFX 21 cannot tell (its platform
 * preferences arrive in 22), so this asks the OS the way its own tools do: GNOME's {@code
 * color-scheme} (or a GTK theme named {@code …-dark}), macOS's {@code AppleInterfaceStyle},
 * Windows' {@code AppsUseLightTheme}. Anything that fails or takes over half a second means light.
 *
 * <p>Blocking (it may start a process): call it off the FX thread.
 */
public final class SystemTheme {
  private static final Logger log = LoggerFactory.getLogger(SystemTheme.class);

  private SystemTheme() {}

  public static boolean isDark(String osName, Map<String, String> env) {
    String os = osName.toLowerCase(Locale.ROOT);
    if (os.contains("mac")) {
      return output(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
          .toLowerCase(Locale.ROOT)
          .contains("dark");
    }
    if (os.contains("win")) {
      String out =
          output(
              List.of(
                  "reg",
                  "query",
                  "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                  "/v",
                  "AppsUseLightTheme"));
      return out.contains("0x0");
    }
    String gtkTheme = env.getOrDefault("GTK_THEME", "");
    if (gtkTheme.toLowerCase(Locale.ROOT).contains("dark")) {
      return true;
    }
    String scheme =
        output(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
    if (scheme.contains("dark")) {
      return true;
    }
    return output(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
        .toLowerCase(Locale.ROOT)
        .contains("dark");
  }

  private static String output(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getOutputStream().close();
      if (!p.waitFor(500, TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
        return "";
      }
      return new String(p.getInputStream().readNBytes(4096), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    } catch (RuntimeException e) {
      log.debug("asking the OS for its theme with {} failed", command, e);
      return "";
    }
  }
}
