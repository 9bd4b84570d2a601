package org.rhizome.ui.shell;

import java.io.InputStream;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** Puts Rhizome's icon (from {@code /org/rhizome/ui/icons/}, when the build shipped it) on a window. */
final class WindowIcon {
  private static final String[] SIZES = {"16", "32", "64", "128", "256"};

  private WindowIcon() {}

  static void apply(Stage stage) {
    for (String size : SIZES) {
      InputStream in = WindowIcon.class.getResourceAsStream("/org/rhizome/ui/icons/rhizome-" + size + ".png");
      if (in != null) {
        stage.getIcons().add(new Image(in));
      }
    }
  }
}
