package org.rhizome.graph.query.lang;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.encoding.Json;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.NoteQueries;
import org.rhizome.graph.query.NoteRef;

/**
 * Runs a query on a read connection: parses it, looks up the notes it names, compiles it to one SQL
 * statement ({@link Compiler}) and reads the rows back into a {@link QueryResult}. Stateless; the
 * caller's thread and connection.
 */
public final class QueryEngine {
  private QueryEngine() {}

  /** Parses and runs {@code text}, with now() the current time and today() the local date. */
  public static QueryResult run(Connection c, String text) throws QueryException, SQLException {
    return run(c, text, System.currentTimeMillis(), ZoneId.systemDefault());
  }

  public static QueryResult run(Connection c, String text, long now, ZoneId zone)
      throws QueryException, SQLException {
    return run(c, text, Parser.parse(text), now, zone);
  }

  public static QueryResult run(Connection c, String text, Ast.Query q, long now, ZoneId zone)
      throws QueryException, SQLException {
    Map<String, Long> anchors = new HashMap<>();
    for (String name : anchorNames(q.from(), new ArrayList<>())) {
      Optional<NoteRef> ref = NoteQueries.resolve(c, name);
      if (ref.isPresent()) {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM note WHERE soul = ?")) {
          ps.setString(1, ref.get().soul().value());
          try (ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
              anchors.put(name, rs.getLong(1));
            }
          }
        }
      }
    }
    Compiler compiler = new Compiler(text, anchors, now, zone);
    Compiler.Compiled compiled = compiler.compile(q);
    List<String> columns = new ArrayList<>();
    for (Ast.Column col : q.columns()) {
      columns.add(col.name());
    }
    List<QueryResult.Row> rows = new ArrayList<>();
    long count = 0;
    try (PreparedStatement ps = c.prepareStatement(compiled.sql());
        ResultSet rs = ps.executeQuery()) {
      if (q.kind() == Ast.Kind.COUNT) {
        if (!compiled.grouped()) {
          rs.next();
          count = rs.getLong(1);
        } else {
          while (rs.next()) {
            Object key =
                decode(rs, 1, compiled.columnTypes().get(0), compiled.columnProperty().get(0));
            long n = rs.getLong(2);
            count += n;
            rows.add(new QueryResult.Row(null, "", "", key, List.of((double) n), null));
          }
        }
        return new QueryResult(
            q.kind(), List.of("count"), rows, count, compiled.grouped(), compiler.warnings());
      }
      boolean tasks = q.kind() == Ast.Kind.TASKS;
      int first = tasks ? 17 : 5;
      while (rs.next()) {
        Soul soul = new Soul(rs.getString(2));
        QueryResult.TaskRow task = tasks ? task(rs) : null;
        Object group =
            compiled.grouped()
                ? decode(rs, first, compiled.columnTypes().get(0), compiled.columnProperty().get(0))
                : null;
        List<Object> values = new ArrayList<>();
        for (int i = 1; i < compiled.columnTypes().size(); i++) {
          values.add(
              decode(
                  rs, first + i, compiled.columnTypes().get(i), compiled.columnProperty().get(i)));
        }
        rows.add(new QueryResult.Row(soul, rs.getString(3), rs.getString(4), group, values, task));
      }
    }
    return new QueryResult(
        q.kind(), columns, rows, rows.size(), compiled.grouped(), compiler.warnings());
  }

  /**
   * The SQL a query compiles to (for explaining and benchmarking), with anchors looked up on {@code
   * c}.
   */
  public static String explain(Connection c, String text) throws QueryException, SQLException {
    Ast.Query q = Parser.parse(text);
    Map<String, Long> anchors = new HashMap<>();
    for (String name : anchorNames(q.from(), new ArrayList<>())) {
      anchors.put(name, -1L);
    }
    return new Compiler(text, anchors, System.currentTimeMillis(), ZoneId.systemDefault())
        .compile(q)
        .sql();
  }

  private static List<String> anchorNames(Ast.Source s, List<String> out) {
    if (s instanceof Ast.AndSource a) {
      anchorNames(a.left(), out);
      anchorNames(a.right(), out);
    } else if (s instanceof Ast.OrSource o) {
      anchorNames(o.left(), out);
      anchorNames(o.right(), out);
    } else if (s instanceof Ast.NotSource x) {
      anchorNames(x.inner(), out);
    } else if (s instanceof Ast.LinksTo l) {
      out.add(l.note());
    } else if (s instanceof Ast.LinkedFrom l) {
      out.add(l.note());
    } else if (s instanceof Ast.Within w) {
      out.add(w.note());
    } else if (s instanceof Ast.Path p) {
      out.add(p.from());
      out.add(p.to());
    }
    return out;
  }

  private static QueryResult.TaskRow task(ResultSet rs) throws SQLException {
    List<String> tags = strings(rs.getString(15));
    List<String> links = strings(rs.getString(16));
    return new QueryResult.TaskRow(
        rs.getInt(5),
        rs.getInt(6),
        rs.getString(7).charAt(0),
        rs.getString(8),
        longOrNull(rs, 9),
        longOrNull(rs, 10),
        longOrNull(rs, 11),
        longOrNull(rs, 12),
        longOrNull(rs, 13),
        rs.getInt(14),
        tags,
        links);
  }

  private static List<String> strings(String json) {
    List<String> out = new ArrayList<>();
    if (Json.parse(json) instanceof List<?> list) {
      for (Object o : list) {
        out.add(String.valueOf(o));
      }
    }
    return out;
  }

  private static @Nullable Long longOrNull(ResultSet rs, int i) throws SQLException {
    long v = rs.getLong(i);
    return rs.wasNull() ? null : v;
  }

  private static @Nullable Object decode(
      ResultSet rs, int i, Compiler.Type type, @Nullable String property) throws SQLException {
    Object raw = rs.getObject(i);
    if (raw == null) {
      return null;
    }
    if (property != null) {
      return propertyValue((String) raw);
    }
    switch (type) {
      case DATE:
        return raw instanceof Number num
            ? new QueryResult.DateValue(Math.round(num.doubleValue()))
            : raw.toString();
      case BOOL:
        return raw instanceof Number num ? num.doubleValue() != 0 : Boolean.valueOf(raw.toString());
      case LIST:
        return Json.parse(raw.toString());
      default:
        return raw instanceof Number num ? (Object) num.doubleValue() : raw.toString();
    }
  }

  /**
   * A property column: one [type, value] pair per value; one value reads as itself, several as a
   * list.
   */
  private static @Nullable Object propertyValue(String json) {
    if (!(Json.parse(json) instanceof List<?> pairs) || pairs.isEmpty()) {
      return null;
    }
    List<Object> values = new ArrayList<>();
    for (Object o : pairs) {
      List<?> pair = (List<?>) o;
      String type = (String) pair.get(0);
      Object v = pair.get(1);
      values.add(
          switch (type) {
            case "date" -> new QueryResult.DateValue(Math.round((Double) v));
            case "checkbox" -> ((Double) v) != 0;
            case "link" -> new QueryResult.LinkValue((String) v);
            default -> v;
          });
    }
    return values.size() == 1 ? values.get(0) : values;
  }
}
