package org.rhizome.ui.switcher;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.util.Callback;
import org.rhizome.ui.workbench.BackgroundExecutor;

/**
 * A type-to-filter list in the {@link Overlay}: the quick switcher and the command palette are both
 * one. Matching runs in the background (only the newest query's result is shown), so typing never
 * waits on it. Up/Down move, Enter chooses, Escape closes.
 *
 * <p>FX thread only.
 */
public final class PickerView<T> {
  private final Overlay overlay;
  private final BackgroundExecutor background;
  private final Function<String, List<T>> matcher;
  private final Consumer<T> onChoose;
  private final TextField query = new TextField();
  private final ListView<T> results = new ListView<>();
  private final Label hint = new Label();
  private final VBox box;
  private final AtomicLong latest = new AtomicLong();

  /**
   * Whether a query is matched on the FX thread (cheap matchers: no thread hop, results in the same
   * frame).
   */
  private java.util.function.BooleanSupplier matchInline = () -> false;

  /** The query whose results the list shows; Enter on a newer query waits for its results. */
  private long shownTicket;

  private boolean chooseWhenShown;

  /**
   * @param matcher query to items, best first; called on a background thread, must be thread-safe
   * @param onChoose called on the FX thread, after the picker closed
   */
  public PickerView(
      Overlay overlay,
      BackgroundExecutor background,
      String prompt,
      Function<String, List<T>> matcher,
      Callback<ListView<T>, ListCell<T>> cells,
      Consumer<T> onChoose) {
    this.overlay = overlay;
    this.background = background;
    this.matcher = matcher;
    this.onChoose = onChoose;
    query.setPromptText(prompt);
    query.getStyleClass().add("picker-query");
    results.setCellFactory(cells);
    results.getStyleClass().add("picker-results");
    results.setPrefHeight(360);
    // As tall as its rows (up to 360 px), so two results do not sit in an empty box.
    results
        .prefHeightProperty()
        .bind(
            javafx.beans.binding.Bindings.min(
                360, javafx.beans.binding.Bindings.size(results.getItems()).multiply(38).add(6)));
    results.setFocusTraversable(false);
    results.setOnMouseClicked(e -> choose());
    hint.getStyleClass().addAll("text-muted", "text-small");
    box = new VBox(8, query, results, hint);
    box.setPadding(new Insets(10));
    box.setMaxWidth(620);
    box.setMaxHeight(VBox.USE_PREF_SIZE);
    box.getStyleClass().add("picker");
    query.textProperty().addListener((obs, old, text) -> search(text));
    query.setOnKeyPressed(
        e -> {
          KeyCode code = e.getCode();
          if (code == KeyCode.DOWN || code == KeyCode.UP) {
            int i =
                results.getSelectionModel().getSelectedIndex() + (code == KeyCode.DOWN ? 1 : -1);
            if (i >= 0 && i < results.getItems().size()) {
              results.getSelectionModel().select(i);
              results.scrollTo(i);
            }
            e.consume();
          } else if (code == KeyCode.ENTER) {
            choose();
            e.consume();
          } else if (code == KeyCode.ESCAPE) {
            overlay.hide();
            e.consume();
          }
        });
  }

  /**
   * Matches on the FX thread while {@code inline} says so — for matchers that take a millisecond or
   * two, where handing the query to another thread and back would cost more than the match.
   */
  public void setMatchInline(java.util.function.BooleanSupplier inline) {
    this.matchInline = inline;
  }

  public void setHint(String text) {
    hint.setText(text);
  }

  /** Opens the picker with an empty query and focuses it. */
  public void show() {
    chooseWhenShown = false;
    overlay.show(box, () -> chooseWhenShown = false);
    query.clear();
    search("");
    Platform.runLater(query::requestFocus);
  }

  /**
   * Matches the current query again (the matcher's data changed, e.g. the names finished loading).
   */
  public void rematch() {
    search(query.getText());
  }

  public TextField queryField() {
    return query;
  }

  public ListView<T> resultList() {
    return results;
  }

  public Node node() {
    return box;
  }

  private void search(String text) {
    long ticket = latest.incrementAndGet();
    if (matchInline.getAsBoolean()) {
      show(ticket, matcher.apply(text));
      return;
    }
    background
        .supplyUrgently(() -> matcher.apply(text))
        .whenComplete(
            (items, failure) ->
                Platform.runLater(
                    () -> {
                      if (failure == null) {
                        show(ticket, items);
                      }
                    }));
  }

  private void show(long ticket, List<T> items) {
    if (ticket != latest.get()) {
      return;
    }
    shownTicket = ticket;
    results.getItems().setAll(items);
    if (!items.isEmpty()) {
      results.getSelectionModel().select(0);
      results.scrollTo(0);
    }
    if (chooseWhenShown) {
      chooseWhenShown = false;
      choose();
    }
  }

  private void choose() {
    if (shownTicket != latest.get()) {
      // Typed faster than the matcher: choose from this query's results once they are in.
      chooseWhenShown = true;
      return;
    }
    T chosen = results.getSelectionModel().getSelectedItem();
    if (chosen == null) {
      return;
    }
    overlay.hide();
    onChoose.accept(chosen);
  }
}
