package org.rhizome.graph.query.lang;

/**
 * A query that cannot be read or run as written: where (1-based line and column, 0-based offset)
 * and what was expected there. The message says all of it in one sentence.
 */
public final class QueryException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;
  private final int line;
  private final int column;
  private final String problem;

  public QueryException(String source, int offset, String problem) {
    super(where(source, offset) + ": " + problem);
    this.offset = offset;
    int[] lc = lineColumn(source, offset);
    this.line = lc[0];
    this.column = lc[1];
    this.problem = problem;
  }

  public int offset() {
    return offset;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** The message without its position. */
  public String problem() {
    return problem;
  }

  private static String where(String source, int offset) {
    int[] lc = lineColumn(source, offset);
    return "line " + lc[0] + ", column " + lc[1];
  }

  private static int[] lineColumn(String source, int offset) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < Math.min(offset, source.length()); i++) {
      if (source.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }
}
