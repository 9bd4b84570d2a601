package org.rhizome.graph.query.lang;

// Longer than 500 lines on purpose: a recursive-descent parser of the whole query grammar
// (docs/queries.md); the grammar's rules call each other.

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.query.lang.Ast.Expr;
import org.rhizome.graph.query.lang.Ast.Op;
import org.rhizome.graph.query.lang.Ast.Source;

/** Recursive-descent parser from tokens to {@link Ast.Query}; the grammar is in docs/queries.md. */
public final class Parser {
  /** The longest traversal a query may ask for, so that a query's cost stays bounded. */
  public static final int MAX_DISTANCE = 6;

  private static final Set<String> CLAUSES = Set.of("from", "where", "sort", "group", "limit");
  private static final Set<String> RESERVED =
      Set.of(
          "from",
          "where",
          "sort",
          "group",
          "limit",
          "and",
          "or",
          "not",
          "contains",
          "as",
          "asc",
          "desc",
          "true",
          "false",
          "null",
          "by");

  private final String src;
  private final List<Token> tokens;
  private int p;

  private Parser(String src, List<Token> tokens) {
    this.src = src;
    this.tokens = tokens;
  }

  public static Ast.Query parse(String query) throws QueryException {
    return new Parser(query, Lexer.tokens(query)).query();
  }

  private Token peek() {
    return tokens.get(p);
  }

  private Token next() {
    return tokens.get(p++);
  }

  private boolean accept(String word) {
    if (peek().is(word)) {
      p++;
      return true;
    }
    return false;
  }

  private QueryException error(Token at, String expected) {
    return new QueryException(
        src, at.offset(), "expected " + expected + ", found " + at.describe());
  }

  private void expect(String word, String after) throws QueryException {
    if (!accept(word)) {
      throw error(peek(), "'" + word + "' " + after);
    }
  }

  private Ast.Query query() throws QueryException {
    Token first = next();
    Ast.Kind kind;
    switch (first.kind() == Token.Kind.IDENT ? first.text().toLowerCase(Locale.ROOT) : "") {
      case "table" -> kind = Ast.Kind.TABLE;
      case "list" -> kind = Ast.Kind.LIST;
      case "tasks", "task" -> kind = Ast.Kind.TASKS;
      case "count" -> kind = Ast.Kind.COUNT;
      default ->
          throw error(first, "'table', 'list', 'tasks' or 'count' at the start of the query");
    }
    List<Ast.Column> columns = new ArrayList<>();
    if ((kind == Ast.Kind.TABLE || kind == Ast.Kind.LIST) && !atClause()) {
      do {
        columns.add(column());
      } while (kind == Ast.Kind.TABLE && accept(","));
    }
    Source from = null;
    Expr where = null;
    Expr group = null;
    List<Ast.SortKey> sort = null;
    Integer limit = null;
    while (peek().kind() != Token.Kind.END) {
      Token t = peek();
      if (accept("from")) {
        once(from, t);
        from = source();
      } else if (accept("where")) {
        once(where, t);
        where = expr();
      } else if (accept("group")) {
        once(group, t);
        expect("by", "after 'group'");
        group = expr();
      } else if (accept("sort")) {
        once(sort, t);
        accept("by");
        sort = new ArrayList<>();
        do {
          Expr e = expr();
          boolean desc = false;
          if (accept("desc")) {
            desc = true;
          } else {
            accept("asc");
          }
          sort.add(new Ast.SortKey(e, desc));
        } while (accept(","));
      } else if (accept("limit")) {
        once(limit, t);
        Token n = next();
        if (n.kind() != Token.Kind.NUMBER || n.text().contains(".")) {
          throw error(n, "a whole number after 'limit'");
        }
        limit = parseInt(n, "limit");
      } else {
        throw error(
            t,
            kind == Ast.Kind.TABLE && !columns.isEmpty()
                ? "',' or 'from', 'where', 'sort', 'group by', 'limit'"
                : "'from', 'where', 'sort', 'group by', 'limit' or the end of the query");
      }
    }
    return new Ast.Query(
        kind,
        columns,
        from == null ? new Ast.All(0) : from,
        where,
        group,
        sort == null ? List.of() : sort,
        limit);
  }

  private int parseInt(Token n, String what) throws QueryException {
    try {
      return Integer.parseInt(n.text());
    } catch (NumberFormatException e) {
      throw new QueryException(src, n.offset(), "the number after '" + what + "' is too large");
    }
  }

  private void once(@Nullable Object seen, Token t) throws QueryException {
    if (seen != null) {
      throw new QueryException(
          src, t.offset(), "'" + t.text().toLowerCase(Locale.ROOT) + "' may be given only once");
    }
  }

  private boolean atClause() {
    Token t = peek();
    return t.kind() == Token.Kind.END
        || (t.kind() == Token.Kind.IDENT && CLAUSES.contains(t.text().toLowerCase(Locale.ROOT)));
  }

  private Ast.Column column() throws QueryException {
    int start = peek().offset();
    Expr e = expr();
    int end = tokens.get(p - 1).end();
    String name = src.substring(start, end);
    if (accept("as")) {
      Token n = next();
      if (n.kind() != Token.Kind.IDENT && n.kind() != Token.Kind.STRING) {
        throw error(n, "a column name after 'as'");
      }
      name = n.text();
    }
    return new Ast.Column(e, name);
  }

  // ---- sources

  private Source source() throws QueryException {
    Source left = sourceAnd();
    while (peek().is("or")) {
      int pos = next().offset();
      left = new Ast.OrSource(left, sourceAnd(), pos);
    }
    return left;
  }

  private Source sourceAnd() throws QueryException {
    Source left = sourceNot();
    while (peek().is("and")) {
      int pos = next().offset();
      left = new Ast.AndSource(left, sourceNot(), pos);
    }
    return left;
  }

  private Source sourceNot() throws QueryException {
    if (peek().is("not")) {
      int pos = next().offset();
      return new Ast.NotSource(sourceNot(), pos);
    }
    return sourcePrimary();
  }

  private Source sourcePrimary() throws QueryException {
    Token t = next();
    int pos = t.offset();
    switch (t.kind()) {
      case TAG:
        return new Ast.Tag(t.text(), pos);
      case STRING:
        return new Ast.Folder(t.text(), pos);
      case WIKILINK:
        return new Ast.LinksTo(t.text(), pos);
      case OP:
        if (t.is("(")) {
          Source s = source();
          expect(")", "to close '('");
          return s;
        }
        break;
      case IDENT:
        switch (t.text().toLowerCase(Locale.ROOT)) {
          case "all":
            return new Ast.All(pos);
          case "folder":
            return new Ast.Folder(string("a folder name in quotes after 'folder'"), pos);
          case "tag":
            {
              Token n = next();
              if (n.kind() == Token.Kind.TAG || n.kind() == Token.Kind.STRING) {
                return new Ast.Tag(
                    n.text().startsWith("#") ? n.text().substring(1) : n.text(), pos);
              }
              throw error(n, "a tag ('#name' or \"name\") after 'tag'");
            }
          case "links":
            expect("to", "after 'links'");
            return new Ast.LinksTo(note("after 'links to'"), pos);
          case "linked":
            expect("from", "after 'linked'");
            return new Ast.LinkedFrom(note("after 'linked from'"), pos);
          case "within":
            {
              int d = distance("a whole number of links after 'within'");
              if (!accept("links")) {
                accept("link");
              }
              expect("of", "after 'within " + d + "'");
              String note = note("after 'of'");
              Ast.Direction dir = Ast.Direction.BOTH;
              if (accept("outgoing")) {
                dir = Ast.Direction.OUTGOING;
              } else if (accept("incoming")) {
                dir = Ast.Direction.INCOMING;
              } else {
                accept("both");
              }
              return new Ast.Within(d, note, dir, pos);
            }
          case "path":
            {
              expect("from", "after 'path'");
              String a = note("after 'path from'");
              expect("to", "after the first note of 'path from'");
              String b = note("after 'to'");
              int max = MAX_DISTANCE;
              if (accept("max")) {
                max = distance("a whole number of links after 'max'");
              }
              return new Ast.Path(a, b, max, pos);
            }
          default:
            break;
        }
        break;
      default:
        break;
    }
    throw error(
        t,
        "a source ('all', '#tag', 'folder \"…\"', 'links to', 'linked from', 'within', 'path from' or '(')");
  }

  private int distance(String expected) throws QueryException {
    Token n = next();
    if (n.kind() != Token.Kind.NUMBER || n.text().contains(".")) {
      throw error(n, expected);
    }
    int d = n.text().length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(n.text());
    if (d < 1 || d > MAX_DISTANCE) {
      throw new QueryException(
          src,
          n.offset(),
          "a distance must be from 1 to " + MAX_DISTANCE + " links, not " + n.text());
    }
    return d;
  }

  private String string(String expected) throws QueryException {
    Token n = next();
    if (n.kind() != Token.Kind.STRING) {
      throw error(n, expected);
    }
    return n.text();
  }

  private String note(String after) throws QueryException {
    Token n = next();
    if (n.kind() != Token.Kind.WIKILINK && n.kind() != Token.Kind.STRING) {
      throw error(n, "a note ('[[Note]]' or \"Note\") " + after);
    }
    return n.text();
  }

  // ---- expressions

  private Expr expr() throws QueryException {
    Expr left = and();
    while (peek().is("or")) {
      int pos = next().offset();
      left = new Ast.Binary(Op.OR, left, and(), pos);
    }
    return left;
  }

  private Expr and() throws QueryException {
    Expr left = not();
    while (peek().is("and")) {
      int pos = next().offset();
      left = new Ast.Binary(Op.AND, left, not(), pos);
    }
    return left;
  }

  private Expr not() throws QueryException {
    if (peek().is("not")) {
      int pos = next().offset();
      return new Ast.Unary(Op.NOT, not(), pos);
    }
    return comparison();
  }

  private Expr comparison() throws QueryException {
    Expr left = additive();
    Token t = peek();
    Op op = null;
    if (t.kind() == Token.Kind.OP) {
      op =
          switch (t.text()) {
            case "=" -> Op.EQ;
            case "!=" -> Op.NE;
            case "<" -> Op.LT;
            case "<=" -> Op.LE;
            case ">" -> Op.GT;
            case ">=" -> Op.GE;
            default -> null;
          };
    } else if (t.is("contains")) {
      op = Op.CONTAINS;
    }
    if (op == null) {
      return left;
    }
    p++;
    Expr right = additive();
    Token after = peek();
    if (after.kind() == Token.Kind.OP
            && Set.of("=", "!=", "<", "<=", ">", ">=").contains(after.text())
        || after.is("contains")) {
      throw new QueryException(
          src,
          after.offset(),
          "comparisons do not chain; use 'and' between "
              + t.describe()
              + " and "
              + after.describe());
    }
    return new Ast.Binary(op, left, right, t.offset());
  }

  private Expr additive() throws QueryException {
    Expr left = multiplicative();
    while (peek().is("+") || peek().is("-")) {
      Token t = next();
      left = new Ast.Binary(t.is("+") ? Op.ADD : Op.SUB, left, multiplicative(), t.offset());
    }
    return left;
  }

  private Expr multiplicative() throws QueryException {
    Expr left = unary();
    while (peek().is("*") || peek().is("/") || peek().is("%")) {
      Token t = next();
      left =
          new Ast.Binary(
              t.is("*") ? Op.MUL : t.is("/") ? Op.DIV : Op.MOD, left, unary(), t.offset());
    }
    return left;
  }

  private Expr unary() throws QueryException {
    if (peek().is("-")) {
      int pos = next().offset();
      return new Ast.Unary(Op.NEG, unary(), pos);
    }
    return primary();
  }

  private Expr primary() throws QueryException {
    Token t = next();
    int pos = t.offset();
    switch (t.kind()) {
      case NUMBER:
        return new Ast.Literal(Double.parseDouble(t.text()), pos);
      case STRING:
        return new Ast.Literal(t.text(), pos);
      case TAG: // #tag in an expression: the note (or task) carries that tag or one nested under it
        return new Ast.Binary(
            Op.CONTAINS, new Ast.Field("tags", pos), new Ast.Literal(t.text(), pos), pos);
      case WIKILINK:
        return new Ast.Literal(t.text(), pos);
      case OP:
        if (t.is("(")) {
          Expr e = expr();
          expect(")", "to close '('");
          return e;
        }
        if (t.is("[")) {
          List<Expr> items = new ArrayList<>();
          if (!accept("]")) {
            do {
              items.add(expr());
            } while (accept(","));
            expect("]", "to close the list");
          }
          return new Ast.ListOf(items, pos);
        }
        break;
      case IDENT:
        {
          String word = t.text().toLowerCase(Locale.ROOT);
          switch (word) {
            case "true":
              return new Ast.Literal(Boolean.TRUE, pos);
            case "false":
              return new Ast.Literal(Boolean.FALSE, pos);
            case "null":
              return new Ast.Literal(null, pos);
            default:
              break;
          }
          if (RESERVED.contains(word) && !(peek().is("(") && Functions.ALL.containsKey(word))) {
            break;
          }
          if (peek().is("(")) {
            p++;
            Functions.Arity arity = Functions.ALL.get(word);
            if (arity == null) {
              throw new QueryException(
                  src,
                  pos,
                  "unknown function '"
                      + t.text()
                      + "'; the functions are "
                      + String.join(", ", Functions.ALL.keySet()));
            }
            List<Expr> args = new ArrayList<>();
            if (!accept(")")) {
              do {
                args.add(expr());
              } while (accept(","));
              expect(")", "to close the arguments of " + word + "()");
            }
            if (args.size() < arity.min() || args.size() > arity.max()) {
              String want =
                  arity.min() == arity.max()
                      ? String.valueOf(arity.min())
                      : arity.min() + " to " + arity.max();
              throw new QueryException(
                  src,
                  pos,
                  word
                      + "() takes "
                      + want
                      + " argument"
                      + (arity.max() == 1 ? "" : "s")
                      + ", not "
                      + args.size());
            }
            if (word.equals("prop")
                && !(args.get(0) instanceof Ast.Literal l && l.value() instanceof String)) {
              throw new QueryException(
                  src, args.get(0).pos(), "prop() takes a property name in quotes");
            }
            return new Ast.Call(word, args, pos);
          }
          return new Ast.Field(t.text(), pos);
        }
      default:
        break;
    }
    throw error(t, "a value (a number, \"text\", a field, a function call or '(')");
  }
}
