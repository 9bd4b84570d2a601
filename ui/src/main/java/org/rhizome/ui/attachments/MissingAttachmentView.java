package org.rhizome.ui.attachments;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * What following a link to a file that is not in the workspace shows: that it is missing, and how
 * to add it.
 */
final class MissingAttachmentView {
  private MissingAttachmentView() {}

  static Node of(String target) {
    Label title = new Label("No attachment \"" + target + "\"");
    title.getStyleClass().addAll("title-3", "missing-attachment");
    Label how =
        new Label(
            "No file of this workspace has that name, so the link reaches nothing. Drop or paste the file into"
                + " a note to add it (it goes to the attachment folder), or import the vault folder that has it.");
    how.setWrapText(true);
    how.getStyleClass().add("text-muted");
    VBox box = new VBox(10, title, how);
    box.setPadding(new Insets(24));
    box.setAlignment(Pos.TOP_LEFT);
    box.setMaxWidth(560);
    return box;
  }
}
