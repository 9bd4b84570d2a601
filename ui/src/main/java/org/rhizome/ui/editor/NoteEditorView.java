package org.rhizome.ui.editor;

import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.Splice;
import org.rhizome.ui.names.NoteNameIndex;
import org.rhizome.ui.workbench.AppContext;

/**
 * The Markdown source editor of one note: a RichTextFX {@link CodeArea} with incremental syntax
 * highlighting, {@code [[} completion, Ctrl/Cmd-click on a link to follow it, undo/redo, and a
 * {@link BodySync} that sends the person's edits to the text CRDT and brings in edits made
 * elsewhere without moving the caret.
 *
 * <p>FX thread only.
 */
public final class NoteEditorView {
  private static final String EDITOR_CSS =
      NoteEditorView.class.getResource("editor.css").toExternalForm();
  private final AppContext context;
  private final Soul soul;
  private final CodeArea area = new CodeArea();
  private final VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(area);
  private final DocumentStyler styler = new DocumentStyler(area);
  private final LinkCompletion completion;
  private final LinkFollower follower;
  private final BodySync sync;
  private final org.rhizome.ui.editor.drop.EditorDrops drops;
  private final org.rhizome.ui.editor.LinkPreview preview;

  /** Editing helpers (lists, pairing, #tags, find/replace) and the links' resolved status. */
  private final org.rhizome.ui.editor.assist.EditorAssist assist;

  private final LinkStatus linkStatus;

  /** The note's folder, which links in it are resolved from. */
  private final java.util.function.Supplier<String> folder;

  /**
   * Set while the engine's text is being put into the area, so that is not sent back as an edit.
   */
  private boolean showingEngineText;

  /**
   * Surrogate chars in the text; while 0, char offsets are code point offsets (the common case).
   */
  private int surrogates;

  /**
   * Set while undo or redo puts its splices into the area: they are sent, not recorded as new
   * steps.
   */
  private boolean undoing;

  private final OwnUndoManager undoManager =
      new OwnUndoManager(
          () -> replay(true), () -> replay(false), () -> canReplay(true), () -> canReplay(false));

  public NoteEditorView(
      AppContext context,
      Soul soul,
      NoteNameIndex names,
      LinkFollower follower,
      java.util.function.Supplier<String> folder) {
    this.context = context;
    this.folder = folder;
    this.soul = soul;
    this.follower = follower;
    this.sync = new BodySync(context, soul, this::applyRemote);
    this.completion = new LinkCompletion(context, area, names);
    area.setUndoManager(undoManager);
    this.assist =
        new org.rhizome.ui.editor.assist.EditorAssist(context, area, scroll, new AssistHost());
    this.linkStatus = new LinkStatus(context, soul, styler);
    area.getStyleClass().add("note-editor");
    area.getStylesheets().add(EDITOR_CSS);
    area.setWrapText(true);
    area.styleProperty().bind(context.settings().editorFontSize().asString("-fx-font-size: %dpx;"));
    area.multiPlainChanges().subscribe(this::onTextChanges);
    this.drops =
        org.rhizome.ui.editor.drop.EditorDrops.install(
            context, area, folder, soul); // paste/drop files, drop notes
    this.preview =
        org.rhizome.ui.editor.LinkPreview.install(context, this, folder); // Ctrl/Cmd-hover a link
    area.setOnMouseClicked(
        e -> {
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

  /** The hover preview of links in this editor. */
  public org.rhizome.ui.editor.LinkPreview preview() {
    return preview;
  }

  /** Paste and drop of files, pictures and notes into this editor. */
  public org.rhizome.ui.editor.drop.EditorDrops drops() {
    return drops;
  }

  /**
   * Shows a freshly opened body (and the version it is at): no undo history, caret at the start.
   */
  public void load(org.rhizome.graph.VersionedText body) {
    showingEngineText = true;
    try {
      area.replaceText(body.text());
      surrogates = countSurrogates(body.text());
      sync.opened(body);
      styler.styleAll();
      area.moveTo(0);
      area.requestFollowCaret();
      undoManager.refresh();
    } finally {
      showingEngineText = false;
    }
    linkStatus.refresh();
  }

  /**
   * Brings edits made elsewhere into the editor, as the engine's splices (code points, in order):
   * only those ranges are replaced; the caret, the selection and the scroll position move with the
   * text around them (an insert right at the caret goes before it, as the next keystroke would).
   */
  private void applyRemote(java.util.List<Splice> splices) {
    if (splices.isEmpty()) {
      return;
    }
    int caret = toCodePoints(area.getCaretPosition());
    int anchor = toCodePoints(area.getAnchor());
    double scrollY = scroll.getEstimatedScrollY();
    showingEngineText = true;
    try {
      completion.hide();
      for (Splice sp : splices) {
        int from = toChars(sp.position());
        int to =
            surrogates == 0 ? from + sp.deleteCount() : offsetByCodePoints(from, sp.deleteCount());
        String removed = area.getText(from, to);
        area.replaceText(from, to, sp.text());
        surrogates += countSurrogates(sp.text()) - countSurrogates(removed);
        styler.edited(from, removed, sp.text());
      }
      int newAnchor = org.rhizome.graph.text.SpliceTransform.map(anchor, splices);
      int newCaret = org.rhizome.graph.text.SpliceTransform.map(caret, splices);
      area.selectRange(toChars(newAnchor), toChars(newCaret));
      scroll.estimatedScrollYProperty().setValue(scrollY);
      undoManager.refresh();
    } finally {
      showingEngineText = false;
    }
  }

  /**
   * Undo (true) or redo of this editor's own last step; each splice goes into the area and to the
   * engine.
   */
  private boolean replay(boolean undo) {
    org.rhizome.graph.UndoHistory history = sync.undoHistory();
    if (history == null) {
      return false;
    }
    java.util.function.Function<Splice, String> apply =
        sp -> {
          int from = toChars(sp.position());
          int to =
              surrogates == 0
                  ? from + sp.deleteCount()
                  : offsetByCodePoints(from, sp.deleteCount());
          String removed = area.getText(from, to);
          undoing = true;
          try {
            area.replaceText(from, to, sp.text());
          } finally {
            undoing = false;
          }
          area.moveTo(from + sp.text().length());
          area.requestFollowCaret();
          return removed;
        };
    completion.hide();
    return undo ? history.undo(apply) : history.redo(apply);
  }

  private boolean canReplay(boolean undo) {
    org.rhizome.graph.UndoHistory history = sync.undoHistory();
    return history != null && (undo ? history.canUndo() : history.canRedo());
  }

  private int toCodePoints(int charOffset) {
    return surrogates == 0 ? charOffset : area.getText(0, charOffset).codePointCount(0, charOffset);
  }

  private int toChars(int codePoints) {
    return surrogates == 0 ? codePoints : offsetByCodePoints(0, codePoints);
  }

  private int offsetByCodePoints(int from, int codePoints) {
    String text = area.getText();
    return text.offsetByCodePoints(from, codePoints);
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
    if (surrogates != 0
        || changes.stream()
            .anyMatch(
                c -> countSurrogates(c.getRemoved()) + countSurrogates(c.getInserted()) > 0)) {
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
    java.util.List<Splice> splices = new java.util.ArrayList<>(changes.size());
    java.util.List<String> removed = new java.util.ArrayList<>(changes.size());
    for (int i = 0; i < changes.size(); i++) {
      PlainTextChange c = changes.get(i);
      int position = c.getPosition();
      int codePointPosition = before[i] == null ? position : before[i].codePointCount(0, position);
      splices.add(
          new Splice(
              codePointPosition,
              c.getRemoved().codePointCount(0, c.getRemoved().length()),
              c.getInserted()));
      removed.add(c.getRemoved());
      removedAll.append(c.getRemoved());
    }
    if (undoing) {
      splices.forEach(sync::undoEdit);
    } else {
      // Each change is its own splice (so a peer's edit between two matches survives the merge);
      // undo takes them back together.
      sync.localEdits(splices, removed);
    }
    surrogates = countSurrogates(after);
    styler.edited(
        untouchedHead,
        removedAll.toString(),
        after.substring(untouchedHead, after.length() - untouchedTail));
    undoManager.refresh();
  }

  private void onTextChange(PlainTextChange change) {
    if (showingEngineText) {
      return;
    }
    int position = change.getPosition();
    String removed = change.getRemoved();
    String inserted = change.getInserted();
    int codePointPosition =
        surrogates == 0 ? position : area.getText(0, position).codePointCount(0, position);
    surrogates += countSurrogates(inserted) - countSurrogates(removed);
    Splice splice =
        new Splice(codePointPosition, removed.codePointCount(0, removed.length()), inserted);
    if (undoing) {
      sync.undoEdit(splice);
    } else {
      sync.localEdit(splice, removed);
    }
    styler.edited(position, removed, inserted);
    if (!undoing) {
      completion.afterEdit(inserted);
    }
    undoManager.refresh();
  }

  /** The wikilink at a char offset, if the offset is inside one. */
  public Optional<WikiLinkAt> linkAt(int offset) {
    return styler.linkAt(offset);
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
