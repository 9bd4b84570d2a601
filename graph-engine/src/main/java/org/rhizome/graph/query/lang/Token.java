package org.rhizome.graph.query.lang;

/**
 * One token of a query: its kind, its text as written (a string's or link's value unquoted), and
 * where it starts.
 */
record Token(Kind kind, String text, int offset, int end) {
  enum Kind {
    IDENT,
    NUMBER,
    STRING,
    TAG,
    WIKILINK,
    OP,
    END
  }

  /** How an error names this token: {@code 'sort'}, {@code "text"}, or "the end of the query". */
  String describe() {
    return switch (kind) {
      case END -> "the end of the query";
      case STRING -> "\"" + text + "\"";
      case TAG -> "'#" + text + "'";
      case WIKILINK -> "'[[" + text + "]]'";
      default -> "'" + text + "'";
    };
  }

  boolean is(String word) {
    return (kind == Kind.IDENT || kind == Kind.OP) && text.equalsIgnoreCase(word);
  }
}
