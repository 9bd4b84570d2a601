package org.rhizome.ui.backlinks;

import java.util.Comparator;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.markdown.Heading;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.note.Note;
import org.rhizome.graph.query.Backlink;
import org.rhizome.graph.query.OutgoingLink;
import org.rhizome.graph.query.UnlinkedMention;
import org.rhizome.ui.workbench.AppContext;
import org.rhizome.ui.workbench.ChangedNotes;

/**
 * The right pane: for the open note, its linked mentions (with the line that links), its unlinked
 * mentions (each with a one-click "Link"), its outgoing links (unresolved ones marked), its outline
 * and its tags. Loaded in the background when the note changes, and again a moment after any edit.
 *
 * <p>FX thread only.
 */
public final class NoteInfoView {
  static final int MAX_MENTIONS = 200;

  /** Jumps the editor to a line of the open note. */
  public interface LineJumper {
    void goToLine(Soul soul, int line);
  }

  /** Opens the notes that carry a tag. */
  public interface TagOpener {
    void showTag(String tag);
  }

  private final AppContext context;
  private final LineJumper jumper;
  private final TagOpener tags;
  private final VBox backlinks = section();
  private final VBox unlinked = section();
  private final VBox outgoing = section();
  private final VBox outline = section();
  private final FlowPane tagChips = new FlowPane(6, 6);
  private final TitledPane backlinksPane = new TitledPane("Linked mentions", backlinks);
  private final TitledPane unlinkedPane = new TitledPane("Unlinked mentions", unlinked);
  private final TitledPane outgoingPane = new TitledPane("Outgoing links", outgoing);
  private final TitledPane outlinePane = new TitledPane("Outline", outline);
  private final TitledPane tagsPane = new TitledPane("Tags", tagChips);
  private final ScrollPane root;
  private final PauseTransition refreshLater = new PauseTransition(Duration.millis(300));
  private @Nullable Soul soul;
  private long loadGeneration;
  private @Nullable Info shown;

  public NoteInfoView(AppContext context, LineJumper jumper, TagOpener tags) {
    this.context = context;
    this.jumper = jumper;
    this.tags = tags;
    tagChips.setPadding(new Insets(6));
    VBox panes = new VBox(backlinksPane, unlinkedPane, outgoingPane, outlinePane, tagsPane);
    panes.getStyleClass().add("note-info");
    root = new ScrollPane(panes);
    root.setFitToWidth(true);
    root.getStyleClass().add("note-info-scroll");
    refreshLater.setOnFinished(e -> reload());
    context.onChanges(
        e -> {
          if (soul == null) {
            return;
          }
          // Edits to this note change its outline and tags soon; elsewhere they may add a mention.
          boolean mine = ChangedNotes.of(e).contains(soul);
          if (mine || refreshLater.getStatus() != javafx.animation.Animation.Status.RUNNING) {
            refreshLater.setDuration(Duration.millis(mine ? 500 : 1000));
            refreshLater.playFromStart();
          }
        });
    showNothing();
  }

  public Node node() {
    return root;
  }

  /** Moves the keyboard focus to the first link of the pane (the editor keeps Tab for itself). */
  public void focus() {
    for (VBox box : List.of(backlinks, unlinked, outgoing, outline)) {
      Node first = box.lookup(".hyperlink");
      if (first != null) {
        first.requestFocus();
        return;
      }
    }
    root.requestFocus();
  }

  /** Shows the information of {@code soul} (null: no note open). */
  public void show(@Nullable Soul soul) {
    this.soul = soul;
    if (soul == null) {
      showNothing();
    } else {
      reload();
    }
  }

  /** What the pane loads for one note, in one background call. */
  record Info(
      Note note,
      List<Backlink> backlinks,
      List<UnlinkedMention> unlinked,
      List<OutgoingLink> outgoing,
      List<Heading> outline) {}

  private void reload() {
    Soul current = soul;
    if (current == null) {
      return;
    }
    long generation = ++loadGeneration;
    context
        .background()
        .load(
            () -> {
              var ws = context.workspace();
              Note note = ws.findNote(current).orElse(null);
              if (note == null) {
                return null;
              }
              return new Info(
                  note,
                  ws.backlinks(current, MAX_MENTIONS),
                  ws.unlinkedMentions(current, MAX_MENTIONS),
                  ws.outgoingLinks(current),
                  ws.outline(current));
            },
            info -> {
              if (generation == loadGeneration && current.equals(soul)) {
                if (info == null) {
                  showNothing();
                } else {
                  fill(info);
                }
              }
            },
            "Could not load the links of the note");
  }

  private void showNothing() {
    shown = null;
    for (VBox box : List.of(backlinks, unlinked, outgoing, outline)) {
      box.getChildren().setAll(muted("No note open."));
    }
    tagChips.getChildren().setAll(muted("No note open."));
    backlinksPane.setText("Linked mentions");
    unlinkedPane.setText("Unlinked mentions");
    outgoingPane.setText("Outgoing links"); // not the count of the note shown before
  }

  private void fill(Info info) {
    // Rebuild only the sections whose content changed: while someone types, most refreshes change
    // nothing, and rebuilding a long outline's links every time would cost the FX thread frames.
    Info before = shown;
    shown = info;
    boolean sameNote = before != null && before.note().soul().equals(info.note().soul());
    if (!sameNote || !before.backlinks().equals(info.backlinks())) {
      fillBacklinks(info);
    }
    if (!sameNote
        || !before.unlinked().equals(info.unlinked())
        || !before.note().title().equals(info.note().title())) {
      fillUnlinked(info);
    }
    if (!sameNote
        || !before.outgoing().equals(info.outgoing())
        || !before.note().folder().equals(info.note().folder())) {
      fillOutgoing(info);
    }
    if (!sameNote || !before.outline().equals(info.outline())) {
      outline
          .getChildren()
          .setAll(
              info.outline().isEmpty()
                  ? List.of(muted("No headings."))
                  : info.outline().stream().map(h -> headingRow(info.note().soul(), h)).toList());
    }
    if (!sameNote || !before.note().tags().equals(info.note().tags())) {
      tagChips
          .getChildren()
          .setAll(
              info.note().tags().isEmpty()
                  ? List.of(muted("No tags."))
                  : info.note().tags().stream().map(this::tagChip).toList());
    }
  }

  private void fillBacklinks(Info info) {
    backlinksPane.setText("Linked mentions (" + info.backlinks().size() + ")");
    List<Backlink> sortedBacklinks =
        info.backlinks().stream()
            .sorted(
                Comparator.comparing(
                        (Backlink b) -> b.source().title(), String.CASE_INSENSITIVE_ORDER)
                    .thenComparingInt(Backlink::line))
            .toList();
    backlinks
        .getChildren()
        .setAll(
            sortedBacklinks.isEmpty()
                ? List.of(muted("No note links here yet."))
                : sortedBacklinks.stream()
                    .map(
                        b ->
                            mention(
                                b.source().soul(), b.source().title(), b.line(), b.context(), null))
                    .toList());
  }

  private void fillUnlinked(Info info) {
    unlinkedPane.setText("Unlinked mentions (" + info.unlinked().size() + ")");
    unlinked
        .getChildren()
        .setAll(
            info.unlinked().isEmpty()
                ? List.of(muted("No unlinked mentions."))
                : info.unlinked().stream()
                    .map(
                        u ->
                            mention(
                                u.source().soul(),
                                u.source().title(),
                                u.line(),
                                u.context(),
                                linkButton(u, info.note().title())))
                    .toList());
  }

  private void fillOutgoing(Info info) {
    outgoingPane.setText("Outgoing links (" + info.outgoing().size() + ")");
    outgoing
        .getChildren()
        .setAll(
            info.outgoing().isEmpty()
                ? List.of(muted("This note links nowhere."))
                : info.outgoing().stream().map(o -> outgoingRow(info.note().folder(), o)).toList());
  }

  private Node mention(
      Soul source, String title, int line, String contextLine, @Nullable Button action) {
    Hyperlink name = new Hyperlink(title);
    name.getStyleClass().add("mention-title");
    name.setOnAction(e -> jumper.goToLine(source, line));
    Label text = new Label(contextLine.strip());
    text.setWrapText(true);
    text.getStyleClass().add("mention-context");
    HBox head = new HBox(4, name);
    head.setAlignment(Pos.CENTER_LEFT);
    if (action != null) {
      Region gap = new Region();
      HBox.setHgrow(gap, Priority.ALWAYS);
      head.getChildren().addAll(gap, action);
    }
    VBox box = new VBox(2, head, text);
    box.getStyleClass().add("mention");
    return box;
  }

  private Button linkButton(UnlinkedMention mention, String title) {
    Button link = new Button("Link");
    link.getStyleClass().addAll("small", "link-mention");
    link.setMinWidth(Region.USE_PREF_SIZE);
    link.setOnAction(
        e -> {
          link.setDisable(true);
          Soul source = mention.source().soul();
          context
              .background()
              .load(
                  () -> {
                    Note note = context.workspace().findNote(source).orElse(null);
                    return note == null
                        ? java.util.Optional.<String>empty()
                        : MentionLinker.link(note.body(), mention.line(), title);
                  },
                  linked -> {
                    if (linked.isPresent()) {
                      context
                          .background()
                          .reportFailure(
                              context.workspace().editBodyAsync(source, linked.get()),
                              "Could not link the mention in \"" + mention.source().title() + "\"");
                    } else {
                      reload();
                    }
                  },
                  "Could not link the mention");
        });
    return link;
  }

  private Node outgoingRow(String folder, OutgoingLink link) {
    String label = link.target() + (link.heading() == null ? "" : " › " + link.heading());
    Hyperlink h = new Hyperlink(label);
    if (link.attachment() != null) {
      h.getStyleClass().add("attachment-link");
      h.setText(label + "  (file)");
    } else if (link.resolved() == null) {
      h.getStyleClass().add("unresolved-link");
      h.setText(label + (link.file() ? "  (missing file)" : "  (new)"));
    }
    h.setOnAction(
        e -> {
          if (link.resolved() != null) {
            context.openNote(link.resolved().soul());
          } else if (link.attachment() != null) {
            new org.rhizome.ui.attachments.AttachmentOpener(context).open(link.attachment());
          } else {
            new org.rhizome.ui.editor.LinkFollower(context).follow(folder, link.target());
          }
        });
    return h;
  }

  private Node headingRow(Soul note, Heading heading) {
    Hyperlink h = new Hyperlink(heading.text());
    h.setPadding(new Insets(1, 0, 1, (heading.level() - 1) * 12));
    h.getStyleClass().add("outline-h" + heading.level());
    h.setOnAction(e -> jumper.goToLine(note, heading.line()));
    return h;
  }

  private Node tagChip(String tag) {
    Button chip = new Button("#" + tag);
    chip.getStyleClass().addAll("small", "tag-chip");
    chip.setOnAction(e -> tags.showTag(tag));
    return chip;
  }

  private static VBox section() {
    VBox box = new VBox(8);
    box.setPadding(new Insets(6));
    return box;
  }

  private static Label muted(String text) {
    Label l = new Label(text);
    l.getStyleClass().add("text-muted");
    return l;
  }
}
