package org.rhizome.ui.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins the HTML of a note's runs of blocks ({@link MarkdownBlocks}) into one page. What depends on
 * the whole note is left in a run's HTML as a marker, so a run's HTML can be kept and reused when
 * other runs change: footnote references (numbered here in order of first use, the list of
 * footnotes put at the end with links back), heading ids (made unique here), and task offsets
 * (relative to the run).
 *
 * <p>A marker is {@code U+E000}, a kind letter, a payload and {@code U+E001}; these private-use
 * characters are taken out of a note before it is parsed, so a note cannot forge one.
 */
final class PageAssembly {
  static final char OPEN = '\uE000';
  static final char CLOSE = '\uE001';

  /** A footnote reference {@code [^label]}. */
  static String footnoteRef(String label) {
    return OPEN + "R" + label + CLOSE;
  }

  /** The {@code index}-th inline footnote {@code ^[…]} of its run. */
  static String inlineFootnote(int index) {
    return OPEN + "I" + index + CLOSE;
  }

  /** A character offset into the run. */
  static String offset(int offset) {
    return OPEN + "O" + offset + CLOSE;
  }

  /** A heading's id, made unique in the page. */
  static String headingId(String slug) {
    return OPEN + "H" + slug + CLOSE;
  }

  /** The rendered HTML of one run of blocks, with markers, and what it defines. */
  record Part(
      String html, int start, Map<String, String> footnotes, List<String> inlineFootnotes) {}

  /**
   * The page's HTML, and where its first runs end once they hold at least {@link #FOLD_CHARS}
   * characters of it ({@code html.length()} when the whole page is that small): what a reading view
   * shows first; {@code segments} are where each run's HTML (and the list of footnotes) starts in
   * it, so that a view can replace only the runs an edit changed ({@link PagePatch}).
   */
  record Joined(String html, int fold, List<Integer> segments) {}

  /** About two screens of HTML: a page shows this much first, the rest just after. */
  static final int FOLD_CHARS = 16 * 1024;

  /** Makes the page's HTML out of its runs, in order. */
  static String join(List<Part> parts) {
    return joinWithFold(parts).html();
  }

  /** As {@link #join}, with where the first screens end. */
  static Joined joinWithFold(List<Part> parts) {
    Map<String, String> definitions = new HashMap<>();
    for (Part p : parts) {
      p.footnotes().forEach(definitions::putIfAbsent);
    }
    PageAssembly a = new PageAssembly(definitions);
    StringBuilder out =
        new StringBuilder(parts.stream().mapToInt(p -> p.html().length()).sum() + 64);
    int fold = -1;
    List<Integer> segments = new ArrayList<>(parts.size() + 1);
    for (Part p : parts) {
      segments.add(out.length());
      a.resolve(p.html(), p, out);
      if (fold < 0 && out.length() >= FOLD_CHARS) {
        fold = out.length();
      }
    }
    if (!a.notes.isEmpty()) {
      segments.add(out.length());
    }
    a.footnoteList(out);
    return new Joined(out.toString(), fold < 0 ? out.length() : fold, List.copyOf(segments));
  }

  /**
   * The HTML of the first of {@code parts} up to where they hold at least {@link #FOLD_CHARS}
   * characters, numbered as {@link #joinWithFold} numbers them, without the list of footnotes (a
   * reference whose definition is in a later part shows as its source text): the start of a page to
   * show before the rest is rendered.
   */
  static Joined joinStart(List<Part> parts) {
    Map<String, String> definitions = new HashMap<>();
    for (Part p : parts) {
      p.footnotes().forEach(definitions::putIfAbsent);
    }
    PageAssembly a = new PageAssembly(definitions);
    StringBuilder out = new StringBuilder(FOLD_CHARS + 4096);
    List<Integer> segments = new ArrayList<>();
    for (Part p : parts) {
      segments.add(out.length());
      a.resolve(p.html(), p, out);
      if (out.length() >= FOLD_CHARS) {
        break;
      }
    }
    return new Joined(out.toString(), out.length(), List.copyOf(segments));
  }

  private final Map<String, String> definitions;
  private final Map<String, Integer> headingIds = new HashMap<>();
  private final Map<String, Integer> numbers = new HashMap<>();

  /** Footnote number - 1 → its definition's HTML and how many references it has. */
  private final List<Note> notes = new ArrayList<>();

  private static final class Note {
    final String html;
    final Part part;
    int references;

    Note(String html, Part part) {
      this.html = html;
      this.part = part;
    }
  }

  private PageAssembly(Map<String, String> definitions) {
    this.definitions = definitions;
  }

  private void resolve(String html, Part part, StringBuilder out) {
    int from = 0;
    for (int open = html.indexOf(OPEN); open >= 0; open = html.indexOf(OPEN, from)) {
      int close = html.indexOf(CLOSE, open);
      if (close < 0) {
        break;
      }
      out.append(html, from, open);
      char kind = html.charAt(open + 1);
      String payload = html.substring(open + 2, close);
      switch (kind) {
        case 'R' -> reference(payload, part, out);
        case 'I' -> inline(Integer.parseInt(payload), part, out);
        case 'O' -> out.append(part.start() + Integer.parseInt(payload));
        case 'H' -> {
          int seen = headingIds.merge(payload, 1, Integer::sum);
          out.append(payload);
          if (seen > 1) {
            out.append('-').append(seen - 1);
          }
        }
        default -> {}
      }
      from = close + 1;
    }
    out.append(html, from, html.length());
  }

  private void reference(String label, Part part, StringBuilder out) {
    Integer number = numbers.get(label);
    if (number == null) {
      String definition = definitions.get(label);
      if (definition == null) {
        out.append("[^").append(Html.escape(label)).append(']');
        return;
      }
      notes.add(new Note(definition, part));
      number = notes.size();
      numbers.put(label, number);
    }
    refLink(number, out);
  }

  private void inline(int index, Part part, StringBuilder out) {
    if (index < 0 || index >= part.inlineFootnotes().size()) {
      return;
    }
    notes.add(new Note(part.inlineFootnotes().get(index), part));
    refLink(notes.size(), out);
  }

  private void refLink(int number, StringBuilder out) {
    Note note = notes.get(number - 1);
    note.references++;
    String id = "fnref-" + number + (note.references > 1 ? "-" + (note.references - 1) : "");
    out.append("<sup id=\"")
        .append(id)
        .append("\"><a class=\"footnote-ref\" href=\"#fn-")
        .append(number)
        .append("\">")
        .append(number)
        .append("</a></sup>");
  }

  /**
   * The numbered footnotes with links back to each reference (a footnote may refer to a later one:
   * bounded).
   */
  private void footnoteList(StringBuilder out) {
    if (notes.isEmpty()) {
      return;
    }
    out.append("<div class=\"footnotes\">\n<hr />\n<ol>\n");
    for (int i = 0; i < notes.size() && i < 10_000; i++) {
      Note note = notes.get(i);
      int number = i + 1;
      out.append("<li id=\"fn-").append(number).append("\">\n");
      StringBuilder body = new StringBuilder();
      resolve(note.html, note.part, body);
      out.append(body);
      for (int r = 0; r < note.references; r++) {
        out.append("<a href=\"#fnref-")
            .append(number)
            .append(r > 0 ? "-" + r : "")
            .append("\" class=\"footnote-backref\">&#8617;</a>");
      }
      out.append("\n</li>\n");
    }
    out.append("</ol>\n</div>\n");
  }

  /**
   * Private-use marker characters in a note made plain replacement characters (same length: offsets
   * hold).
   */
  static String unforgeable(String text) {
    if (text.indexOf(OPEN) < 0 && text.indexOf(CLOSE) < 0) {
      return text;
    }
    return text.replace(OPEN, '\uFFFD').replace(CLOSE, '\uFFFD');
  }

  /** Definitions in order, for a run's result. */
  static Map<String, String> definitions() {
    return new LinkedHashMap<>();
  }
}
