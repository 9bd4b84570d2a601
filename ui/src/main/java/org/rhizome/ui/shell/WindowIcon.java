package org.rhizome.ui.shell;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * Puts Rhizome's icon on a window: the sizes of {@code resources/icons/png/} that the ui jar
 * carries (as {@code /org/rhizome/ui/icons/rhizome-N.png}).
 */
final class WindowIcon {
  private static final String[] SIZES = {"16", "24", "32", "48", "64", "128", "256"};

  private WindowIcon() {}

  static void apply(Stage stage) {
    for (String size : SIZES) {
      InputStream in =
          WindowIcon.class.getResourceAsStream("/org/rhizome/ui/icons/rhizome-" + size + ".png");
      if (in != null) {
        stage.getIcons().add(new Image(in));
      }
    }
  }
}
