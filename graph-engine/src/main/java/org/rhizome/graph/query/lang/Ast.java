package org.rhizome.graph.query.lang;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The typed syntax tree of a query (docs/queries.md). Every node knows where it starts in the
 * query's text.
 */
public final class Ast {
  private Ast() {}

  public enum Kind {
    TABLE,
    LIST,
    TASKS,
    COUNT
  }

  public enum Direction {
    BOTH,
    OUTGOING,
    INCOMING
  }

  /**
   * A whole query. {@code from} is {@link All} when absent, {@code where} null when absent; a
   * {@code list} query may have one expression shown beside each title (its only column).
   */
  public record Query(
      Kind kind,
      List<Column> columns,
      Source from,
      @Nullable Expr where,
      @Nullable Expr groupBy,
      List<SortKey> sort,
      @Nullable Integer limit) {
    public Query {
      columns = List.copyOf(columns);
      sort = List.copyOf(sort);
    }
  }

  public record Column(Expr expr, String name) {}

  public record SortKey(Expr expr, boolean descending) {}

  /** Which notes a query starts from. */
  public sealed interface Source
      permits All, Folder, Tag, LinksTo, LinkedFrom, Within, Path, AndSource, OrSource, NotSource {
    int pos();
  }

  public record All(int pos) implements Source {}

  public record Folder(String path, int pos) implements Source {}

  public record Tag(String tag, int pos) implements Source {}

  public record LinksTo(String note, int pos) implements Source {}

  public record LinkedFrom(String note, int pos) implements Source {}

  public record Within(int distance, String note, Direction direction, int pos) implements Source {}

  public record Path(String from, String to, int maxLength, int pos) implements Source {}

  public record AndSource(Source left, Source right, int pos) implements Source {}

  public record OrSource(Source left, Source right, int pos) implements Source {}

  public record NotSource(Source inner, int pos) implements Source {}

  /** An expression of {@code where}, columns, {@code sort} and {@code group by}. */
  public sealed interface Expr permits Literal, Field, Call, Binary, Unary, ListOf {
    int pos();
  }

  /** A number (Double), text (String), true/false (Boolean) or null. */
  public record Literal(@Nullable Object value, int pos) implements Expr {}

  /** A name: a built-in field (title, tags, due, ...) or else a front-matter property. */
  public record Field(String name, int pos) implements Expr {}

  public record Call(String function, List<Expr> args, int pos) implements Expr {
    public Call {
      args = List.copyOf(args);
    }
  }

  public enum Op {
    OR("or"),
    AND("and"),
    EQ("="),
    NE("!="),
    LT("<"),
    LE("<="),
    GT(">"),
    GE(">="),
    CONTAINS("contains"),
    ADD("+"),
    SUB("-"),
    MUL("*"),
    DIV("/"),
    MOD("%"),
    NOT("not"),
    NEG("-");

    public final String symbol;

    Op(String symbol) {
      this.symbol = symbol;
    }
  }

  public record Binary(Op op, Expr left, Expr right, int pos) implements Expr {}

  public record Unary(Op op, Expr operand, int pos) implements Expr {}

  public record ListOf(List<Expr> items, int pos) implements Expr {
    public ListOf {
      items = List.copyOf(items);
    }
  }
}
