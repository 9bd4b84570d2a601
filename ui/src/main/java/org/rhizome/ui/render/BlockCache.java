package org.rhizome.ui.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The rendered HTML of runs of blocks ({@link MarkdownBlocks}), kept between renders so that
 * editing a big note renders again only the run that changed. A run's HTML depends on its text and
 * on what its links reached: every question asked of {@link RenderLinks} while rendering it (which
 * note a link reaches, the text of an embedded note, an attachment's address) is kept with it and
 * asked again before the HTML is reused — when one answer differs (a note was created, an embedded
 * note changed), the run renders again. Runs with a custom fenced block ({@code ```query}) are
 * never kept: their result may depend on any note.
 *
 * <p>Bounded by characters held (least recently used go first). Thread-safe.
 */
final class BlockCache {
  private final long maxChars;
  private long chars;
  private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

  BlockCache(long maxChars) {
    this.maxChars = maxChars;
  }

  record Key(String text, String noteId, String folder) {}

  /**
   * A run rendered: its HTML (with {@link PageAssembly} markers), what it defines and uses, and
   * what it asked.
   */
  record Entry(
      String html,
      Map<String, String> footnotes,
      List<String> inlineFootnotes,
      Set<RenderedNote.Feature> features,
      Set<String> linked,
      Set<String> embedded,
      List<Question> asked) {
    long size() {
      return html.length() + 64L * asked.size();
    }
  }

  /** A run's HTML if it is still right for {@code links}, else null. */
  Entry get(Key key, RenderLinks links) {
    Entry e;
    synchronized (this) {
      e = entries.get(key);
    }
    if (e == null) {
      return null;
    }
    for (Question q : e.asked()) {
      if (!q.sameAnswer(links)) {
        return null;
      }
    }
    return e;
  }

  synchronized void put(Key key, Entry entry) {
    long size = entry.size() + key.text().length();
    if (size > maxChars / 4) {
      return;
    }
    Entry old = entries.put(key, entry);
    if (old != null) {
      chars -= old.size() + key.text().length();
    }
    chars += size;
    var it = entries.entrySet().iterator();
    while (chars > maxChars && it.hasNext()) {
      var oldest = it.next();
      chars -= oldest.getValue().size() + oldest.getKey().text().length();
      it.remove();
    }
  }

  synchronized void clear() {
    entries.clear();
    chars = 0;
  }

  /** One question asked of the links while rendering, with its answer. */
  sealed interface Question {
    boolean sameAnswer(RenderLinks links);
  }

  record NoteQuestion(String folder, String target, Optional<RenderLinks.NoteTarget> answer)
      implements Question {
    @Override
    public boolean sameAnswer(RenderLinks links) {
      return answer.equals(links.note(folder, target));
    }
  }

  record BodyQuestion(RenderLinks.NoteTarget note, Optional<String> answer) implements Question {
    @Override
    public boolean sameAnswer(RenderLinks links) {
      return answer.equals(links.body(note));
    }
  }

  record FileQuestion(String folder, String target, Optional<RenderLinks.FileTarget> answer)
      implements Question {
    @Override
    public boolean sameAnswer(RenderLinks links) {
      return answer.equals(links.attachment(folder, target));
    }
  }

  record UnresolvedQuestion(String target, String answer) implements Question {
    @Override
    public boolean sameAnswer(RenderLinks links) {
      return Objects.equals(answer, links.unresolvedHref(target));
    }
  }

  /** {@link RenderLinks} that keeps each question and answer (the same question once). */
  static final class Recording implements RenderLinks {
    final RenderLinks inner;
    final List<Question> asked = new ArrayList<>();
    private final Map<Object, Boolean> seen = new java.util.HashMap<>();

    /** Set when a custom fenced block rendered: the run must not be kept. */
    boolean uncacheable;

    Recording(RenderLinks inner) {
      this.inner = inner;
    }

    private void keep(Question q) {
      if (seen.putIfAbsent(q, Boolean.TRUE) == null) {
        asked.add(q);
      }
    }

    @Override
    public Optional<NoteTarget> note(String sourceFolder, String target) {
      Optional<NoteTarget> a = inner.note(sourceFolder, target);
      keep(new NoteQuestion(sourceFolder, target, a));
      return a;
    }

    @Override
    public Optional<String> body(NoteTarget note) {
      Optional<String> a = inner.body(note);
      keep(new BodyQuestion(note, a));
      return a;
    }

    @Override
    public Optional<FileTarget> attachment(String sourceFolder, String target) {
      Optional<FileTarget> a = inner.attachment(sourceFolder, target);
      keep(new FileQuestion(sourceFolder, target, a));
      return a;
    }

    @Override
    public String unresolvedHref(String target) {
      String a = inner.unresolvedHref(target);
      keep(new UnresolvedQuestion(target, a));
      return a;
    }
  }
}
