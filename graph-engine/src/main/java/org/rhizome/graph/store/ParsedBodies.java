package org.rhizome.graph.store;

import java.util.LinkedHashMap;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.markdown.ParsedNote;

/**
 * Markdown parses done ahead of time, off the writer thread (by the caller of a local edit, or by
 * the threads that verify remote changes), and taken by the writer when it indexes that body.
 * Parsing is pure, so a parse made early is the one the writer would make; a guess that is never
 * taken (a remote edit whose result differs) simply ages out. Bounded: the oldest entries go first.
 * Thread-safe.
 */
public final class ParsedBodies {
  /**
   * Bounds of what waits to be taken. Catch-up verifies (and parses) up to its window of batches
   * ahead of the writer — thousands of bodies — so the bound must hold them all, or the oldest
   * parses are dropped just before the writer needs them and it parses again.
   */
  static final int MAX_ENTRIES = 65_536;

  /**
   * ... and at most this many characters of bodies, so a few huge notes cannot hold much memory.
   */
  static final long MAX_CHARS = 8L << 20;

  private final MarkdownParser parser;
  private final int maxEntries;
  private final long maxChars;

  /** Guarded by {@code this}. */
  private final LinkedHashMap<String, ParsedNote> ready = new LinkedHashMap<>(256, 0.75f, false);

  /** The length of every body in {@link #ready}; guarded by {@code this}. */
  private long chars;

  public ParsedBodies(MarkdownParser parser) {
    this(parser, MAX_ENTRIES, MAX_CHARS);
  }

  ParsedBodies(MarkdownParser parser, int maxEntries, long maxChars) {
    this.parser = parser;
    this.maxEntries = maxEntries;
    this.maxChars = maxChars;
  }

  /** Parses {@code body} now, on the calling thread, for the writer to pick up. */
  public void prepare(String body) {
    if (!contains(body)) {
      put(body, parser.parse(body));
    }
  }

  /** As {@link #prepare}, returning the parse. */
  public ParsedNote prepareAndGet(String body) {
    ParsedNote p = get(body);
    if (p == null) {
      p = parser.parse(body);
      put(body, p);
    }
    return p;
  }

  /** Parses {@code body} on the calling thread. */
  public ParsedNote parse(String body) {
    return parser.parse(body);
  }

  /** The parse of {@code body}: the prepared one if there is one, else parsed now. */
  ParsedNote take(String body) {
    ParsedNote p;
    synchronized (this) {
      p = ready.remove(body);
      if (p != null) {
        chars -= body.length();
      }
    }
    return p != null ? p : parser.parse(body);
  }

  /** How many parses wait (for tests). */
  synchronized int size() {
    return ready.size();
  }

  private synchronized boolean contains(String body) {
    return ready.containsKey(body);
  }

  private synchronized ParsedNote get(String body) {
    return ready.get(body);
  }

  private synchronized void put(String body, ParsedNote parsed) {
    if (ready.put(body, parsed) == null) {
      chars += body.length();
    }
    var oldest = ready.entrySet().iterator();
    while (ready.size() > 1 && (ready.size() > maxEntries || chars > maxChars)) {
      chars -= oldest.next().getKey().length();
      oldest.remove();
    }
  }
}
