package org.rhizome.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.rhizome.graph.text.Splice;
import org.rhizome.graph.text.SpliceTransform;

/**
 * Undo and redo of one editor's own edits only, as in every collaborative editor: each step is the
 * inverse of what this editor did, kept in the coordinates of the text as it is now — moved past
 * the editor's later edits and past everything others did since ({@link SpliceTransform}) — so undo
 * never removes someone else's words and an incoming edit never clears the history. Typing runs
 * (inserts following each other on one line) are one step.
 *
 * <p>Not thread-safe: confine to the editor's thread.
 */
public final class UndoHistory {
  static final int MAX_STEPS = 200;

  /** Inverse splices of one step, in the order they apply. */
  private static final class Step {
    List<Splice> inverse;

    /** Still a typing run that the next keystroke may extend. */
    boolean open;

    Step(List<Splice> inverse, boolean open) {
      this.inverse = inverse;
      this.open = open;
    }
  }

  private final Deque<Step> undo = new ArrayDeque<>();
  private final Deque<Step> redo = new ArrayDeque<>();

  public boolean canUndo() {
    return !undo.isEmpty();
  }

  public boolean canRedo() {
    return !redo.isEmpty();
  }

  /** The editor's own edit, just made; {@code removed} is the text it deleted. Clears redo. */
  public void done(Splice edit, String removed) {
    redo.clear();
    int inserted = edit.text().codePointCount(0, edit.text().length());
    Step top = undo.peekFirst();
    if (top != null
        && top.open
        && edit.deleteCount() == 0
        && inserted > 0
        && edit.text().indexOf('\n') < 0
        && top.inverse.size() == 1
        && top.inverse.get(0).text().isEmpty()
        && top.inverse.get(0).position() + top.inverse.get(0).deleteCount() == edit.position()) {
      Splice d = top.inverse.get(0);
      top.inverse = List.of(new Splice(d.position(), d.deleteCount() + inserted, ""));
      return;
    }
    passAll(undo, List.of(edit));
    for (Step s : undo) {
      s.open = false;
    }
    Splice inverse = new Splice(edit.position(), inserted, removed);
    undo.addFirst(
        new Step(
            List.of(inverse),
            edit.deleteCount() == 0 && inserted > 0 && edit.text().indexOf('\n') < 0));
    while (undo.size() > MAX_STEPS) {
      undo.removeLast();
    }
  }

  /**
   * Several edits of the person made one after another as one command (Replace all, wrapping a
   * selection): one step, undone and redone at once. Each {@code removed} is the text its edit
   * deleted.
   */
  public void doneTogether(List<Splice> edits, List<String> removed) {
    if (edits.size() != removed.size()) {
      throw new IllegalArgumentException(
          edits.size() + " edits but " + removed.size() + " removed texts");
    }
    if (edits.isEmpty()) {
      return;
    }
    redo.clear();
    passAll(undo, edits);
    for (Step s : undo) {
      s.open = false;
    }
    // Undone last first: each inverse is valid on the text right after its own edit, which is the
    // text the inverses before it in this list leave behind.
    List<Splice> inverse = new ArrayList<>(edits.size());
    for (int i = edits.size() - 1; i >= 0; i--) {
      Splice e = edits.get(i);
      inverse.add(
          new Splice(e.position(), e.text().codePointCount(0, e.text().length()), removed.get(i)));
    }
    undo.addFirst(new Step(inverse, false));
    while (undo.size() > MAX_STEPS) {
      undo.removeLast();
    }
  }

  /** Edits of others just applied to the shown text: every step moves past them. */
  public void passed(List<Splice> others) {
    if (others.isEmpty()) {
      return;
    }
    passAll(undo, others);
    passAll(redo, others);
  }

  /**
   * Ends the current typing run (the caret moved, a pause): the next keystroke starts a new step.
   */
  public void seal() {
    Step top = undo.peekFirst();
    if (top != null) {
      top.open = false;
    }
  }

  /**
   * Undoes the last step: {@code apply} puts each splice into the shown text (and sends it) and
   * returns the text it removed. Returns false when there is nothing to undo.
   */
  public boolean undo(Function<Splice, String> apply) {
    return replay(undo, redo, apply);
  }

  /** Redoes the last undone step, as {@link #undo}. */
  public boolean redo(Function<Splice, String> apply) {
    return replay(redo, undo, apply);
  }

  private static boolean replay(Deque<Step> from, Deque<Step> to, Function<Splice, String> apply) {
    Step step = from.pollFirst();
    if (step == null) {
      return false;
    }
    List<Splice> inverse = new ArrayList<>();
    for (Splice s : step.inverse) {
      String removed = apply.apply(s);
      List<Splice> one = List.of(s);
      passAll(from, one);
      passAll(to, one);
      // The inverse of this splice goes first (the last applied is undone first); it restores the
      // text the earlier inverses were made on, so they stay as they are.
      List<Splice> moved = new ArrayList<>(inverse.size() + 1);
      moved.add(new Splice(s.position(), s.text().codePointCount(0, s.text().length()), removed));
      moved.addAll(inverse);
      inverse = moved;
    }
    for (Step s : to) {
      s.open = false;
    }
    to.addFirst(new Step(inverse, false));
    return true;
  }

  private static void passAll(Deque<Step> steps, List<Splice> edits) {
    for (Step s : steps) {
      s.inverse = SpliceTransform.rebase(s.inverse, edits);
    }
  }
}
