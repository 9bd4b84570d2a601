package org.rhizome.graph.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An append-only list of ops in the order they were made or merged (so a causal order), run-length
 * compressed: an op that continues the last one (the next counters of the same actor, typing on
 * after its last character, or deleting the characters right after its last target) is joined to
 * it. Typing a paragraph one key at a time thus costs one op, not one per key. Joining keeps every
 * event's id and origins, so replaying the log, or any prefix of it by {@link TextVersion}, gives
 * the same text. Not thread-safe.
 */
public final class TextOpLog {
  private final List<TextOp> closed = new ArrayList<>();
  private @Nullable InsertOp tailInsert;
  private final StringBuilder tailText = new StringBuilder();
  private @Nullable DeleteOp tailDelete;
  private int tailLength;
  private long events;

  /** Appends {@code op}, joining it to the last op when it continues it. */
  public void add(TextOp op) {
    events += op.length();
    if (op instanceof InsertOp ins && continuesInsert(ins)) {
      tailText.append(ins.text());
      tailLength += ins.length();
      return;
    }
    if (op instanceof DeleteOp del && continuesDelete(del)) {
      tailLength += del.length();
      return;
    }
    closeTail();
    if (op instanceof InsertOp ins) {
      tailInsert = ins;
      tailText.append(ins.text());
    } else {
      tailDelete = (DeleteOp) op;
    }
    tailLength = op.length();
  }

  public void addAll(List<? extends TextOp> ops) {
    for (TextOp op : ops) {
      add(op);
    }
  }

  private boolean continuesInsert(InsertOp op) {
    InsertOp t = tailInsert;
    if (t == null) {
      return false;
    }
    TextId left = op.originLeft();
    long next = t.id().seq() + tailLength;
    return op.id().actor().equals(t.id().actor())
        && op.id().seq() == next
        && left != null
        && left.seq() == next - 1
        && left.actor().equals(t.id().actor())
        && Objects.equals(op.originRight(), t.originRight());
  }

  private boolean continuesDelete(DeleteOp op) {
    DeleteOp t = tailDelete;
    return t != null
        && op.id().actor().equals(t.id().actor())
        && op.id().seq() == t.id().seq() + tailLength
        && op.target().actor().equals(t.target().actor())
        && op.target().seq() == t.target().seq() + tailLength;
  }

  private void closeTail() {
    if (tailInsert != null) {
      closed.add(
          new InsertOp(
              tailInsert.id(),
              tailInsert.originLeft(),
              tailInsert.originRight(),
              tailText.toString()));
    } else if (tailDelete != null) {
      closed.add(new DeleteOp(tailDelete.id(), tailDelete.target(), tailLength));
    }
    tailInsert = null;
    tailDelete = null;
    tailText.setLength(0);
    tailLength = 0;
  }

  /** The ops so far, joined; an unmodifiable snapshot. O(ops). */
  public List<TextOp> ops() {
    List<TextOp> out = new ArrayList<>(closed.size() + 1);
    out.addAll(closed);
    if (tailInsert != null) {
      out.add(
          new InsertOp(
              tailInsert.id(),
              tailInsert.originLeft(),
              tailInsert.originRight(),
              tailText.toString()));
    } else if (tailDelete != null) {
      out.add(new DeleteOp(tailDelete.id(), tailDelete.target(), tailLength));
    }
    return Collections.unmodifiableList(out);
  }

  /** The number of events (code points inserted or deleted) appended. */
  public long events() {
    return events;
  }
}
