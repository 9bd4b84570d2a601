package org.rhizome.ui.names;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.query.NoteName;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.workbench.AppContext;

/**
 * Every title and alias of the workspace, kept in memory for the quick switcher and for {@code [[}
 * completion, with a fuzzy {@link #match}. Loaded in the background; reloaded (in the background,
 * the old list serving meanwhile) after a change that can rename a note.
 *
 * <p>{@link #match} is thread-safe and reads an immutable snapshot; the rest is FX thread only.
 */
public final class NoteNameIndex {
  /** The most names kept: more than any real vault, and a bound on memory for a hostile one. */
  static final int MAX_NAMES = 2_000_000;

  /** One name with its lower-cased form. */
  public record Entry(NoteName name, String lower) {
    public NoteRef note() {
      return name.note();
    }
  }

  /** A match and its score. */
  public record Match(Entry entry, int score) {}

  private final AppContext context;
  private volatile List<Entry> entries = List.of();
  private boolean loading;
  private boolean stale = true;
  private final List<Runnable> whenLoaded = new ArrayList<>();

  public NoteNameIndex(AppContext context) {
    this.context = context;
    context.onChanges(this::onChanges);
  }

  /**
   * Runs {@code then} once names are there: at once when some are loaded, and again after a reload
   * of stale names (which goes on in the background, so a picker never waits on it); else after the
   * first load.
   */
  public void refresh(Runnable then) {
    boolean haveSome = !entries.isEmpty() || (!stale && !loading);
    if (haveSome) {
      then.run();
    }
    if (!stale && !loading) {
      return;
    }
    whenLoaded.add(then);
    if (loading) {
      return;
    }
    loading = true;
    stale = false;
    context
        .background()
        .load(
            () -> {
              List<NoteName> names = context.workspace().noteNames(MAX_NAMES);
              List<Entry> out = new ArrayList<>(names.size());
              for (NoteName n : names) {
                out.add(new Entry(n, n.name().toLowerCase(Locale.ROOT)));
              }
              return List.copyOf(out);
            },
            loaded -> {
              entries = loaded;
              finishLoading();
            },
            "Could not load the note titles")
        .exceptionally(
            e -> {
              javafx.application.Platform.runLater(this::finishLoading);
              return null;
            });
  }

  private void finishLoading() {
    loading = false;
    List<Runnable> callbacks = List.copyOf(whenLoaded);
    whenLoaded.clear();
    callbacks.forEach(Runnable::run);
    if (stale) {
      refresh(() -> {});
    }
  }

  public int size() {
    return entries.size();
  }

  /**
   * The best {@code limit} matches for {@code query}, best first; for an empty query, the first
   * {@code limit} names. Thread-safe.
   */
  public List<Match> match(String query, int limit) {
    List<Entry> all = entries;
    FuzzyMatcher matcher = new FuzzyMatcher(query);
    if (matcher.isEmpty()) {
      List<Match> first = new ArrayList<>();
      for (Entry e : all) {
        if (first.size() == limit) {
          break;
        }
        if (!e.name().isAlias()) {
          first.add(new Match(e, 0));
        }
      }
      return first;
    }
    Comparator<Match> worstFirst = Comparator.comparingInt(Match::score);
    PriorityQueue<Match> best = new PriorityQueue<>(limit + 1, worstFirst);
    for (Entry e : all) {
      int score = matcher.score(e.lower());
      if (score == FuzzyMatcher.NO_MATCH) {
        continue;
      }
      if (best.size() < limit) {
        best.add(new Match(e, score));
      } else if (score > best.peek().score()) {
        best.poll();
        best.add(new Match(e, score));
      }
    }
    List<Match> out = new ArrayList<>(best);
    out.sort(worstFirst.reversed());
    return out;
  }

  private void onChanges(ChangeEvent event) {
    for (Change change : event.changes()) {
      for (Op op : change.ops()) {
        // A new or renamed note sets its title; aliases live in the body's front matter; deletion
        // sets a field.
        if (op instanceof Op.SetField || op instanceof Op.TextEdit) {
          stale = true;
          return;
        }
      }
    }
  }

  /** Loads now if stale, so the next picker opens on fresh names. */
  public void preload() {
    refresh(() -> {});
  }
}
