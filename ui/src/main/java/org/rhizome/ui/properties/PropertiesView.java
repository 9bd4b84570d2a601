package org.rhizome.ui.properties;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.rhizome.graph.markdown.FrontMatter;
import org.rhizome.graph.markdown.FrontMatterLines;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.ui.workbench.AppContext;

/**
 * The note's front matter as a small table above it: one row per top-level key, edited with a
 * control of its type (text, list as comma-separated values, number, date, checkbox, link). A
 * change rewrites only that key's YAML lines, as an ordinary edit of the editor's text, so it is
 * synced, undoable and in history like typing. Only the front matter block is parsed (off the FX
 * thread, a moment after the text changes), so a long note costs nothing more. Invalid YAML is left
 * to the source, with a line saying so. Hidden when the note has no front matter.
 *
 * <p>FX thread only.
 */
public final class PropertiesView {
  /** One row: the key, its type and parsed value. */
  record Row(String key, RowKind type, Object value) {}

  /** What a parse found: rows, or a problem; {@code nanos} the parse time. */
  record Table(List<Row> rows, Optional<String> problem, long nanos) {
    static final Table NONE = new Table(List.of(), Optional.empty(), 0);
  }

  private final AppContext context;
  private final CodeArea area;
  private final Consumer<String> followLink;
  private final VBox root = new VBox();
  private final GridPane grid = new GridPane();
  private final Label problem = new Label();
  private final PauseTransition later = new PauseTransition(Duration.millis(150));
  private final MarkdownParser parser = new MarkdownParser();
  private Table shown = Table.NONE;
  private long generation;
  private long lastBuildNanos;

  /**
   * @param followLink opens a link target written in the note (the editor's link follower)
   */
  public PropertiesView(AppContext context, CodeArea area, Consumer<String> followLink) {
    this.context = context;
    this.area = area;
    this.followLink = followLink;
    root.getStyleClass().add("properties-view");
    root.setPadding(new Insets(0, 16, 6, 16));
    grid.setHgap(10);
    grid.setVgap(4);
    ColumnConstraints keys = new ColumnConstraints();
    keys.setMinWidth(90);
    ColumnConstraints values = new ColumnConstraints();
    values.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().setAll(keys, values);
    problem.getStyleClass().add("text-muted");
    show(Table.NONE);
    later.setOnFinished(e -> refresh());
    area.plainTextChanges()
        .subscribe(
            change -> {
              // Only edits in (or just after) the front matter can change it.
              if (change.getPosition() <= frontMatterEnd() + 4
                  || shown.rows().isEmpty() && change.getPosition() < 8) {
                later.playFromStart();
              }
            });
  }

  public Node node() {
    return root;
  }

  /** The rows shown (for tests). */
  List<Row> rows() {
    return shown.rows();
  }

  /**
   * How long the last parse took off the FX thread and the last table build on it, in ns (for the
   * figures).
   */
  long[] lastTimes() {
    return new long[] {shown.nanos(), lastBuildNanos};
  }

  private int frontMatterEnd() {
    return shown.rows().isEmpty() && shown.problem().isEmpty()
        ? 0
        : FrontMatterLines.find(area.getText()).map(FrontMatterLines::end).orElse(0);
  }

  /** Parses the front matter of the current text in the background and shows it. */
  public void refresh() {
    long mine = ++generation;
    String text = area.getText();
    Optional<FrontMatterLines> lines = FrontMatterLines.find(text);
    if (lines.isEmpty()) {
      show(Table.NONE);
      return;
    }
    String block = text.substring(0, lines.get().end());
    context
        .background()
        .load(
            () -> parse(block, lines.get()),
            table -> {
              // The same rows again (an edit in the body near the block): keep the controls as they
              // are.
              if (mine == generation
                  && !editing()
                  && !(table.rows().equals(shown.rows())
                      && table.problem().equals(shown.problem()))) {
                show(table);
              } else if (mine == generation) {
                shown = new Table(shown.rows(), shown.problem(), table.nanos());
              }
            },
            "Could not read the note's properties");
  }

  /** The rows of a front matter block (any thread). */
  Table parse(String block, FrontMatterLines lines) {
    long start = System.nanoTime();
    ParsedNote parsed = parser.parse(block);
    FrontMatter fm = parsed.frontMatter();
    if (fm.isEmpty() && !parsed.problems().isEmpty() && !lines.entries().isEmpty()) {
      return new Table(
          List.of(),
          Optional.of(
              "The properties are not valid YAML, so they are shown as text in the source ("
                  + parsed.problems().get(0)
                  + ")."),
          System.nanoTime() - start);
    }
    List<Row> rows = new ArrayList<>();
    for (FrontMatterLines.Entry e : lines.entries()) {
      String k = e.key().toLowerCase(Locale.ROOT);
      Object value =
          k.equals("tags") || k.equals("tag")
              ? fm.tags()
              : k.equals("aliases") || k.equals("alias")
                  ? fm.aliases()
                  : fm.properties().get(e.key());
      if (value instanceof java.util.Map<?, ?>) {
        continue; // nested maps are edited in the source
      }
      rows.add(
          new Row(
              e.key(),
              RowKind.of(e.key(), value == null ? "" : value),
              value == null ? "" : value));
    }
    return new Table(rows, Optional.empty(), System.nanoTime() - start);
  }

  private boolean editing() {
    return root.getScene() != null
        && root.getScene().getFocusOwner() != null
        && isInside(root.getScene().getFocusOwner());
  }

  private boolean isInside(Node n) {
    for (Node at = n; at != null; at = at.getParent()) {
      if (at == root) {
        return true;
      }
    }
    return false;
  }

  private void show(Table table) {
    long start = System.nanoTime();
    shown = table;
    grid.getChildren().clear();
    int r = 0;
    for (Row row : table.rows()) {
      Label key = new Label(row.key());
      key.getStyleClass().addAll("property-key", "text-muted");
      Node editor = editorFor(row);
      grid.addRow(r++, key, editor);
    }
    if (table.problem().isPresent()) {
      problem.setText(table.problem().get());
      root.getChildren().setAll(problem);
    } else {
      root.getChildren().setAll(grid);
    }
    boolean any = !table.rows().isEmpty() || table.problem().isPresent();
    root.setVisible(any);
    root.setManaged(any);
    lastBuildNanos = System.nanoTime() - start;
  }

  private Node editorFor(Row row) {
    Control c =
        switch (row.type()) {
          case CHECKBOX -> {
            CheckBox box = new CheckBox();
            box.setSelected(Boolean.TRUE.equals(row.value()));
            box.selectedProperty().addListener((obs, was, is) -> write(row, is));
            yield box;
          }
          case DATE -> {
            DatePicker picker = new DatePicker();
            try {
              picker.setValue(LocalDate.parse(String.valueOf(row.value())));
            } catch (DateTimeParseException e) {
              picker.setValue(null);
            }
            picker
                .valueProperty()
                .addListener(
                    (obs, was, is) -> {
                      if (is != null) {
                        write(row, is.toString());
                      }
                    });
            yield picker;
          }
          case LIST ->
              textField(
                  row,
                  String.join(", ", ((List<?>) row.value()).stream().map(String::valueOf).toList()),
                  text ->
                      Optional.of(
                          Arrays.stream(text.split(","))
                              .map(String::strip)
                              .filter(s -> !s.isEmpty())
                              .toList()));
          case NUMBER -> textField(row, String.valueOf(row.value()), PropertiesView::number);
          default -> textField(row, String.valueOf(row.value()), text -> Optional.of(text.strip()));
        };
    c.getStyleClass()
        .addAll("property-value", "property-" + row.type().name().toLowerCase(Locale.ROOT));
    c.setMaxWidth(Double.MAX_VALUE);
    if (row.type() != RowKind.LINK) {
      return c;
    }
    String target = String.valueOf(row.value()).strip();
    Hyperlink open = new Hyperlink("open");
    open.setOnAction(
        e -> followLink.accept(target.substring(2, target.length() - 2).split("[|#]")[0].strip()));
    HBox.setHgrow(c, Priority.ALWAYS);
    return new HBox(6, c, open);
  }

  private TextField textField(
      Row row, String text, java.util.function.Function<String, Optional<Object>> read) {
    TextField field = new TextField(text);
    Runnable commit =
        () -> {
          Optional<Object> value = read.apply(field.getText());
          field.pseudoClassStateChanged(
              javafx.css.PseudoClass.getPseudoClass("invalid"), value.isEmpty());
          value.ifPresent(v -> write(row, v));
        };
    field.setOnAction(e -> commit.run());
    field
        .focusedProperty()
        .addListener(
            (obs, was, is) -> {
              if (!is) {
                commit.run();
              }
            });
    return field;
  }

  private static Optional<Object> number(String text) {
    String t = text.strip();
    try {
      return Optional.of(Long.parseLong(t));
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
      } catch (NumberFormatException e2) {
        return Optional.empty();
      }
    }
  }

  /**
   * Rewrites the row's key with {@code value}: finds the key's lines in the text as it is now and
   * replaces just those, through the editor (so the edit syncs and can be undone).
   */
  void write(Row row, Object value) {
    String text = area.getText();
    Optional<FrontMatterLines> lines = FrontMatterLines.find(text);
    Optional<FrontMatterLines.Entry> entry = lines.flatMap(l -> l.entry(row.key()));
    if (entry.isEmpty() || !area.isEditable()) {
      return;
    }
    String lineBreak = text.contains("\r\n") ? "\r\n" : "\n";
    String replacement = YamlValues.line(row.key(), row.type(), value, lineBreak);
    int start = entry.get().start();
    int end = entry.get().end();
    if (!text.substring(start, end).equals(replacement)) {
      area.replaceText(start, end, replacement);
    }
  }
}
