package org.rhizome.ui.editor;

import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.lang.QueryResultHtml;
import org.rhizome.ui.query.BoardMoves;
import org.rhizome.ui.workbench.AppContext;
import org.w3c.dom.Element;
import org.w3c.dom.events.Event;
import org.w3c.dom.events.EventListener;
import org.w3c.dom.events.EventTarget;
import org.w3c.dom.events.MouseEvent;

/**
 * Dragging a card between the columns of a {@code ```query} block's board in the reading view: the
 * card's note gets the column's value for the board's property, as the query view's board does
 * ({@link BoardMoves}: one small front-matter edit). A press on a card and a release over another
 * column of the same board is a move; a release on the card's own column, outside the board or on
 * "(none)" changes nothing (and a click on the card's link still follows it). Plain mouse events,
 * not HTML drag and drop, so a press on the title link does not drag the link. FX thread only.
 */
final class QueryBoardDrag {
  private final AppContext context;
  // Held in fields: WebKit keeps only a weak reference to a listener added from Java.
  private final EventListener press = this::onPress;
  private final EventListener release = this::onRelease;
  private @Nullable Element card;
  private double pressX;
  private double pressY;

  QueryBoardDrag(AppContext context) {
    this.context = context;
  }

  /** Listens on a freshly loaded page. */
  void attach(org.w3c.dom.Document doc) {
    card = null;
    ((EventTarget) doc).addEventListener("mousedown", press, true);
    ((EventTarget) doc).addEventListener("mouseup", release, true);
  }

  private void onPress(Event event) {
    card = null;
    Element c = enclosing(event.getTarget(), "rz-card");
    if (c != null && c.hasAttribute("data-soul") && column(c) != null) {
      card = c;
      if (event instanceof MouseEvent m) {
        pressX = m.getScreenX();
        pressY = m.getScreenY();
      }
      event.preventDefault(); // no text selection or link drag while moving a card
    }
  }

  private void onRelease(Event event) {
    Element from = card;
    card = null;
    if (from == null) {
      return;
    }
    Element to = enclosing(event.getTarget(), "rz-board-column");
    Element origin = column(from);
    if (to == null || origin == null || to == origin) {
      return;
    }
    Element board = enclosing(origin, "rz-query-board");
    if (board == null || board != enclosing(to, "rz-query-board")) {
      return; // another block's board: its property may differ
    }
    if (event instanceof MouseEvent m
        && Math.abs(m.getScreenX() - pressX) + Math.abs(m.getScreenY() - pressY) < 4) {
      return; // a click, not a drag
    }
    String soul = from.getAttribute("data-soul");
    String property = board.getAttribute("data-property");
    Object value =
        QueryResultHtml.boardValue(to.getAttribute("data-type"), to.getAttribute("data-value"));
    if (!Soul.isValid(soul) || property == null || property.isEmpty() || value == null) {
      return;
    }
    event.preventDefault();
    context
        .background()
        .reportFailure(
            BoardMoves.move(context.workspace(), new Soul(soul), property, value),
            "Could not move the card");
  }

  private static @Nullable Element column(Element card) {
    Element c = enclosing(card.getParentNode(), "rz-board-column");
    return c;
  }

  /** The nearest element (itself or above) with {@code cssClass} among its classes. */
  private static @Nullable Element enclosing(@Nullable Object node, String cssClass) {
    org.w3c.dom.Node n = node instanceof org.w3c.dom.Node dom ? dom : null;
    while (n != null) {
      if (n instanceof Element e) {
        String classes = e.getAttribute("class");
        if (classes != null && (" " + classes + " ").contains(" " + cssClass + " ")) {
          return e;
        }
      }
      n = n.getParentNode();
    }
    return null;
  }
}
