package org.rhizome.app.cli.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.fxmisc.richtext.CodeArea;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;
import org.rhizome.ui.editor.NoteEditorView;
import org.rhizome.ui.shell.DesktopApp;
import org.rhizome.ui.shell.DesktopSession;
import org.rhizome.ui.shell.Pulses;
import org.rhizome.ui.shell.UiServices;

/**
 * What the editor's helpers cost a keystroke in a ~200 KB note: key events fired at the real editor
 * in the real window, each through the helpers' key filters and edit path — a plain character (the
 * helpers look and do nothing), a pairing bracket, Enter in a list item, Backspace in an empty
 * pair, a character of a {@code #tag} being completed, and a character typed while the find bar is
 * open — plus the find bar's own search of the whole note and one Replace all. For each: {@code
 * handled} (wall time of the event's dispatch), {@code fx_thread_cpu} (the FX thread's CPU over the
 * same span, which a busy machine does not inflate) and {@code on_screen} (until the next frame has
 * been laid out).
 */
final class EditorAssistBench {
  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();
  private static final int WARMUP = 40;

  private final Path dir;
  private final int rounds;
  private final PrintStream progress;
  private DesktopSession session;
  private CodeArea area;
  private NoteEditorView editor;

  EditorAssistBench(Path dir, int rounds, PrintStream progress) {
    this.dir = dir;
    this.rounds = rounds;
    this.progress = progress;
  }

  Map<String, Object> run() throws Exception {
    UiBenchWorkspace.Generated g = UiBenchWorkspace.create(dir, 500, progress);
    Map<String, Object> out = new LinkedHashMap<>();
    try (Workspace ws = g.data().openDefaultWorkspace()) {
      session = DesktopApp.open(UiServices.of(ws, g.data().root()));
      session.ready().get(UiBench.STEP_TIMEOUT_S, TimeUnit.SECONDS);
      open(g.bigNote());
      out.put("note_chars", fx(() -> area.getLength()));
      fx(
          () -> {
            area.moveTo(area.getLength() / 2);
            area.insertText(area.getCaretPosition(), "\n");
            return 0;
          });
      out.put("plain_char", measure(i -> typed(String.valueOf((char) ('a' + i % 26)))));
      out.put("pairing_open_bracket", measure(i -> typed(i % 2 == 0 ? "(" : ")")));
      out.put(
          "backspace_in_empty_pair",
          measure(
              i -> {
                if (i % 2 == 0) {
                  typed("[");
                } else {
                  pressed(KeyCode.BACK_SPACE);
                }
              }));
      fx(
          () -> {
            area.insertText(area.getCaretPosition(), "\n- item");
            return 0;
          });
      out.put(
          "enter_in_list_item",
          measure(
              i -> {
                if (i % 2 == 0) {
                  pressed(KeyCode.ENTER);
                } else {
                  typed("x");
                }
              }));
      fx(
          () -> {
            area.insertText(area.getCaretPosition(), "\nsee #");
            return 0;
          });
      out.put("tag_being_typed", measure(i -> typed(String.valueOf((char) ('a' + i % 26)))));
      fx(
          () -> {
            editor.assist().tags().accept();
            editor.assist().find().openFind();
            editor.assist().find().queryField().setText("Part");
            area.moveTo(area.getLength() / 2);
            area.requestFocus();
            return 0;
          });
      out.put(
          "char_with_find_bar_open", measure(i -> typed(String.valueOf((char) ('a' + i % 26)))));
      out.put(
          "find_bar_search_whole_note",
          measure(i -> editor.assist().find().queryField().setText(i % 2 == 0 ? "Part" : "Part ")));
      Map<String, Object> replaceAll = new LinkedHashMap<>();
      long[] t = new long[3];
      fx(
          () -> {
            editor.assist().find().queryField().setText("Part");
            editor.assist().find().replacementField().setText("Section");
            t[2] =
                org.rhizome.ui.editor.assist.FindMatches.find(area.getText(), "Part", false).length;
            t[1] = THREADS.getCurrentThreadCpuTime();
            t[0] = System.nanoTime();
            editor.assist().find().replaceAll();
            t[0] = System.nanoTime() - t[0];
            t[1] = THREADS.getCurrentThreadCpuTime() - t[1];
            return 0;
          });
      replaceAll.put("matches", t[2]);
      replaceAll.put("wall_ms", Percentiles.ms(t[0]));
      replaceAll.put("fx_thread_cpu_ms", Percentiles.ms(t[1]));
      out.put("replace_all", replaceAll);
      CompletableFuture<Void> closed = session.closed();
      Platform.runLater(session::close);
      closed.get(UiBench.STEP_TIMEOUT_S, TimeUnit.SECONDS);
    }
    return out;
  }

  private void open(Soul big) throws Exception {
    CompletableFuture<Long> shown = new CompletableFuture<>();
    Platform.runLater(() -> session.window().openNote(big, () -> shown.complete(0L)));
    shown.get(UiBench.STEP_TIMEOUT_S, TimeUnit.SECONDS);
    editor = fx(() -> session.window().editors().noteTab(big).orElseThrow().editor());
    area = editor.area();
    fx(
        () -> {
          area.requestFocus();
          return 0;
        });
  }

  private void typed(String ch) {
    Event.fireEvent(
        area,
        new KeyEvent(KeyEvent.KEY_TYPED, ch, "", KeyCode.UNDEFINED, false, false, false, false));
  }

  private void pressed(KeyCode code) {
    Event.fireEvent(
        area, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", code, false, false, false, false));
  }

  /**
   * One keystroke (or action) {@code rounds + WARMUP} times on the FX thread, each followed by a
   * frame.
   */
  private Map<String, Object> measure(java.util.function.IntConsumer action) throws Exception {
    Percentiles handled = new Percentiles();
    Percentiles cpu = new Percentiles();
    Percentiles onScreen = new Percentiles();
    for (int i = 0; i < rounds + WARMUP; i++) {
      int n = i;
      long[] t = new long[3];
      CompletableFuture<Long> frame = new CompletableFuture<>();
      Platform.runLater(
          () -> {
            t[2] = THREADS.getCurrentThreadCpuTime();
            t[0] = System.nanoTime();
            action.accept(n);
            t[1] = System.nanoTime();
            t[2] = THREADS.getCurrentThreadCpuTime() - t[2];
            Pulses.next(session.stage().getScene())
                .whenComplete(
                    (end, e) -> {
                      if (e != null) {
                        frame.completeExceptionally(e);
                      } else {
                        frame.complete(end);
                      }
                    });
          });
      long end = frame.get(UiBench.STEP_TIMEOUT_S, TimeUnit.SECONDS);
      if (i >= WARMUP) {
        handled.add(t[1] - t[0]);
        cpu.add(t[2]);
        onScreen.add(end - t[0]);
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("handled", handled.summaryMillis());
    out.put("fx_thread_cpu", cpu.summaryMillis());
    out.put("on_screen", onScreen.summaryMillis());
    return out;
  }

  private static <T> T fx(Callable<T> work) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(work.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(UiBench.STEP_TIMEOUT_S, TimeUnit.SECONDS);
  }
}
