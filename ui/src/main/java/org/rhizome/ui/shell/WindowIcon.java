package org.rhizome.ui.shell;

import java.net.URL;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Puts Rhizome's icon on a window: the sizes of {@code resources/icons/png/} that the ui jar
 * carries (as {@code /org/rhizome/ui/icons/rhizome-N.png}).
 */
final class WindowIcon {
  private static final String[] SIZES = {"16", "24", "32", "48", "64", "128", "256"};

  private WindowIcon() {}

  /**
   * Adds the icons, each decoded in the background (not in the way of the window's first frame).
   */
  static void apply(Stage stage) {
    for (String size : SIZES) {
      URL url = WindowIcon.class.getResource("/org/rhizome/ui/icons/rhizome-" + size + ".png");
      if (url != null) {
        stage.getIcons().add(new Image(url.toExternalForm(), true));
      }
    }
  }
}
