package org.rhizome.graph.query.lang;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.tasks.Dates;

/**
 * A query result as an HTML fragment, for the reading view's {@code ```query} blocks and exports.
 * JavaFX-free. Notes link as {@code rhizome:Folder/Title} (the reading view's wikilink scheme);
 * tasks are checkboxes carrying {@code data-soul} and {@code data-line} so a view can tick them; an
 * error renders as a paragraph with class {@code rz-query-error}. Everything from notes is escaped.
 */
public final class QueryResultHtml {
  private QueryResultHtml() {}

  public static String error(String message) {
    return "<p class=\"rz-query-error\">" + escape(message) + "</p>";
  }

  public static String render(QueryResult r) {
    StringBuilder sb =
        new StringBuilder(
            "<div class=\"rz-query rz-query-"
                + r.kind().name().toLowerCase(java.util.Locale.ROOT)
                + "\">");
    for (String w : r.warnings()) {
      sb.append("<p class=\"rz-query-warning\">").append(escape(w)).append("</p>");
    }
    switch (r.kind()) {
      case COUNT -> {
        if (!r.grouped()) {
          sb.append("<p class=\"rz-query-count\">").append(r.count()).append("</p>");
        } else {
          sb.append("<table><thead><tr><th>group</th><th>count</th></tr></thead><tbody>");
          for (QueryResult.Row row : r.rows()) {
            sb.append("<tr><td>")
                .append(value(row.group()))
                .append("</td><td>")
                .append(value(row.values().get(0)))
                .append("</td></tr>");
          }
          sb.append("</tbody></table>");
        }
      }
      case TABLE -> {
        for (QueryResult.Group g : r.groups()) {
          heading(sb, r, g);
          sb.append("<table><thead><tr><th>note</th>");
          for (String c : r.columns()) {
            sb.append("<th>").append(escape(c)).append("</th>");
          }
          sb.append("</tr></thead><tbody>");
          for (QueryResult.Row row : g.rows()) {
            sb.append("<tr><td>").append(noteLink(row)).append("</td>");
            for (Object v : row.values()) {
              sb.append("<td>").append(value(v)).append("</td>");
            }
            sb.append("</tr>");
          }
          sb.append("</tbody></table>");
        }
      }
      case LIST -> {
        for (QueryResult.Group g : r.groups()) {
          heading(sb, r, g);
          sb.append("<ul>");
          for (QueryResult.Row row : g.rows()) {
            sb.append("<li>").append(noteLink(row));
            if (!row.values().isEmpty() && row.values().get(0) != null) {
              sb.append(": ").append(value(row.values().get(0)));
            }
            sb.append("</li>");
          }
          sb.append("</ul>");
        }
      }
      case TASKS -> {
        for (QueryResult.Group g : r.groups()) {
          heading(sb, r, g);
          sb.append("<ul class=\"contains-task-list\">");
          for (QueryResult.Row row : g.rows()) {
            QueryResult.TaskRow t = row.task();
            sb.append("<li class=\"task-list-item\" data-task=\"")
                .append(escape(String.valueOf(t.mark())))
                .append("\">")
                .append("<input type=\"checkbox\" data-soul=\"")
                .append(row.note() == null ? "" : escape(row.note().value()))
                .append("\" data-line=\"")
                .append(t.line())
                .append('"')
                .append(t.completed() ? " checked" : "")
                .append("> ")
                .append(escape(t.text()));
            if (t.due() != null) {
              sb.append(" <span class=\"rz-task-due\">📅 ")
                  .append(Dates.format(t.due()))
                  .append("</span>");
            }
            sb.append(" <span class=\"rz-task-note\">")
                .append(noteLink(row))
                .append("</span></li>");
          }
          sb.append("</ul>");
        }
      }
    }
    if (r.rows().isEmpty() && r.kind() != Ast.Kind.COUNT) {
      sb.append("<p class=\"rz-query-empty\">No results.</p>");
    }
    return sb.append("</div>").toString();
  }

  /** A note result as cards: one card per note, its title linked, then the query's columns. */
  public static String renderCards(QueryResult r) {
    StringBuilder sb = new StringBuilder("<div class=\"rz-query rz-query-cards\">");
    for (QueryResult.Row row : r.rows()) {
      card(sb, r, row);
    }
    if (r.rows().isEmpty()) {
      sb.append("<p class=\"rz-query-empty\">No results.</p>");
    }
    return sb.append("</div>").toString();
  }

  /**
   * A grouped note result as a board: one column per group, its cards below. The columns carry
   * {@code data-property}, {@code data-value} and {@code data-type} so a view that can edit may
   * move cards between them ({@link #boardValue} reads a column's value back with its type).
   */
  public static String renderBoard(QueryResult r, String property) {
    StringBuilder sb =
        new StringBuilder("<div class=\"rz-query rz-query-board\" data-property=\"")
            .append(escape(property))
            .append("\">");
    for (QueryResult.Group g : r.groups()) {
      sb.append("<div class=\"rz-board-column\" data-value=\"")
          .append(g.key() == null ? "" : escape(QueryResult.text(g.key())))
          .append("\" data-type=\"")
          .append(typeName(g.key()))
          .append("\"><h4 class=\"rz-query-group\">")
          .append(g.key() == null ? "(none)" : value(g.key()))
          .append(" <span class=\"rz-board-count\">")
          .append(g.rows().size())
          .append("</span></h4>");
      for (QueryResult.Row row : g.rows()) {
        card(sb, r, row);
      }
      sb.append("</div>");
    }
    if (r.rows().isEmpty()) {
      sb.append("<p class=\"rz-query-empty\">No results.</p>");
    }
    return sb.append("</div>").toString();
  }

  private static String typeName(@Nullable Object key) {
    if (key instanceof Double) {
      return "number";
    } else if (key instanceof Boolean) {
      return "checkbox";
    } else if (key instanceof QueryResult.DateValue) {
      return "date";
    } else if (key instanceof QueryResult.LinkValue) {
      return "link";
    }
    return key == null ? "" : "text";
  }

  /**
   * A board column's value from its {@code data-type} and {@code data-value}, typed as the query
   * gave it (so a number is written back as a number); null for the "(none)" column or a value that
   * does not read as its type.
   */
  public static @Nullable Object boardValue(String type, String text) {
    try {
      return switch (type) {
        case "number" -> Double.valueOf(text);
        case "checkbox" -> Boolean.valueOf(text);
        case "date" -> {
          Long millis = org.rhizome.graph.tasks.Dates.parse(text);
          yield millis == null ? null : new QueryResult.DateValue(millis);
        }
        case "link" -> new QueryResult.LinkValue(text);
        case "text" -> text;
        default -> null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static void card(StringBuilder sb, QueryResult r, QueryResult.Row row) {
    sb.append("<div class=\"rz-card\"")
        .append(row.note() == null ? "" : " data-soul=\"" + escape(row.note().value()) + "\"")
        .append("><div class=\"rz-card-title\">")
        .append(noteLink(row))
        .append("</div>");
    for (int i = 0; i < r.columns().size() && i < row.values().size(); i++) {
      Object v = row.values().get(i);
      if (v != null && !(v instanceof List<?> l && l.isEmpty())) {
        sb.append("<div class=\"rz-card-field\"><span class=\"rz-card-key\">")
            .append(escape(r.columns().get(i)))
            .append("</span> ")
            .append(value(v))
            .append("</div>");
      }
    }
    sb.append("</div>");
  }

  private static void heading(StringBuilder sb, QueryResult r, QueryResult.Group g) {
    if (r.grouped()) {
      sb.append("<h4 class=\"rz-query-group\">")
          .append(g.key() == null ? "(none)" : value(g.key()))
          .append("</h4>");
    }
  }

  private static String noteLink(QueryResult.Row row) {
    String path = row.folder().isEmpty() ? row.title() : row.folder() + "/" + row.title();
    return "<a class=\"internal-link\" href=\"rhizome:"
        + URLEncoder.encode(path, StandardCharsets.UTF_8)
        + "\">"
        + escape(row.title())
        + "</a>";
  }

  static String value(@Nullable Object v) {
    if (v instanceof QueryResult.LinkValue l) {
      return "<a class=\"internal-link\" href=\"rhizome:"
          + URLEncoder.encode(l.target(), StandardCharsets.UTF_8)
          + "\">"
          + escape(l.target())
          + "</a>";
    }
    if (v instanceof Boolean b) {
      return "<input type=\"checkbox\" disabled" + (b ? " checked" : "") + ">";
    }
    if (v instanceof List<?> list) {
      StringBuilder sb = new StringBuilder();
      for (Object o : list) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(value(o));
      }
      return sb.toString();
    }
    return escape(QueryResult.text(v));
  }

  public static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
