package org.rhizome.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Plain text in aligned columns, two spaces apart; the last column is not padded. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final boolean[] rightAligned;

  /**
   * @param rightAligned per column, whether to right-align it (numbers)
   */
  TextTable(boolean... rightAligned) {
    this.rightAligned = rightAligned;
  }

  TextTable row(String... cells) {
    if (cells.length != rightAligned.length) {
      throw new IllegalArgumentException(
          "expected " + rightAligned.length + " cells, got " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Prints every row, each prefixed by {@code indent}. */
  void print(PrintWriter out, String indent) {
    int columns = rightAligned.length;
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < columns; i++) {
        boolean last = i == columns - 1;
        String pad = " ".repeat(widths[i] - row[i].length());
        if (rightAligned[i]) {
          line.append(pad).append(row[i]);
        } else {
          line.append(row[i]).append(last ? "" : pad);
        }
        if (!last) {
          line.append("  ");
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }
}
