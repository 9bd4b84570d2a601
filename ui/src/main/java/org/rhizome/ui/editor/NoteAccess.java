package org.rhizome.ui.editor;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.rhizome.graph.ChangeEvent;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.change.Change;
import org.rhizome.graph.change.Op;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.SystemSouls;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;

/**
 * What this device may do with a note, shown with it (decision 0007): a badge for a protected note
 * with its owner, and, when this device may not change the note (a reader, a removed person, a
 * protected note of someone else), a notice saying why — the tab then opens the note read-only
 * instead of letting edits be refused on save.
 *
 * <p>{@link #badges()} is the row in the note's header where such marks go: the protected badge and
 * the private one with the note's readers (decision 0008). FX thread only, except {@link #read}.
 */
final class NoteAccess {
  /**
   * What the header shows for a note.
   *
   * @param whyReadOnly why this device may not change it; empty when it may
   * @param owner the name (or key fingerprint) of its owner when it is protected
   * @param ownedByMe whether this device's person owns it
   * @param privateTo the names of a private note's readers, its owner first (decision 0008); empty
   *     for a note everyone reads
   * @param editors whom the owner of a protected note lets edit it, and until when, e.g. "Bob until
   *     31 Dec 18:00" (decision 0011); deadlines already past are left out
   */
  record State(
      Optional<String> whyReadOnly,
      Optional<String> owner,
      boolean ownedByMe,
      List<String> privateTo,
      List<String> editors) {
    static final State WRITABLE = new State(Optional.empty(), Optional.empty(), false, List.of());

    State(
        Optional<String> whyReadOnly,
        Optional<String> owner,
        boolean ownedByMe,
        List<String> privateTo) {
      this(whyReadOnly, owner, ownedByMe, privateTo, List.of());
    }

    boolean readOnly() {
      return whyReadOnly.isPresent();
    }
  }

  private final HBox badges = new HBox(6);
  private final Label protectedBadge = new Label();
  private final Label privateBadge = new Label();
  private final Label notice = new Label();

  NoteAccess() {
    badges.setAlignment(Pos.CENTER_LEFT);
    badges.getStyleClass().add("note-badges");
    protectedBadge.setId("protectedBadge");
    protectedBadge.getStyleClass().addAll("note-badge", Styles.TEXT_SMALL, Styles.WARNING);
    protectedBadge.setStyle(
        "-fx-border-color: -color-warning-emphasis; -fx-border-radius: 8; -fx-padding: 1 8 1 8;");
    protectedBadge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    privateBadge.setId("privateBadge");
    privateBadge.getStyleClass().addAll("note-badge", Styles.TEXT_SMALL, Styles.ACCENT);
    privateBadge.setStyle(
        "-fx-border-color: -color-accent-emphasis; -fx-border-radius: 8; -fx-padding: 1 8 1 8;");
    privateBadge.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    notice.setId("readOnlyNotice");
    notice.getStyleClass().addAll("read-only-notice", Styles.TEXT_SMALL);
    notice.setWrapText(true);
    notice.setMaxWidth(Double.MAX_VALUE);
    notice.setPadding(new Insets(4, 16, 6, 16));
    notice.setStyle(
        "-fx-background-color: -color-warning-subtle; -fx-text-fill: -color-warning-fg;");
    show(State.WRITABLE);
  }

  /** Reads what this device may do with {@code soul}: off the FX thread. */
  static State read(Workspace ws, Soul soul) throws StoreException {
    Optional<String> why = ws.membership().whyReadOnly(soul);
    Optional<ActorId> owner = Workspace.ownerOf(soul);
    boolean isPrivate = ws.isPrivate(soul);
    if (!isPrivate && owner.isEmpty()) {
      return new State(why, Optional.empty(), false, List.of());
    }
    ActorId me = ws.membership().person(); // in a personal workspace, this device
    List<String> privateTo = List.of();
    if (isPrivate) {
      List<String> names = new ArrayList<>();
      for (ActorId person : ws.readersOf(soul)) {
        names.add(person.equals(me) ? "you" : nameOf(ws, person));
      }
      privateTo = List.copyOf(names);
    }
    if (owner.isEmpty()) {
      return new State(why, Optional.empty(), false, privateTo);
    }
    boolean mine = owner.get().equals(me);
    List<String> editors = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (java.util.Map.Entry<ActorId, Long> e : ws.membership().editors(soul).entrySet()) {
      if (e.getValue() > now) {
        editors.add(
            (e.getKey().equals(me) ? "you" : nameOf(ws, e.getKey()))
                + " until "
                + when(e.getValue(), now));
      }
    }
    return new State(
        why, Optional.of(nameOf(ws, owner.get())), mine, privateTo, List.copyOf(editors));
  }

  /** "31 Dec 18:00" in this machine's zone; with the year when it is not this year's. */
  static String when(long millis, long now) {
    java.time.ZoneId zone = java.time.ZoneId.systemDefault();
    java.time.ZonedDateTime at = java.time.Instant.ofEpochMilli(millis).atZone(zone);
    boolean thisYear = at.getYear() == java.time.Instant.ofEpochMilli(now).atZone(zone).getYear();
    return at.format(
        java.time.format.DateTimeFormatter.ofPattern(
            thisYear ? "d MMM HH:mm" : "d MMM yyyy HH:mm", java.util.Locale.ENGLISH));
  }

  private static String nameOf(Workspace ws, ActorId person) throws StoreException {
    return ws.membership().memberName(person).orElse(Member.fingerprint(person));
  }

  /** Whether a change event may change what this device may do (roles, removals, joins). */
  static boolean mayChangeAccess(ChangeEvent event) {
    for (Change c : event.changes()) {
      for (Op op : c.ops()) {
        if (op.soul().value().startsWith(SystemSouls.SYSTEM_PREFIX)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The marks beside the title: protected (with its owner), private (with its readers). */
  Node badges() {
    return badges;
  }

  /** The line under the header that says why the note is read-only; hidden otherwise. */
  Node notice() {
    return notice;
  }

  void show(State state) {
    if (state.owner().isPresent()) {
      String editors = String.join(", ", state.editors());
      protectedBadge.setText(
          (state.ownedByMe() ? "Protected · yours" : "Protected · " + state.owner().get())
              + (editors.isEmpty() ? "" : " · " + editors));
      protectedBadge.setTooltip(
          new Tooltip(
              (state.ownedByMe()
                      ? "A protected note: everyone reads it, only you (on any of your devices)"
                          + " change it"
                      : "A protected note: everyone reads it, only "
                          + state.owner().get()
                          + " changes it")
                  + (editors.isEmpty()
                      ? "."
                      : ", and those "
                          + (state.ownedByMe() ? "you let" : "they let")
                          + " edit it: "
                          + editors
                          + ".")));
      if (!badges.getChildren().contains(protectedBadge)) {
        badges.getChildren().add(0, protectedBadge);
      }
    } else {
      badges.getChildren().remove(protectedBadge);
    }
    if (!state.privateTo().isEmpty()) {
      String readers = String.join(", ", state.privateTo());
      privateBadge.setText(
          "Private · " + (state.privateTo().equals(List.of("you")) ? "only you" : readers));
      privateBadge.setTooltip(
          new Tooltip(
              "A private note: only "
                  + readers
                  + " can read it. Everyone else stores and passes on its encrypted changes and"
                  + " sees nothing of it — not its title, words, links or tags."));
      if (!badges.getChildren().contains(privateBadge)) {
        badges.getChildren().add(privateBadge);
      }
    } else {
      badges.getChildren().remove(privateBadge);
    }
    notice.setText(state.whyReadOnly().map(w -> "Read-only. " + w).orElse(""));
    notice.setVisible(state.readOnly());
    notice.setManaged(state.readOnly());
  }

  /** The notice shown, "" when none (tests). */
  String noticeText() {
    return notice.isVisible() ? notice.getText() : "";
  }
}
