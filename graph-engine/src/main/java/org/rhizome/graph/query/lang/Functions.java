package org.rhizome.graph.query.lang;

import java.util.Map;
import java.util.TreeMap;

/** The functions of the expression language and how many arguments each takes (docs/queries.md). */
final class Functions {
  record Arity(int min, int max) {}

  static final Map<String, Arity> ALL = new TreeMap<>();

  static {
    def(0, 0, "now", "today");
    def(
        1,
        1,
        "date",
        "days",
        "hours",
        "year",
        "month",
        "day",
        "lower",
        "upper",
        "trim",
        "length",
        "first",
        "last",
        "empty",
        "round",
        "abs",
        "prop",
        "search",
        "any_task",
        "string",
        "number");
    def(2, 2, "contains", "startswith", "endswith", "days_between", "join", "min", "max");
    def(3, 3, "replace", "if");
    def(2, 3, "substr");
    def(1, 16, "concat");
  }

  private Functions() {}

  private static void def(int min, int max, String... names) {
    for (String n : names) {
      ALL.put(n, new Arity(min, max));
    }
  }
}
