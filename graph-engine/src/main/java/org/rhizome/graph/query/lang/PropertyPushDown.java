package org.rhizome.graph.query.lang;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.query.lang.Ast.Expr;
import org.rhizome.graph.query.lang.Ast.Op;

/**
 * Answers the property comparisons of a {@code where} from the note_prop value index (schema 3):
 * for each top-level conjunct that compares a front-matter property with a constant
 * ({@code rating > 3}, {@code status = "done"}, {@code due < today() + days(7)}), a filter
 * {@code n.id IN (SELECT note_id FROM note_prop WHERE key = … AND ord = 0 AND …)} that SQLite can
 * read off the index. Each filter is implied by its comparison (it keeps every note the comparison
 * keeps; the comparison itself stays in the query), so results are exactly what they were; only
 * the candidates shrink. The conditions follow SQLite's ordering of values, which the comparisons
 * use: numbers (and dates, held as numbers) before text, so a text value is greater than any number.
 */
final class PropertyPushDown {
  private static final Set<String> CONSTANT_CALLS = Set.of("date", "today", "now", "days");

  private PropertyPushDown() {}

  static List<String> filters(Compiler compiler, Expr where) throws QueryException {
    List<Expr> conjuncts = new ArrayList<>();
    flatten(where, conjuncts);
    List<String> out = new ArrayList<>();
    for (Expr e : conjuncts) {
      String f = filter(compiler, e);
      if (f != null) {
        out.add(f);
      }
    }
    return out;
  }

  private static void flatten(Expr e, List<Expr> out) {
    if (e instanceof Ast.Binary b && b.op() == Op.AND) {
      flatten(b.left(), out);
      flatten(b.right(), out);
    } else {
      out.add(e);
    }
  }

  private static @Nullable String filter(Compiler compiler, Expr e) throws QueryException {
    if (!(e instanceof Ast.Binary b) || !(b.op() == Op.EQ || b.op() == Op.LT || b.op() == Op.LE || b.op() == Op.GT
        || b.op() == Op.GE)) {
      return null;
    }
    Op op = b.op();
    Expr prop = b.left();
    Expr constant = b.right();
    if (!constant(constant)) {
      if (!constant(prop)) {
        return null;
      }
      prop = b.right();
      constant = b.left();
      op = switch (op) {
        case LT -> Op.GT;
        case LE -> Op.GE;
        case GT -> Op.LT;
        case GE -> Op.LE;
        default -> op;
      };
    }
    if (!(prop instanceof Ast.Field || prop instanceof Ast.Call c && c.function().equals("prop"))) {
      return null;
    }
    Compiler.C p = compiler.expr(prop);
    if (p.propertyKey() == null || p.type() != Compiler.Type.ANY) {
      return null; // a built-in field (title, due of a task, ...), not a property
    }
    if (constant instanceof Ast.Literal l && l.value() == null) {
      return null; // "= null" also keeps notes without the property
    }
    Compiler.C k = compiler.expr(constant);
    String v = k.sql();
    if (v.contains("NULL")) {
      return null; // a constant that may be empty: "IS NULL" keeps notes without the property too
    }
    String cond;
    if (k.type() == Compiler.Type.NUMBER || k.type() == Compiler.Type.DATE || k.type() == Compiler.Type.BOOL) {
      cond = switch (op) {
        case EQ -> "p.num = " + v;
        case LT -> "p.num < " + v;
        case LE -> "p.num <= " + v;
        case GT -> "(p.num > " + v + " OR p.num IS NULL)";
        default -> "(p.num >= " + v + " OR p.num IS NULL)";
      };
    } else if (k.type() == Compiler.Type.TEXT && op == Op.EQ) {
      cond = "p.num IS NULL AND p.text = " + v;
    } else {
      return null;
    }
    return "n.id IN (SELECT p.note_id FROM note_prop p WHERE p.key = " + Compiler.lit(p.propertyKey()) + " AND p.ord = 0 AND "
        + cond + ")";
  }

  /** Whether an expression is the same for every note: literals, date(), today(), now(), days() and arithmetic on them. */
  private static boolean constant(Expr e) {
    if (e instanceof Ast.Literal) {
      return true;
    }
    if (e instanceof Ast.Call c) {
      if (!CONSTANT_CALLS.contains(c.function())) {
        return false;
      }
      for (Expr a : c.args()) {
        if (!constant(a)) {
          return false;
        }
      }
      return true;
    }
    if (e instanceof Ast.Unary u) {
      return u.op() == Op.NEG && constant(u.operand());
    }
    if (e instanceof Ast.Binary b) {
      return (b.op() == Op.ADD || b.op() == Op.SUB || b.op() == Op.MUL) && constant(b.left()) && constant(b.right());
    }
    return false;
  }
}
