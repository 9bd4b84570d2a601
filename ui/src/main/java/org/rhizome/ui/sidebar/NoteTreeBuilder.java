package org.rhizome.ui.sidebar;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javafx.scene.control.TreeItem;
import org.rhizome.graph.query.NoteRef;

/**
 * Builds the note tree: folders (alphabetical, before notes) holding their notes in the chosen
 * order. Runs in the background (tree items may be built off the FX thread while not yet shown).
 * With a filter, only matching notes and their folders are kept, all expanded.
 */
final class NoteTreeBuilder {
  /** A folder row: its path ({@code "Projects/2024"}) and its last name ({@code "2024"}). */
  record Folder(String path, String name, int notes) {}

  private NoteTreeBuilder() {}

  static TreeItem<Object> build(
      List<NoteRef> notes, NoteSort sort, String filter, Set<String> expanded) {
    String needle = filter.strip().toLowerCase(Locale.ROOT);
    List<NoteRef> shown = new ArrayList<>();
    for (NoteRef n : notes) {
      if (needle.isEmpty()
          || n.title().toLowerCase(Locale.ROOT).contains(needle)
          || n.folder().toLowerCase(Locale.ROOT).contains(needle)) {
        shown.add(n);
      }
    }
    shown.sort(sort.order());
    Node root = new Node("", "");
    for (NoteRef n : shown) {
      Node at = root;
      if (!n.folder().isEmpty()) {
        String path = "";
        for (String part : n.folder().split("/")) {
          path = path.isEmpty() ? part : path + "/" + part;
          String p = path;
          at =
              at.children.computeIfAbsent(
                  part.toLowerCase(Locale.ROOT) + "\u0000" + part, k -> new Node(p, part));
        }
      }
      at.notes.add(n);
    }
    TreeItem<Object> item = new TreeItem<>("");
    fill(item, root, expanded, !needle.isEmpty());
    item.setExpanded(true);
    return item;
  }

  private static int fill(
      TreeItem<Object> item, Node node, Set<String> expanded, boolean expandAll) {
    int count = node.notes.size();
    for (Node child : node.children.values()) {
      TreeItem<Object> childItem = new TreeItem<>();
      int inside = fill(childItem, child, expanded, expandAll);
      childItem.setValue(new Folder(child.path, child.name, inside));
      childItem.setExpanded(expandAll || expanded.contains(child.path));
      item.getChildren().add(childItem);
      count += inside;
    }
    for (NoteRef n : node.notes) {
      item.getChildren().add(new TreeItem<>(n));
    }
    return count;
  }

  private static final class Node {
    final String path;
    final String name;
    final Map<String, Node> children = new TreeMap<>();
    final List<NoteRef> notes = new ArrayList<>();

    Node(String path, String name) {
      this.path = path;
      this.name = name;
    }
  }
}
