package org.rhizome.graph.vault;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.VersionedText;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.TextVersion;

/**
 * For each note file, the body version the mirror last wrote to it (or found in it): what a save by
 * another editor is diffed against, so edits that reached the note since stay. The version of every
 * file is kept (a few actor counts); its text only for the most recently used files, up to {@link
 * #MAX_CHARS} characters in all — a file whose text was dropped is diffed against its version
 * replayed from the log. Not thread-safe: confined to the mirror's worker.
 */
final class WrittenTexts {
  /** Texts kept in memory, in characters (about 8 MB). */
  static final long MAX_CHARS = 4_000_000;

  private final long maxChars;
  private final Map<Soul, TextVersion> versions = new HashMap<>();
  private final LinkedHashMap<Soul, String> texts = new LinkedHashMap<>(64, 0.75f, true);
  private long chars;

  WrittenTexts() {
    this(MAX_CHARS);
  }

  WrittenTexts(long maxChars) {
    this.maxChars = maxChars;
  }

  void put(Soul soul, VersionedText written) {
    versions.put(soul, written.version());
    String old = texts.put(soul, written.text());
    chars += written.text().length() - (old == null ? 0 : old.length());
    Iterator<Map.Entry<Soul, String>> eldest = texts.entrySet().iterator();
    while (chars > maxChars && eldest.hasNext()) {
      Map.Entry<Soul, String> e = eldest.next();
      if (e.getKey().equals(soul)) {
        continue; // the text just written stays, however long
      }
      chars -= e.getValue().length();
      eldest.remove();
    }
  }

  /** The text and version last written, when the text is still kept. */
  Optional<VersionedText> text(Soul soul) {
    String text = texts.get(soul);
    TextVersion version = versions.get(soul);
    return text == null || version == null
        ? Optional.empty()
        : Optional.of(new VersionedText(text, version));
  }

  /**
   * The version last written (kept for every file), or null when the mirror never wrote or read
   * this note.
   */
  @Nullable TextVersion version(Soul soul) {
    return versions.get(soul);
  }

  void remove(Soul soul) {
    versions.remove(soul);
    String old = texts.remove(soul);
    if (old != null) {
      chars -= old.length();
    }
  }

  /** Characters of text kept (for tests). */
  long chars() {
    return chars;
  }
}
