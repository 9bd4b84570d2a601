package org.rhizome.graph.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * What happened to one live document's visible text, in the order its replica applied it: for each
 * change, the version it left and its effect as splices. An editor that last saw version V sends
 * splices made on V; the engine finds the effects after V here and rebases the splices past them
 * ({@link SpliceTransform}). Keeps the most recent {@link #MAX_ENTRIES} changes.
 *
 * <p>Not thread-safe: confined with its document.
 */
public final class TextTimeline {
  static final int MAX_ENTRIES = 4096;

  private record Entry(TextVersion after, List<Splice> effects) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private TextVersion start;
  private TextVersion now;

  /** A timeline starting at {@code version} (the document as loaded). */
  public TextTimeline(TextVersion version) {
    this.start = version;
    this.now = version;
  }

  /** The version after the last recorded change. */
  public TextVersion version() {
    return now;
  }

  /** Records a change that took the text to {@code after} with {@code effects}. */
  public void record(TextVersion after, List<Splice> effects) {
    entries.addLast(new Entry(after, List.copyOf(effects)));
    now = after;
    while (entries.size() > MAX_ENTRIES) {
      start = entries.removeFirst().after();
    }
  }

  /**
   * The effects, in order, of every change recorded after {@code base}; empty when {@code base} is
   * the current version, absent when {@code base} is not a version this timeline passed through
   * (older than it remembers, or a state this replica never had).
   */
  public Optional<List<Splice>> effectsSince(TextVersion base) {
    if (base.equals(now)) {
      return Optional.of(List.of());
    }
    List<List<Splice>> after = new ArrayList<>();
    Iterator<Entry> back = entries.descendingIterator();
    boolean found = false;
    while (back.hasNext()) {
      Entry e = back.next();
      if (e.after().equals(base)) {
        found = true;
        break;
      }
      after.add(e.effects());
    }
    if (!found && !start.equals(base)) {
      return Optional.empty();
    }
    List<Splice> out = new ArrayList<>();
    for (int i = after.size() - 1; i >= 0; i--) {
      out.addAll(after.get(i));
    }
    return Optional.of(out);
  }
}
