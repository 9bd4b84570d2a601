package org.rhizome.graph.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.markdown.ParsedNote;
import org.rhizome.graph.markdown.WikiLink;

/**
 * Finds the checklist items of a note ({@code - [ ] text}, {@code * [x] text}, {@code 1. [/] text},
 * indented or in a quote) outside front matter and fenced code, and reads the fields Obsidian Tasks
 * and Dataview users write on them: dates after {@code 📅} (due; also {@code 📆 🗓}), {@code ⏳}
 * (scheduled; also {@code ⌛}), {@code 🛫} (start), {@code ✅} (done), {@code ➕} (created); priority
 * {@code 🔺 ⏫ 🔼 🔽 ⏬}; and inline fields {@code [due:: 2026-12-24]}, {@code (due:: …)} or a bare
 * {@code due:: 2026-12-24} (keys due, scheduled, start, completion/done, created, priority). Pure
 * and stateless; one pass over the text, and a note without {@code [} costs one scan.
 */
public final class TaskParser {
  private TaskParser() {}

  public static List<Task> parse(String text, ParsedNote parsed) {
    if (text.indexOf('[') < 0) {
      return List.of();
    }
    List<Task> out = new ArrayList<>();
    int from = parsed.frontMatter().endOffset();
    int line = countLines(text, from);
    char fence = 0;
    int fenceLen = 0;
    int n = text.length();
    int i = from;
    while (i < n) {
      int eol = text.indexOf('\n', i);
      int end = eol < 0 ? n : eol;
      int lineEnd = end > i && text.charAt(end - 1) == '\r' ? end - 1 : end;
      int p = skipIndent(text, i, lineEnd);
      if (fence != 0) {
        if (p - i <= 3
            && runOf(text, p, lineEnd, fence) >= fenceLen
            && text.substring(p + runOf(text, p, lineEnd, fence), lineEnd).isBlank()) {
          fence = 0;
        }
      } else if (p - i <= 3
          && p < lineEnd
          && (text.charAt(p) == '`' || text.charAt(p) == '~')
          && runOf(text, p, lineEnd, text.charAt(p)) >= 3) {
        fence = text.charAt(p);
        fenceLen = runOf(text, p, lineEnd, fence);
      } else {
        Task t = task(text, i, lineEnd, line, parsed);
        if (t != null) {
          out.add(t);
        }
      }
      line++;
      i = end + 1;
    }
    return out;
  }

  private static int countLines(String text, int to) {
    int lines = 0;
    for (int i = 0; i < to; i++) {
      if (text.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }

  private static int skipIndent(String s, int i, int end) {
    while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  private static int runOf(String s, int i, int end, char c) {
    int k = i;
    while (k < end && s.charAt(k) == c) {
      k++;
    }
    return k - i;
  }

  /** The task on the line {@code [start, end)}, or null if it is not a checklist item. */
  private static @Nullable Task task(String s, int start, int end, int line, ParsedNote parsed) {
    int p = skipIndent(s, start, end);
    while (p < end && s.charAt(p) == '>') { // a task in a quote or callout
      p = skipIndent(s, p + 1, end);
    }
    if (p >= end) {
      return null;
    }
    char c = s.charAt(p);
    if (c == '-' || c == '*' || c == '+') {
      p++;
    } else if (c >= '0' && c <= '9') {
      int d = p;
      while (d < end && d - p < 9 && s.charAt(d) >= '0' && s.charAt(d) <= '9') {
        d++;
      }
      if (d >= end || (s.charAt(d) != '.' && s.charAt(d) != ')')) {
        return null;
      }
      p = d + 1;
    } else {
      return null;
    }
    if (p >= end || (s.charAt(p) != ' ' && s.charAt(p) != '\t')) {
      return null;
    }
    p = skipIndent(s, p, end);
    if (p + 2 >= end || s.charAt(p) != '[' || s.charAt(p + 2) != ']') {
      return null;
    }
    char mark = s.charAt(p + 1);
    if (mark == '\n' || mark == '\r' || mark == '\t') {
      return null;
    }
    int after = p + 3;
    if (after < end && s.charAt(after) != ' ' && s.charAt(after) != '\t') {
      return null; // [x]y is a link reference, not a checkbox
    }
    String raw = s.substring(after, end).strip();
    return fields(line, p + 1, mark, raw, s, start, end, parsed);
  }

  private static final String[][] DATE_SIGNS = {
    {"\uD83D\uDCC5", "due"},
    {"\uD83D\uDCC6", "due"},
    {"\uD83D\uDDD3", "due"},
    {"\u23F3", "scheduled"},
    {"\u231B", "scheduled"},
    {"\uD83D\uDEEB", "start"},
    {"\u2705", "done"},
    {"\u2795", "created"},
    {"\u274C", "cancelled"},
  };
  private static final String[] PRIORITY_SIGNS = {
    "\u23EC", "\uD83D\uDD3D", null, "\uD83D\uDD3C", "\u23EB", "\uD83D\uDD3A"
  };

  private static Task fields(
      int line,
      int markOffset,
      char mark,
      String raw,
      String s,
      int lineStart,
      int lineEnd,
      ParsedNote parsed) {
    Long[] dates = new Long[5]; // due, scheduled, start, done, created
    int priority = Task.PRIORITY_NONE;
    StringBuilder desc = new StringBuilder(raw.length());
    int[] end = new int[1];
    int i = 0;
    int n = raw.length();
    scan:
    while (i < n) {
      char c = raw.charAt(i);
      if (c == '[' || c == '(') {
        int close = raw.indexOf(c == '[' ? ']' : ')', i);
        int sep = raw.indexOf("::", i);
        if (close > 0
            && sep > i
            && sep < close
            && !(c == '[' && i + 1 < n && raw.charAt(i + 1) == '[')) {
          if (inlineField(raw.substring(i + 1, sep), raw.substring(sep + 2, close), dates)) {
            i = close + 1;
            continue;
          }
          int pr = priorityName(raw.substring(i + 1, sep), raw.substring(sep + 2, close));
          if (pr >= 0) {
            priority = pr;
            i = close + 1;
            continue;
          }
          if (raw.substring(i + 1, sep).strip().matches("[\\p{L}\\p{N}_-]+")) {
            i =
                close
                    + 1; // another Dataview field ([repeat:: …], [id:: …]): kept in raw, not in the
            // description
            continue;
          }
        }
      }
      if (Character.isHighSurrogate(c) || c >= 0x2300) {
        for (String[] sign : DATE_SIGNS) {
          if (raw.startsWith(sign[0], i)) {
            int j = i + sign[0].length();
            if (j < n && raw.charAt(j) == '\uFE0F') {
              j++;
            }
            while (j < n && raw.charAt(j) == ' ') {
              j++;
            }
            Long d = Dates.parseAt(raw, j, end);
            if (d != null) {
              setDate(dates, sign[1], d);
              i = end[0];
              continue scan;
            }
          }
        }
        for (int pr = 0; pr < PRIORITY_SIGNS.length; pr++) {
          if (PRIORITY_SIGNS[pr] != null && raw.startsWith(PRIORITY_SIGNS[pr], i)) {
            priority = pr;
            i += PRIORITY_SIGNS[pr].length();
            if (i < n && raw.charAt(i) == '\uFE0F') {
              i++;
            }
            continue scan;
          }
        }
      }
      desc.append(c);
      i++;
    }
    // A bare "key:: value" (Dataview) runs to the end of the line.
    String d = desc.toString();
    int bare = d.indexOf("::");
    if (bare > 0) {
      int k = bare;
      while (k > 0
          && (Character.isLetterOrDigit(d.charAt(k - 1))
              || d.charAt(k - 1) == '_'
              || d.charAt(k - 1) == '-')) {
        k--;
      }
      if (k < bare && (k == 0 || d.charAt(k - 1) == ' ')) {
        if (inlineField(d.substring(k, bare), d.substring(bare + 2), dates)) {
          d = d.substring(0, k);
        }
      }
    }
    String text = d.replaceAll("[ \\t]+", " ").strip();
    List<String> tags = tags(raw);
    List<String> links = new ArrayList<>();
    for (WikiLink l : parsed.links()) {
      if (l.start() >= lineStart && l.start() < lineEnd && !l.target().isEmpty()) {
        links.add(l.target());
      }
    }
    return new Task(
        line,
        markOffset,
        mark,
        text,
        raw,
        dates[0],
        dates[1],
        dates[2],
        dates[3],
        dates[4],
        priority,
        tags,
        links);
  }

  private static void setDate(Long[] dates, String key, long value) {
    switch (key) {
      case "due" -> dates[0] = value;
      case "scheduled" -> dates[1] = value;
      case "start" -> dates[2] = value;
      case "done", "completion" -> dates[3] = value;
      case "created" -> dates[4] = value;
      default -> {} // a cancelled date is read and dropped
    }
  }

  private static boolean inlineField(String key, String value, Long[] dates) {
    String k = key.strip().toLowerCase(Locale.ROOT);
    if (!(k.equals("due")
        || k.equals("scheduled")
        || k.equals("start")
        || k.equals("done")
        || k.equals("completion")
        || k.equals("created")
        || k.equals("cancelled"))) {
      return false;
    }
    Long d = Dates.parse(value);
    if (d == null) {
      return false;
    }
    setDate(dates, k, d);
    return true;
  }

  private static int priorityName(String key, String value) {
    if (!key.strip().equalsIgnoreCase("priority")) {
      return -1;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "highest" -> 5;
      case "high" -> 4;
      case "medium" -> 3;
      case "none", "normal" -> 2;
      case "low" -> 1;
      case "lowest" -> 0;
      default -> -1;
    };
  }

  /** {@code #tags} in the item's text, as body tags are written (at least one non-digit). */
  static List<String> tags(String raw) {
    List<String> out = new ArrayList<>();
    for (int i = raw.indexOf('#'); i >= 0; i = raw.indexOf('#', i + 1)) {
      if (i > 0 && !Character.isWhitespace(raw.charAt(i - 1)) && raw.charAt(i - 1) != '(') {
        continue;
      }
      int j = i + 1;
      boolean nonDigit = false;
      while (j < raw.length()) {
        int cp = raw.codePointAt(j);
        if (!(Character.isLetterOrDigit(cp)
            || cp == '-'
            || cp == '_'
            || cp == '/'
            || Character.getType(cp) == Character.NON_SPACING_MARK)) {
          break;
        }
        nonDigit |= !Character.isDigit(cp);
        j += Character.charCount(cp);
      }
      while (j > i + 1 && raw.charAt(j - 1) == '/') {
        j--;
      }
      if (j > i + 1 && nonDigit) {
        out.add(raw.substring(i + 1, j));
      }
    }
    return out;
  }
}
