package org.rhizome.graph.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.rhizome.graph.note.NoteKeys;

/**
 * A parsed search: what a person types, turned into a safe SQLite FTS5 expression plus filters.
 *
 * <ul>
 *   <li>{@code word} — notes containing the word (all words must match); {@code wor*} — a prefix;
 *   <li>{@code "two words"} — a phrase; {@code a OR b} — either;
 *   <li>{@code -word} — excluding notes with the word;
 *   <li>{@code title:word}, {@code title:"a phrase"} — only in titles;
 *   <li>{@code tag:name} (or {@code tag:#name}) — notes tagged {@code name} or {@code name/…}.
 * </ul>
 *
 * Every user term is quoted before it reaches FTS5, so no input is a syntax error.
 */
public record SearchQuery(List<Term> terms, List<String> tagKeys) {

  /** One term of the query: the words of a phrase (one word for a plain term). */
  public record Term(
      String text,
      boolean prefix,
      boolean phrase,
      boolean titleOnly,
      boolean negated,
      boolean orWithPrevious) {}

  public static SearchQuery parse(String input) {
    List<Term> terms = new ArrayList<>();
    List<String> tags = new ArrayList<>();
    int i = 0;
    int n = input.length();
    boolean pendingOr = false;
    while (i < n) {
      char ch = input.charAt(i);
      if (Character.isWhitespace(ch)) {
        i++;
        continue;
      }
      boolean negated = false;
      boolean titleOnly = false;
      if (ch == '-' && i + 1 < n && !Character.isWhitespace(input.charAt(i + 1))) {
        negated = true;
        i++;
      }
      if (input.regionMatches(true, i, "title:", 0, 6)) {
        titleOnly = true;
        i += 6;
      } else if (input.regionMatches(true, i, "tag:", 0, 4)) {
        int end = i + 4;
        while (end < n && !Character.isWhitespace(input.charAt(end))) {
          end++;
        }
        String tag = NoteKeys.tagKey(input.substring(i + 4, end));
        if (!tag.isEmpty()) {
          tags.add(tag);
        }
        i = end;
        continue;
      }
      String text;
      boolean phrase = false;
      boolean prefix = false;
      if (i < n && input.charAt(i) == '"') {
        int close = input.indexOf('"', i + 1);
        int end = close < 0 ? n : close;
        text = input.substring(i + 1, end);
        phrase = true;
        i = close < 0 ? n : close + 1;
        if (i < n && input.charAt(i) == '*') {
          prefix = true;
          i++;
        }
      } else {
        int end = i;
        while (end < n && !Character.isWhitespace(input.charAt(end))) {
          end++;
        }
        text = input.substring(i, end);
        i = end;
        if (text.equals("OR") && !terms.isEmpty()) {
          pendingOr = true;
          continue;
        }
        while (text.endsWith("*")) {
          text = text.substring(0, text.length() - 1);
          prefix = true;
        }
      }
      if (text.isBlank()) {
        continue;
      }
      terms.add(new Term(text.strip(), prefix, phrase, titleOnly, negated, pendingOr && !negated));
      pendingOr = false;
    }
    return new SearchQuery(List.copyOf(terms), List.copyOf(tags));
  }

  /** The FTS5 MATCH expression, or empty when the query has no positive text term. */
  public String toFtsExpression() {
    StringBuilder out = new StringBuilder();
    for (Term t : terms) {
      if (t.negated()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(t.orWithPrevious() ? " OR " : " AND ");
      }
      out.append(ftsTerm(t));
    }
    if (out.length() == 0) {
      return "";
    }
    for (Term t : terms) {
      if (t.negated()) {
        out.append(" NOT ").append(ftsTerm(t));
      }
    }
    return out.toString();
  }

  private static String ftsTerm(Term t) {
    String quoted = '"' + t.text().replace("\"", "\"\"") + '"' + (t.prefix() ? "*" : "");
    return t.titleOnly() ? "title : " + quoted : quoted;
  }

  /** The lower-cased words a snippet should highlight (from positive terms). */
  public List<Term> highlightTerms() {
    List<Term> out = new ArrayList<>();
    for (Term t : terms) {
      if (!t.negated()) {
        for (String word : t.text().toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
          if (!word.isEmpty()) {
            out.add(new Term(word, t.prefix(), false, t.titleOnly(), false, false));
          }
        }
      }
    }
    return out;
  }
}
