package org.rhizome.ui.editor;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.TwoDimensional.Bias;
import org.fxmisc.richtext.model.TwoDimensional.Position;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.Soul;
import org.rhizome.graph.text.Splice;
import org.rhizome.ui.shell.AppContext;
import org.rhizome.ui.switcher.NoteNameIndex;

/**
 * The Markdown source editor of one note: a RichTextFX {@link CodeArea} with incremental syntax
 * highlighting, {@code [[} completion, Ctrl/Cmd-click on a link to follow it, undo/redo, and a
 * {@link BodySync} that sends the person's edits to the text CRDT and brings in edits made
 * elsewhere without moving the caret.
 *
 * <p>FX thread only.
 */
public final class NoteEditorView {
  private static final String EDITOR_CSS = NoteEditorView.class.getResource("editor.css").toExternalForm();
  private final AppContext context;
  private final Soul soul;
  private final CodeArea area = new CodeArea();
  private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
  private final DocumentStyler styler = new DocumentStyler(area);
  private final LinkCompletion completion;
  private final LinkFollower follower;
  private final BodySync sync;
  /** Editing helpers (lists, pairing, #tags, find/replace) and the links' resolved status. */
  private final org.rhizome.ui.editor.assist.EditorAssist assist;
  private final LinkStatus linkStatus;
  /** The note's folder, which links in it are resolved from. */
  private final java.util.function.Supplier<String> folder;
  /** Set while the engine's text is being put into the area, so that is not sent back as an edit. */
  private boolean showingEngineText;
  /** Surrogate chars in the text; while 0, char offsets are code point offsets (the common case). */
  private int surrogates;

  public NoteEditorView(AppContext context, Soul soul, NoteNameIndex names, LinkFollower follower,
                        java.util.function.Supplier<String> folder) {
    this.context = context;
    this.folder = folder;
    this.soul = soul;
    this.follower = follower;
    this.sync = new BodySync(context, soul, this::showEngineBody);
    this.completion = new LinkCompletion(context, area, names);
    this.assist = new org.rhizome.ui.editor.assist.EditorAssist(context, area, scroll, new AssistHost());
    this.linkStatus = new LinkStatus(context, soul, styler);
    area.getStyleClass().add("note-editor");
    area.getStylesheets().add(EDITOR_CSS);
    area.setWrapText(true);
    area.styleProperty().bind(context.settings().editorFontSize().asString("-fx-font-size: %dpx;"));
    area.multiPlainChanges().subscribe(this::onTextChanges);
    area.setOnMouseClicked(e -> {
      if (e.getButton() == MouseButton.PRIMARY && e.isShortcutDown()) {
        int offset = area.hit(e.getX(), e.getY()).getInsertionIndex();
        linkAt(offset).ifPresent(link -> follower.follow(folder.get(), link.target()));
        e.consume();
      }
    });
  }

  public Node node() {
    return assist.node();
  }

  public org.rhizome.ui.editor.assist.EditorAssist assist() {
    return assist;
  }

  /** True when the wikilink target is known to reach no note (the editor styles it apart). */
  public boolean isUnresolvedLink(String target) {
    return linkStatus.isUnresolved(target);
  }

  private final class AssistHost implements org.rhizome.ui.editor.assist.EditorAssist.Host {
    @Override
    public boolean insideFence(int paragraph) {
      return styler.insideFence(paragraph);
    }

    @Override
    public boolean completionShowing() {
      return completion.isShowing();
    }

    @Override
    public void afterAssistEdit() {
      completion.maybeStart();
    }
  }

  public CodeArea area() {
    return area;
  }

  public Soul soul() {
    return soul;
  }

  /** Shows a freshly loaded body: no undo history, caret at the start. */
  public void load(String body) {
    showingEngineText = true;
    try {
      area.replaceText(body);
      surrogates = countSurrogates(body);
      styler.styleAll();
      area.getUndoManager().forgetHistory();
      area.moveTo(0);
      area.requestFollowCaret();
    } finally {
      showingEngineText = false;
    }
    linkStatus.refresh();
  }

  /** Brings a change made elsewhere into the editor: only the changed range is replaced. */
  private void showEngineBody(String body) {
    String now = area.getText();
    TextDiff diff = TextDiff.between(now, body);
    if (diff.isEmpty()) {
      return;
    }
    int caret = area.getCaretPosition();
    int anchor = area.getAnchor();
    double scrollY = scroll.getEstimatedScrollY();
    showingEngineText = true;
    try {
      completion.hide();
      // Last edit first, so the earlier edits' offsets still hold.
      java.util.List<TextDiff.Edit> edits = diff.edits();
      for (int i = edits.size() - 1; i >= 0; i--) {
        TextDiff.Edit e = edits.get(i);
        area.replaceText(e.start(), e.oldEnd(), e.replacement());
        styler.edited(e.start(), now.substring(e.start(), e.oldEnd()), e.replacement());
      }
      surrogates = countSurrogates(body);
      // Undo entries hold offsets into the text as it was; after someone else's edit they would undo the wrong thing.
      area.getUndoManager().forgetHistory();
      area.selectRange(diff.map(anchor), diff.map(caret));
      scroll.estimatedScrollYProperty().setValue(scrollY);
    } finally {
      showingEngineText = false;
    }
  }

  /**
   * The area's edits, one list per edit: one change for typing; several, applied one after the
   * other, for a multi-change (find/replace's Replace all, a wrapped selection, and their undo).
   * The area's text is already the final one when the list arrives, so the several-change case
   * restyles once over the span they touched, and converts offsets to code points on the texts
   * between them only when the note has surrogate pairs.
   */
  private void onTextChanges(java.util.List<PlainTextChange> changes) {
    if (changes.size() <= 1) {
      changes.forEach(this::onTextChange);
      return;
    }
    if (showingEngineText) {
      return;
    }
    String after = area.getText();
    // Texts before each change, rebuilt backwards from the final one — only needed for code points.
    String[] before = new String[changes.size()];
    if (surrogates != 0 || changes.stream().anyMatch(c -> countSurrogates(c.getRemoved()) + countSurrogates(c.getInserted()) > 0)) {
      StringBuilder text = new StringBuilder(after);
      for (int i = changes.size() - 1; i >= 0; i--) {
        PlainTextChange c = changes.get(i);
        text.replace(c.getPosition(), c.getPosition() + c.getInserted().length(), c.getRemoved());
        before[i] = text.toString();
      }
    }
    int untouchedHead = Integer.MAX_VALUE;
    int untouchedTail = Integer.MAX_VALUE;
    int length = after.length();
    for (int i = changes.size() - 1; i >= 0; i--) {
      // Walking back: the length of the text right after change i.
      PlainTextChange c = changes.get(i);
      untouchedHead = Math.min(untouchedHead, c.getPosition());
      untouchedTail = Math.min(untouchedTail, length - c.getPosition() - c.getInserted().length());
      length += c.getRemoved().length() - c.getInserted().length();
    }
    StringBuilder removedAll = new StringBuilder();
    for (int i = 0; i < changes.size(); i++) {
      PlainTextChange c = changes.get(i);
      int position = c.getPosition();
      int codePointPosition = before[i] == null ? position : before[i].codePointCount(0, position);
      sync.localEdit(new Splice(codePointPosition, c.getRemoved().codePointCount(0, c.getRemoved().length()), c.getInserted()));
      removedAll.append(c.getRemoved());
    }
    surrogates = countSurrogates(after);
    styler.edited(untouchedHead, removedAll.toString(), after.substring(untouchedHead, after.length() - untouchedTail));
  }

  private void onTextChange(PlainTextChange change) {
    if (showingEngineText) {
      return;
    }
    int position = change.getPosition();
    String removed = change.getRemoved();
    String inserted = change.getInserted();
    int codePointPosition = surrogates == 0 ? position : area.getText(0, position).codePointCount(0, position);
    surrogates += countSurrogates(inserted) - countSurrogates(removed);
    sync.localEdit(new Splice(codePointPosition, removed.codePointCount(0, removed.length()), inserted));
    styler.edited(position, removed, inserted);
    completion.afterEdit(inserted);
  }

  /** The wikilink at a char offset, if the offset is inside one. */
  public Optional<WikiLinkAt> linkAt(int offset) {
    Position pos = area.offsetToPosition(offset, Bias.Forward);
    return WikiLinkAt.find(area.getText(pos.getMajor()), pos.getMinor());
  }

  /** Follows the link under the caret (the keyboard's Ctrl/Cmd-click). */
  public boolean followLinkAtCaret() {
    Optional<WikiLinkAt> link = linkAt(area.getCaretPosition());
    link.ifPresent(l -> follower.follow(folder.get(), l.target()));
    return link.isPresent();
  }

  /** Moves the caret to the start of a line and scrolls it into view. */
  public void goToLine(int line) {
    int p = Math.max(0, Math.min(line, area.getParagraphs().size() - 1));
    area.moveTo(p, 0);
    area.showParagraphAtTop(Math.max(0, p - 2));
    area.requestFocus();
  }

  public boolean isCompletionShowing() {
    return completion.isShowing();
  }

  LinkCompletion completion() {
    return completion;
  }

  /** Passes a change event on to the sync (FX thread). */
  public void onChanges(ChangeEvent event) {
    sync.onChanges(event);
    assist.onChanges(event);
    linkStatus.onChanges(event);
  }

  /** True while edits are not yet written to the engine. */
  public boolean hasUnsavedEdits() {
    return sync.isBusy();
  }

  /** Writes what is pending now. */
  public void flush() {
    sync.flush();
  }

  public void close() {
    completion.hide();
    assist.close();
    linkStatus.close();
    sync.close();
  }

  private static int countSurrogates(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (Character.isSurrogate(s.charAt(i))) {
        n++;
      }
    }
    return n;
  }
}
