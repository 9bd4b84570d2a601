package org.rhizome.ui.editor;

import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import org.fxmisc.undo.UndoManager;
import org.reactfx.value.Val;
import org.reactfx.value.Var;

/**
 * The editor's undo manager, handed to RichTextFX so its keys (Ctrl/Cmd-Z, Ctrl-Y,
 * Shift-Ctrl/Cmd-Z) and {@code area.undo()} reach this editor's own history ({@link
 * org.rhizome.graph.UndoHistory}): only this editor's edits are undone, moved past everything
 * others did since, and an edit arriving from elsewhere never clears it. FX thread only.
 */
final class OwnUndoManager implements UndoManager<Object> {
  private final BooleanSupplier undo;
  private final BooleanSupplier redo;
  private final BooleanSupplier canUndo;
  private final BooleanSupplier canRedo;
  private final Var<Boolean> undoAvailable = Var.newSimpleVar(false);
  private final Var<Boolean> redoAvailable = Var.newSimpleVar(false);
  private final SimpleBooleanProperty performing = new SimpleBooleanProperty(false);
  private final SimpleBooleanProperty atMark = new SimpleBooleanProperty(false);

  OwnUndoManager(
      BooleanSupplier undo,
      BooleanSupplier redo,
      BooleanSupplier canUndo,
      BooleanSupplier canRedo) {
    this.undo = undo;
    this.redo = redo;
    this.canUndo = canUndo;
    this.canRedo = canRedo;
  }

  /** Re-reads whether undo and redo are available (after any edit). */
  void refresh() {
    undoAvailable.setValue(canUndo.getAsBoolean());
    redoAvailable.setValue(canRedo.getAsBoolean());
  }

  @Override
  public boolean undo() {
    return run(undo);
  }

  @Override
  public boolean redo() {
    return run(redo);
  }

  private boolean run(BooleanSupplier action) {
    performing.set(true);
    try {
      return action.getAsBoolean();
    } finally {
      performing.set(false);
      refresh();
    }
  }

  @Override
  public Val<Boolean> undoAvailableProperty() {
    return undoAvailable;
  }

  @Override
  public boolean isUndoAvailable() {
    return canUndo.getAsBoolean();
  }

  @Override
  public Val<Object> nextUndoProperty() {
    return Val.constant(null);
  }

  @Override
  public Val<Object> nextRedoProperty() {
    return Val.constant(null);
  }

  @Override
  public Val<Boolean> redoAvailableProperty() {
    return redoAvailable;
  }

  @Override
  public boolean isRedoAvailable() {
    return canRedo.getAsBoolean();
  }

  @Override
  public ObservableBooleanValue performingActionProperty() {
    return performing;
  }

  @Override
  public boolean isPerformingAction() {
    return performing.get();
  }

  @Override
  public void preventMerge() {}

  /**
   * History belongs to the editor's replica and outlives a reload of the text; nothing to forget
   * here.
   */
  @Override
  public void forgetHistory() {}

  @Override
  public UndoPosition getCurrentPosition() {
    return new UndoPosition() {
      @Override
      public void mark() {}

      @Override
      public boolean isValid() {
        return false;
      }
    };
  }

  @Override
  public ObservableBooleanValue atMarkedPositionProperty() {
    return atMark;
  }

  @Override
  public boolean isAtMarkedPosition() {
    return false;
  }

  @Override
  public void close() {}
}
