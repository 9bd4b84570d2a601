package org.rhizome.graph.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
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
  static final int MAX_ENTRIES = 4096;

  private final MarkdownParser parser;
  private final Map<String, ParsedNote> ready =
      Collections.synchronizedMap(
          new LinkedHashMap<>(256, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ParsedNote> eldest) {
              return size() > MAX_ENTRIES;
            }
          });

  public ParsedBodies(MarkdownParser parser) {
    this.parser = parser;
  }

  /** Parses {@code body} now, on the calling thread, for the writer to pick up. */
  public void prepare(String body) {
    if (!ready.containsKey(body)) {
      ready.put(body, parser.parse(body));
    }
  }

  /** As {@link #prepare}, returning the parse. */
  public ParsedNote prepareAndGet(String body) {
    ParsedNote p = ready.get(body);
    if (p == null) {
      p = parser.parse(body);
      ready.put(body, p);
    }
    return p;
  }

  /** Parses {@code body} on the calling thread. */
  public ParsedNote parse(String body) {
    return parser.parse(body);
  }

  /** The parse of {@code body}: the prepared one if there is one, else parsed now. */
  ParsedNote take(String body) {
    ParsedNote p = ready.remove(body);
    return p != null ? p : parser.parse(body);
  }
}
