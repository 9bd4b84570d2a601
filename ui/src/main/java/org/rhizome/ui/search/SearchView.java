package org.rhizome.ui.search;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.util.Duration;
import org.rhizome.graph.query.SearchHit;
import org.rhizome.graph.query.Snippet;
import org.rhizome.ui.workbench.AppContext;

/**
 * Full-text search (Ctrl/Cmd-Shift-F): the engine's query language (words, {@code pre*}, {@code "a
 * phrase"}, {@code OR}, {@code -word}, {@code title:}, {@code tag:}), results ranked with a snippet
 * whose matches are highlighted. Searches run in the background a moment after typing stops; only
 * the newest query's results are shown.
 *
 * <p>FX thread only.
 */
public final class SearchView {
  static final int MAX_RESULTS = 100;

  private final AppContext context;
  private final TextField query = new TextField();
  private final ListView<SearchHit> results = new ListView<>();
  private final Label summary =
      new Label("Words, \"a phrase\", pre*, a OR b, -word, title:word, tag:name");
  private final PauseTransition searchLater = new PauseTransition(Duration.millis(120));
  private final AtomicLong latest = new AtomicLong();
  private final VBox root;

  public SearchView(AppContext context) {
    this.context = context;
    query.setPromptText("Search all notes");
    query.getStyleClass().add("search-query");
    query.textProperty().addListener((obs, old, text) -> searchLater.playFromStart());
    query.setOnAction(e -> search());
    query.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.DOWN && !results.getItems().isEmpty()) {
            results.requestFocus();
            results.getSelectionModel().selectFirst();
          }
        });
    searchLater.setOnFinished(e -> search());
    summary.setWrapText(true);
    summary.getStyleClass().addAll("text-muted", "text-small");
    results.setCellFactory(v -> new HitCell());
    results.getStyleClass().add("search-results");
    results.setOnMouseClicked(e -> openSelected());
    results.setOnKeyPressed(
        e -> {
          if (e.getCode() == KeyCode.ENTER) {
            openSelected();
          }
        });
    VBox.setVgrow(results, Priority.ALWAYS);
    root = new VBox(6, query, summary, results);
    root.setPadding(new Insets(8));
  }

  public Node node() {
    return root;
  }

  public TextField queryField() {
    return query;
  }

  public ListView<SearchHit> resultList() {
    return results;
  }

  /** Focuses the query field, its text selected. */
  public void focus() {
    Platform.runLater(
        () -> {
          query.requestFocus();
          query.selectAll();
        });
  }

  private void search() {
    searchLater.stop();
    String text = query.getText().strip();
    long ticket = latest.incrementAndGet();
    if (text.isEmpty()) {
      results.getItems().clear();
      summary.setText("Words, \"a phrase\", pre*, a OR b, -word, title:word, tag:name");
      return;
    }
    long started = System.nanoTime();
    context
        .background()
        .supply(() -> context.workspace().search(text, MAX_RESULTS))
        .whenComplete(
            (hits, failure) ->
                Platform.runLater(
                    () -> {
                      if (ticket != latest.get()) {
                        return;
                      }
                      if (failure != null) {
                        results.getItems().clear();
                        summary.setText("Cannot search for that: " + messageOf(failure));
                        return;
                      }
                      show(hits, (System.nanoTime() - started) / 1_000_000);
                    }));
  }

  private void show(List<SearchHit> hits, long millis) {
    results.getItems().setAll(hits);
    String count =
        hits.size() >= MAX_RESULTS
            ? "The first " + MAX_RESULTS + " results"
            : hits.size() == 1 ? "1 result" : hits.size() + " results";
    summary.setText(count + " · " + millis + " ms");
  }

  private static String messageOf(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException)) {
      t = t.getCause();
    }
    return t.getMessage() == null ? "the query is not valid" : t.getMessage();
  }

  private void openSelected() {
    SearchHit hit = results.getSelectionModel().getSelectedItem();
    if (hit != null) {
      context.openNote(hit.note().soul());
    }
  }

  /** A result: the title, then the snippet with the matches in bold. */
  private static final class HitCell extends ListCell<SearchHit> {
    @Override
    protected void updateItem(SearchHit item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setGraphic(null);
        setText(null);
        return;
      }
      Label title = new Label(item.note().title());
      title.getStyleClass().add("search-hit-title");
      TextFlow snippet = snippet(item.snippet());
      snippet.getStyleClass().add("search-hit-snippet");
      snippet.setMaxWidth(280);
      snippet.prefWidthProperty().bind(widthProperty().subtract(30));
      VBox box = new VBox(2, title, snippet);
      setGraphic(box);
      setText(null);
    }

    private static TextFlow snippet(Snippet s) {
      TextFlow flow = new TextFlow();
      int at = 0;
      for (Snippet.Highlight h : s.highlights()) {
        flow.getChildren().add(text(s.text().substring(at, h.start()), false));
        flow.getChildren().add(text(s.text().substring(h.start(), h.end()), true));
        at = h.end();
      }
      flow.getChildren().add(text(s.text().substring(at), false));
      return flow;
    }

    private static Text text(String s, boolean match) {
      Text t = new Text(s.replace('\n', ' '));
      t.getStyleClass().add(match ? "snippet-match" : "snippet-text");
      return t;
    }
  }
}
