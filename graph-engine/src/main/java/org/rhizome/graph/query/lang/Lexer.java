package org.rhizome.graph.query.lang;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a query into tokens. Words are identifiers or keywords (the parser tells them apart, in
 * any case); {@code note.title} is one identifier. Strings are in double or single quotes with
 * backslash escapes; {@code #tag/nested} and {@code [[Note]]} are tokens of their own; {@code //}
 * starts a comment to the end of the line.
 */
final class Lexer {
  private final String src;
  private int i;

  private Lexer(String src) {
    this.src = src;
  }

  static List<Token> tokens(String src) throws QueryException {
    return new Lexer(src).run();
  }

  private List<Token> run() throws QueryException {
    List<Token> out = new ArrayList<>();
    int n = src.length();
    while (true) {
      while (i < n && (Character.isWhitespace(src.charAt(i)) || src.startsWith("//", i))) {
        if (src.startsWith("//", i)) {
          while (i < n && src.charAt(i) != '\n') {
            i++;
          }
        } else {
          i++;
        }
      }
      if (i >= n) {
        out.add(new Token(Token.Kind.END, "", n, n));
        return out;
      }
      int start = i;
      char c = src.charAt(i);
      if (Character.isLetter(c) || c == '_') {
        while (i < n
            && (Character.isLetterOrDigit(src.charAt(i))
                || src.charAt(i) == '_'
                || (src.charAt(i) == '.' && i + 1 < n && Character.isLetter(src.charAt(i + 1))))) {
          i++;
        }
        out.add(new Token(Token.Kind.IDENT, src.substring(start, i), start, i));
      } else if (Character.isDigit(c)
          || (c == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1)))) {
        while (i < n && Character.isDigit(src.charAt(i))) {
          i++;
        }
        if (i < n && src.charAt(i) == '.' && i + 1 < n && Character.isDigit(src.charAt(i + 1))) {
          i++;
          while (i < n && Character.isDigit(src.charAt(i))) {
            i++;
          }
        }
        if (i < n && Character.isLetter(src.charAt(i))) {
          throw new QueryException(
              src,
              i,
              "expected a space or an operator after the number "
                  + src.substring(start, i)
                  + ", found '"
                  + src.charAt(i)
                  + "'");
        }
        out.add(new Token(Token.Kind.NUMBER, src.substring(start, i), start, i));
      } else if (c == '"' || c == '\'') {
        out.add(string(c));
      } else if (c == '#') {
        i++;
        while (i < n
            && (Character.isLetterOrDigit(src.charAt(i)) || "-_/".indexOf(src.charAt(i)) >= 0)) {
          i++;
        }
        String tag = src.substring(start + 1, i).replaceAll("/+$", "");
        if (tag.isEmpty() || tag.chars().allMatch(Character::isDigit)) {
          throw new QueryException(src, start, "expected a tag name after '#'");
        }
        out.add(new Token(Token.Kind.TAG, tag, start, i));
      } else if (src.startsWith("[[", i)) {
        int close = src.indexOf("]]", i + 2);
        if (close < 0) {
          throw new QueryException(src, start, "expected ']]' to close the link");
        }
        String target = src.substring(i + 2, close);
        int bar = target.indexOf('|');
        if (bar >= 0) {
          target = target.substring(0, bar);
        }
        if (target.isBlank()) {
          throw new QueryException(src, start, "expected a note name inside '[[ ]]'");
        }
        i = close + 2;
        out.add(new Token(Token.Kind.WIKILINK, target.strip(), start, i));
      } else {
        String two = i + 1 < n ? src.substring(i, i + 2) : "";
        if (two.equals("!=")
            || two.equals("<=")
            || two.equals(">=")
            || two.equals("==")
            || two.equals("<>")) {
          i += 2;
          out.add(
              new Token(
                  Token.Kind.OP, two.equals("==") ? "=" : two.equals("<>") ? "!=" : two, start, i));
        } else if ("=<>+-*/%(),[]".indexOf(c) >= 0) {
          i++;
          out.add(new Token(Token.Kind.OP, String.valueOf(c), start, i));
        } else {
          throw new QueryException(src, i, "unexpected character '" + c + "'");
        }
      }
    }
  }

  private Token string(char quote) throws QueryException {
    int start = i++;
    StringBuilder sb = new StringBuilder();
    while (i < src.length()) {
      char c = src.charAt(i++);
      if (c == quote) {
        return new Token(Token.Kind.STRING, sb.toString(), start, i);
      }
      if (c == '\\' && i < src.length()) {
        char e = src.charAt(i++);
        sb.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              default -> e;
            });
      } else {
        sb.append(c);
      }
    }
    throw new QueryException(src, start, "expected " + quote + " to close the string");
  }
}
