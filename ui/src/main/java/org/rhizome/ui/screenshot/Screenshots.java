package org.rhizome.ui.screenshot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.NoteRef;
import org.rhizome.ui.peers.SyncExtension;
import org.rhizome.ui.shell.DesktopSession;

/**
 * The shots {@code rhizome screenshot} takes, in order. To add a view (graph, history, sync…), add
 * a {@link Shot} to {@link #standard()} whose {@code prepare} opens it — e.g. {@code new
 * Shot("graph", s -> { s.context().commands().run("graph.open"); return settled(s); })}.
 */
public final class Screenshots {
  private Screenshots() {}

  public static List<Shot> standard() {
    List<Shot> shots = new ArrayList<>();
    shots.add(new Shot("main", s -> openNote(s, "Links and backlinks")));
    shots.add(
        new Shot(
            "reading",
            s ->
                openNote(s, "Welcome")
                    .thenCompose(
                        v -> {
                          CompletableFuture<Void> done = new CompletableFuture<>();
                          Platform.runLater(
                              () -> {
                                s.window()
                                    .editors()
                                    .activeNoteTab()
                                    .ifPresent(
                                        t -> {
                                          if (!t.isReading()) {
                                            t.toggleReading();
                                          }
                                        });
                                done.complete(null);
                              });
                          return done;
                        })
                    .thenCompose(v -> settled(s, 1500))));
    shots.add(
        new Shot(
            "search",
            s ->
                openNote(s, "Finding things")
                    .thenCompose(
                        v -> {
                          CompletableFuture<Void> done = new CompletableFuture<>();
                          Platform.runLater(
                              () -> {
                                s.window().showSearch();
                                s.window().search().queryField().setText("link*");
                                done.complete(null);
                              });
                          return done;
                        })
                    .thenCompose(v -> settled(s, 800))));
    shots.add(
        new Shot(
            "switcher",
            s -> {
              Platform.runLater(
                  () -> {
                    s.window().switcher().show();
                    s.window().switcher().picker().queryField().setText("lnk");
                  });
              return settled(s, 600);
            }));
    shots.add(
        new Shot(
            "palette",
            s -> {
              Platform.runLater(() -> s.window().palette().show());
              return settled(s, 600);
            }));
    shots.add(
        new Shot(
            "sync",
            s -> {
              // Registered by the sync extension, which app installs; a window without it has no
              // sync shot to take.
              Platform.runLater(
                  () ->
                      s.context()
                          .commands()
                          .find(SyncExtension.COMMAND)
                          .ifPresent(c -> c.action().run()));
              return settled(s, 800);
            }));
    shots.add(
        new Shot(
            "graph",
            s -> {
              Platform.runLater(() -> s.context().commands().run("graph.open"));
              return settled(s, 4000);
            }));
    shots.add(
        new Shot(
            "history",
            s ->
                openNote(s, "Welcome")
                    .thenCompose(
                        v -> {
                          Platform.runLater(() -> s.context().commands().run("note.history"));
                          return settled(s, 1500);
                        })));
    return shots;
  }

  /**
   * Opens the note with this title (reading the workspace in the background), then lets the panes
   * fill.
   */
  public static CompletableFuture<Void> openNote(DesktopSession s, String title) {
    return CompletableFuture.supplyAsync(
            () -> {
              try {
                return s.context().workspace().resolve(title).map(NoteRef::soul);
              } catch (Exception e) {
                throw new IllegalStateException("cannot resolve " + title, e);
              }
            })
        .thenCompose(
            soul -> {
              CompletableFuture<Void> shown = new CompletableFuture<>();
              Platform.runLater(
                  () -> {
                    s.window().overlay().hide();
                    if (soul.isEmpty()) {
                      shown.complete(null);
                    } else {
                      Soul found = soul.get();
                      s.window().openNote(found, () -> shown.complete(null));
                    }
                  });
              return shown;
            })
        .thenCompose(v -> settled(s, 700));
  }

  /** Completes after {@code millis}, so background loads finish and the scene lays out. */
  public static CompletableFuture<Void> settled(DesktopSession s, long millis) {
    return CompletableFuture.runAsync(
        () -> {},
        CompletableFuture.delayedExecutor(millis, java.util.concurrent.TimeUnit.MILLISECONDS));
  }
}
