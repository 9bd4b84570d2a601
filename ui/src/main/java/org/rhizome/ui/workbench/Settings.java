package org.rhizome.ui.workbench;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * What the person chose (theme, font size, default folder) and what the window remembers between
 * starts (size, open tabs, pane widths). Loaded and saved by {@link SettingsStore}.
 *
 * <p>FX thread only (its properties drive the scene).
 */
public final class Settings {
  public static final int MIN_FONT_SIZE = 9;
  public static final int MAX_FONT_SIZE = 32;

  private final ObjectProperty<ThemeChoice> theme = new SimpleObjectProperty<>(ThemeChoice.SYSTEM);
  private final ObjectProperty<ThemeFamily> themeFamily =
      new SimpleObjectProperty<>(ThemeFamily.PRIMER);
  private final IntegerProperty editorFontSize = new SimpleIntegerProperty(15);
  private final StringProperty defaultFolder = new SimpleStringProperty("");
  private final BooleanProperty welcomeLoaded = new SimpleBooleanProperty(false);
  private final BooleanProperty taskDoneDate = new SimpleBooleanProperty(true);
  private WindowState window = WindowState.DEFAULT;
  private List<String> openTabs = List.of();
  private int activeTab;

  public ObjectProperty<ThemeChoice> theme() {
    return theme;
  }

  public ObjectProperty<ThemeFamily> themeFamily() {
    return themeFamily;
  }

  public IntegerProperty editorFontSize() {
    return editorFontSize;
  }

  /** The folder new notes go into (a path like {@code Inbox}; empty for the top). */
  public StringProperty defaultFolder() {
    return defaultFolder;
  }

  /**
   * True once the welcome notes were put into the workspace, so deleting them does not bring them
   * back.
   */
  public BooleanProperty welcomeLoaded() {
    return welcomeLoaded;
  }

  /**
   * Whether ticking a task writes today's date after a ✅ (and unticking removes it), as Obsidian
   * Tasks does.
   */
  public BooleanProperty taskDoneDate() {
    return taskDoneDate;
  }

  public WindowState window() {
    return window;
  }

  public void setWindow(WindowState window) {
    this.window = window;
  }

  /** The souls of the notes open in tabs, left to right. */
  public List<String> openTabs() {
    return openTabs;
  }

  public int activeTab() {
    return activeTab;
  }

  public void setOpenTabs(List<String> souls, int active) {
    this.openTabs = List.copyOf(new ArrayList<>(souls));
    this.activeTab = active;
  }

  /** Clamps a font size into the range the editor supports. */
  public static int clampFontSize(int size) {
    return Math.max(MIN_FONT_SIZE, Math.min(MAX_FONT_SIZE, size));
  }
}
