package org.rhizome.ui.settings;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.rhizome.graph.api.InvalidTitleException;
import org.rhizome.graph.note.NoteFolders;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.Command;
import org.rhizome.ui.workbench.Settings;
import org.rhizome.ui.workbench.ThemeChoice;
import org.rhizome.ui.workbench.ThemeFamily;

/**
 * The settings tab: theme (light, dark or the system's; Primer or Nord), the editor's font size,
 * the folder new notes go to, and every command with its shortcut. Changes apply at once and are
 * saved when the window closes.
 *
 * <p>FX thread only.
 */
public final class SettingsView {
  private final VBox content;

  public SettingsView(AppContext context) {
    Settings settings = context.settings();
    ComboBox<ThemeChoice> theme =
        new ComboBox<>(FXCollections.observableArrayList(ThemeChoice.values()));
    theme.valueProperty().bindBidirectional(settings.theme());
    theme.setId("settings-theme");
    ComboBox<ThemeFamily> family =
        new ComboBox<>(FXCollections.observableArrayList(ThemeFamily.values()));
    family.valueProperty().bindBidirectional(settings.themeFamily());
    Spinner<Integer> fontSize =
        new Spinner<>(
            Settings.MIN_FONT_SIZE, Settings.MAX_FONT_SIZE, settings.editorFontSize().get());
    fontSize.valueProperty().addListener((obs, old, size) -> settings.editorFontSize().set(size));
    fontSize.setEditable(true);
    fontSize.setId("settings-font-size");

    TextField folder = new TextField(settings.defaultFolder().get());
    folder.setPromptText("the top of the workspace");
    folder.setId("settings-default-folder");
    Label folderError = new Label();
    folderError.getStyleClass().add("danger");
    folder
        .textProperty()
        .addListener(
            (obs, old, text) -> {
              try {
                settings.defaultFolder().set(text.isBlank() ? "" : NoteFolders.check(text));
                folderError.setText("");
              } catch (InvalidTitleException e) {
                folderError.setText(e.getMessage());
              }
            });

    javafx.scene.control.CheckBox doneDate =
        new javafx.scene.control.CheckBox("Write ✅ and the date when a task is ticked");
    doneDate.selectedProperty().bindBidirectional(settings.taskDoneDate());
    doneDate.setId("settings-task-done-date");

    GridPane form = new GridPane();
    form.setHgap(16);
    form.setVgap(10);
    form.addRow(0, new Label("Appearance"), theme);
    form.addRow(1, new Label("Theme"), family);
    form.addRow(2, new Label("Editor font size"), fontSize);
    form.addRow(3, new Label("Folder for new notes"), folder);
    form.add(folderError, 1, 4);
    form.addRow(5, new Label("Tasks"), doneDate);

    TableView<Command> shortcuts =
        new TableView<>(FXCollections.observableArrayList(context.commands().all()));
    TableColumn<Command, String> name = new TableColumn<>("Command");
    name.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
    name.setPrefWidth(320);
    TableColumn<Command, String> keys = new TableColumn<>("Shortcut");
    keys.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().shortcutText()));
    keys.setPrefWidth(160);
    shortcuts.getColumns().add(name);
    shortcuts.getColumns().add(keys);
    shortcuts.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    shortcuts.setPrefHeight(420);
    shortcuts.setMaxWidth(560);

    Label title = new Label("Settings");
    title.getStyleClass().add("title-2");
    Label keysTitle = new Label("Keyboard shortcuts");
    keysTitle.getStyleClass().add("title-4");
    Label editorKeys =
        new Label(
            "In the editor: Ctrl/Cmd-Z undo, Ctrl/Cmd-Y or Ctrl/Cmd-Shift-Z redo, [[ completes a link, "
                + "Ctrl/Cmd-click follows it.");
    editorKeys.setWrapText(true);
    editorKeys.getStyleClass().add("text-muted");
    content = new VBox(14, title, form, keysTitle, editorKeys, shortcuts);
    content.setPadding(new Insets(24, 32, 24, 32));
    content.getStyleClass().add("settings-view");
  }

  public Node node() {
    ScrollPane scroll = new ScrollPane(content);
    scroll.setFitToWidth(true);
    return scroll;
  }
}
