package org.rhizome.graph.query.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A query's AST as one line of S-expressions: for tests, explanations and error reports. */
public final class AstPrinter {
  private AstPrinter() {}

  public static String print(Ast.Query q) {
    List<String> parts = new ArrayList<>();
    parts.add(q.kind().name().toLowerCase(Locale.ROOT));
    for (Ast.Column c : q.columns()) {
      parts.add("(col " + print(c.expr()) + " \"" + c.name() + "\")");
    }
    if (!(q.from() instanceof Ast.All)) {
      parts.add("(from " + print(q.from()) + ")");
    }
    if (q.where() != null) {
      parts.add("(where " + print(q.where()) + ")");
    }
    if (q.groupBy() != null) {
      parts.add("(group " + print(q.groupBy()) + ")");
    }
    for (Ast.SortKey k : q.sort()) {
      parts.add("(sort " + print(k.expr()) + (k.descending() ? " desc" : "") + ")");
    }
    if (q.limit() != null) {
      parts.add("(limit " + q.limit() + ")");
    }
    return String.join(" ", parts);
  }

  public static String print(Ast.Source s) {
    if (s instanceof Ast.All) {
      return "all";
    }
    if (s instanceof Ast.Folder f) {
      return "(folder \"" + f.path() + "\")";
    }
    if (s instanceof Ast.Tag t) {
      return "#" + t.tag();
    }
    if (s instanceof Ast.LinksTo l) {
      return "(links-to \"" + l.note() + "\")";
    }
    if (s instanceof Ast.LinkedFrom l) {
      return "(linked-from \"" + l.note() + "\")";
    }
    if (s instanceof Ast.Within w) {
      return "(within "
          + w.distance()
          + " \""
          + w.note()
          + "\" "
          + w.direction().name().toLowerCase(Locale.ROOT)
          + ")";
    }
    if (s instanceof Ast.Path p) {
      return "(path \"" + p.from() + "\" \"" + p.to() + "\" " + p.maxLength() + ")";
    }
    if (s instanceof Ast.AndSource a) {
      return "(and " + print(a.left()) + " " + print(a.right()) + ")";
    }
    if (s instanceof Ast.OrSource o) {
      return "(or " + print(o.left()) + " " + print(o.right()) + ")";
    }
    return "(not " + print(((Ast.NotSource) s).inner()) + ")";
  }

  public static String print(Ast.Expr e) {
    if (e instanceof Ast.Literal l) {
      Object v = l.value();
      return v == null
          ? "null"
          : v instanceof String s
              ? "\"" + s + "\""
              : v instanceof Double d ? QueryResult.text(d) : v.toString();
    }
    if (e instanceof Ast.Field f) {
      return f.name();
    }
    if (e instanceof Ast.Call c) {
      StringBuilder sb = new StringBuilder("(").append(c.function()).append("()");
      for (Ast.Expr a : c.args()) {
        sb.append(' ').append(print(a));
      }
      return sb.append(')').toString();
    }
    if (e instanceof Ast.Binary b) {
      return "(" + b.op().symbol + " " + print(b.left()) + " " + print(b.right()) + ")";
    }
    if (e instanceof Ast.Unary u) {
      return "(" + (u.op() == Ast.Op.NOT ? "not" : "neg") + " " + print(u.operand()) + ")";
    }
    Ast.ListOf l = (Ast.ListOf) e;
    List<String> items = new ArrayList<>();
    for (Ast.Expr i : l.items()) {
      items.add(print(i));
    }
    return "[" + String.join(" ", items) + "]";
  }
}
