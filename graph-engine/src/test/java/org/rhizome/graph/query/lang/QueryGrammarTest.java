package org.rhizome.graph.query.lang;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The grammar of docs/queries.md, construct by construct, and every message the parser gives. */
class QueryGrammarTest {

  static Stream<Arguments> constructs() {
    return Stream.of(
        // result kinds and columns
        Arguments.of("list", "list"),
        Arguments.of("LIST", "list"),
        Arguments.of("list rating", "list (col rating \"rating\")"),
        Arguments.of("table", "table"),
        Arguments.of(
            "table title, rating as r, due as \"Due date\"",
            "table (col title \"title\") (col rating \"r\") (col due \"Due date\")"),
        Arguments.of("table rating * 2 + 1", "table (col (+ (* rating 2) 1) \"rating * 2 + 1\")"),
        Arguments.of("tasks", "tasks"),
        Arguments.of("task", "tasks"),
        Arguments.of("count", "count"),
        // sources
        Arguments.of("list from all", "list"),
        Arguments.of("list from #project", "list (from #project)"),
        Arguments.of("list from #a/b/c", "list (from #a/b/c)"),
        Arguments.of("list from tag \"x\"", "list (from #x)"),
        Arguments.of("list from tag #x", "list (from #x)"),
        Arguments.of("list from \"Projects/2026\"", "list (from (folder \"Projects/2026\"))"),
        Arguments.of("list from folder \"Projects\"", "list (from (folder \"Projects\"))"),
        Arguments.of("list from [[Home]]", "list (from (links-to \"Home\"))"),
        Arguments.of("list from [[Home|shown]]", "list (from (links-to \"Home\"))"),
        Arguments.of("list from links to \"Home\"", "list (from (links-to \"Home\"))"),
        Arguments.of("list from linked from [[Home]]", "list (from (linked-from \"Home\"))"),
        Arguments.of("list from within 2 of [[Home]]", "list (from (within 2 \"Home\" both))"),
        Arguments.of(
            "list from within 1 link of [[Home]] outgoing",
            "list (from (within 1 \"Home\" outgoing))"),
        Arguments.of(
            "list from within 3 links of [[Home]] incoming",
            "list (from (within 3 \"Home\" incoming))"),
        Arguments.of(
            "list from within 3 links of [[Home]] both", "list (from (within 3 \"Home\" both))"),
        Arguments.of("list from path from [[A]] to [[B]]", "list (from (path \"A\" \"B\" 6))"),
        Arguments.of(
            "list from path from [[A]] to \"B\" max 3", "list (from (path \"A\" \"B\" 3))"),
        Arguments.of("list from #a and #b or #c", "list (from (or (and #a #b) #c))"),
        Arguments.of("list from #a and (#b or #c)", "list (from (and #a (or #b #c)))"),
        Arguments.of(
            "list from not #a and not \"X\"", "list (from (and (not #a) (not (folder \"X\"))))"),
        // where expressions
        Arguments.of("list where rating > 3", "list (where (> rating 3))"),
        Arguments.of(
            "list where a = 1 and b != 2 or c < 3",
            "list (where (or (and (= a 1) (!= b 2)) (< c 3)))"),
        Arguments.of("list where a == 1 or a <> 2", "list (where (or (= a 1) (!= a 2)))"),
        Arguments.of("list where a <= 1 and a >= 0", "list (where (and (<= a 1) (>= a 0)))"),
        Arguments.of("list where not a and not not b", "list (where (and (not a) (not (not b))))"),
        Arguments.of("list where tags contains \"x\"", "list (where (contains tags \"x\"))"),
        Arguments.of("list where #urgent", "list (where (contains tags \"urgent\"))"),
        Arguments.of(
            "list where -a * (b - 2) / 4 % 3 = 0",
            "list (where (= (% (/ (* (neg a) (- b 2)) 4) 3) 0))"),
        Arguments.of(
            "list where x = true or y = false or z = null",
            "list (where (or (or (= x true) (= y false)) (= z null)))"),
        Arguments.of(
            "list where ['a', \"b\", 3] contains status",
            "list (where (contains [\"a\" \"b\" 3] status))"),
        Arguments.of("list where [] contains status", "list (where (contains [] status))"),
        Arguments.of("list where title = 'it\\'s'", "list (where (= title \"it's\"))"),
        Arguments.of("list where 1.5 < .5", "list (where (< 1.5 0.5))"),
        Arguments.of("list where note.rating > 1", "list (where (> note.rating 1))"),
        Arguments.of("list where owner = [[Bob]]", "list (where (= owner \"Bob\"))"),
        Arguments.of(
            "list where due < today() + days(7)", "list (where (< due (+ (today()) (days() 7))))"),
        Arguments.of(
            "list where date(\"2026-12-24\") > now()",
            "list (where (> (date() \"2026-12-24\") (now())))"),
        Arguments.of(
            "list where prop(\"due-date\") = 1", "list (where (= (prop() \"due-date\") 1))"),
        Arguments.of("list where concat(a, b, c) = \"\"", "list (where (= (concat() a b c) \"\"))"),
        Arguments.of(
            "list where substr(title, 1, 2) = 'ab'",
            "list (where (= (substr() title 1 2) \"ab\"))"),
        Arguments.of("list where search(\"fox\")", "list (where (search() \"fox\"))"),
        Arguments.of(
            "list where any_task(due < today())", "list (where (any_task() (< due (today()))))"),
        Arguments.of("list // a comment\nwhere a", "list (where a)"),
        // clauses
        Arguments.of("list sort title", "list (sort title)"),
        Arguments.of("list sort by rating desc, title asc", "list (sort rating desc) (sort title)"),
        Arguments.of("list group by folder", "list (group folder)"),
        Arguments.of("list limit 10", "list (limit 10)"),
        Arguments.of(
            "list limit 5 sort title where a from #x",
            "list (from #x) (where a) (sort title) (limit 5)"),
        Arguments.of(
            "tasks from #x where not completed group by title sort due limit 3",
            "tasks (from #x) (where (not completed)) (group title) (sort due) (limit 3)"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("constructs")
  void parses(String query, String ast) throws QueryException {
    assertThat(AstPrinter.print(Parser.parse(query))).isEqualTo(ast);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of(
            "",
            "line 1, column 1: expected 'table', 'list', 'tasks' or 'count' at the start of the query, found the end of the query"),
        Arguments.of(
            "select *",
            "line 1, column 1: expected 'table', 'list', 'tasks' or 'count' at the start of the query, found 'select'"),
        Arguments.of("list where a @ b", "line 1, column 14: unexpected character '@'"),
        Arguments.of("list where a = \"open", "line 1, column 16: expected \" to close the string"),
        Arguments.of("list where a = 'open", "line 1, column 16: expected ' to close the string"),
        Arguments.of("list from [[Home", "line 1, column 11: expected ']]' to close the link"),
        Arguments.of("list from [[ ]]", "line 1, column 11: expected a note name inside '[[ ]]'"),
        Arguments.of("list from #", "line 1, column 11: expected a tag name after '#'"),
        Arguments.of("list from #123", "line 1, column 11: expected a tag name after '#'"),
        Arguments.of(
            "list where 3x > 1",
            "line 1, column 13: expected a space or an operator after the number 3, found 'x'"),
        Arguments.of(
            "list from",
            "line 1, column 10: expected a source ('all', '#tag', 'folder \"…\"', 'links to', 'linked from', 'within', 'path from' or '('), found the end of the query"),
        Arguments.of(
            "list from rating",
            "line 1, column 11: expected a source ('all', '#tag', 'folder \"…\"', 'links to', 'linked from', 'within', 'path from' or '('), found 'rating'"),
        Arguments.of(
            "list from folder Projects",
            "line 1, column 18: expected a folder name in quotes after 'folder', found 'Projects'"),
        Arguments.of(
            "list from tag 3",
            "line 1, column 15: expected a tag ('#name' or \"name\") after 'tag', found '3'"),
        Arguments.of(
            "list from links [[A]]",
            "line 1, column 17: expected 'to' after 'links', found '[[A]]'"),
        Arguments.of(
            "list from links to 3",
            "line 1, column 20: expected a note ('[[Note]]' or \"Note\") after 'links to', found '3'"),
        Arguments.of(
            "list from linked to [[A]]",
            "line 1, column 18: expected 'from' after 'linked', found 'to'"),
        Arguments.of(
            "list from linked from #a",
            "line 1, column 23: expected a note ('[[Note]]' or \"Note\") after 'linked from', found '#a'"),
        Arguments.of(
            "list from within two of [[A]]",
            "line 1, column 18: expected a whole number of links after 'within', found 'two'"),
        Arguments.of(
            "list from within 1.5 of [[A]]",
            "line 1, column 18: expected a whole number of links after 'within', found '1.5'"),
        Arguments.of(
            "list from within 0 of [[A]]",
            "line 1, column 18: a distance must be from 1 to 6 links, not 0"),
        Arguments.of(
            "list from within 99999 of [[A]]",
            "line 1, column 18: a distance must be from 1 to 6 links, not 99999"),
        Arguments.of(
            "list from within 2 [[A]]",
            "line 1, column 20: expected 'of' after 'within 2', found '[[A]]'"),
        Arguments.of(
            "list from within 2 of",
            "line 1, column 22: expected a note ('[[Note]]' or \"Note\") after 'of', found the end of the query"),
        Arguments.of(
            "list from path [[A]]",
            "line 1, column 16: expected 'from' after 'path', found '[[A]]'"),
        Arguments.of(
            "list from path from [[A]] [[B]]",
            "line 1, column 27: expected 'to' after the first note of 'path from', found '[[B]]'"),
        Arguments.of(
            "list from path from [[A]] to",
            "line 1, column 29: expected a note ('[[Note]]' or \"Note\") after 'to', found the end of the query"),
        Arguments.of(
            "list from path from [[A]] to [[B]] max 7",
            "line 1, column 40: a distance must be from 1 to 6 links, not 7"),
        Arguments.of(
            "list from path from [[A]] to [[B]] max x",
            "line 1, column 40: expected a whole number of links after 'max', found 'x'"),
        Arguments.of(
            "list from (#a or #b",
            "line 1, column 20: expected ')' to close '(', found the end of the query"),
        Arguments.of(
            "list where",
            "line 1, column 11: expected a value (a number, \"text\", a field, a function call or '('), found the end of the query"),
        Arguments.of(
            "list where and",
            "line 1, column 12: expected a value (a number, \"text\", a field, a function call or '('), found 'and'"),
        Arguments.of(
            "list where (a = 1",
            "line 1, column 18: expected ')' to close '(', found the end of the query"),
        Arguments.of(
            "list where [1, 2",
            "line 1, column 17: expected ']' to close the list, found the end of the query"),
        Arguments.of(
            "list where 1 < a < 3",
            "line 1, column 18: comparisons do not chain; use 'and' between '<' and '<'"),
        Arguments.of(
            "list where nosuch(1)",
            "line 1, column 12: unknown function 'nosuch'; the functions are "
                + String.join(", ", Functions.ALL.keySet())),
        Arguments.of("list where now(1) > 0", "line 1, column 12: now() takes 0 arguments, not 1"),
        Arguments.of(
            "list where lower() = ''", "line 1, column 12: lower() takes 1 argument, not 0"),
        Arguments.of(
            "list where substr(a) = ''",
            "line 1, column 12: substr() takes 2 to 3 arguments, not 1"),
        Arguments.of(
            "list where contains(a, b",
            "line 1, column 25: expected ')' to close the arguments of contains(), found the end of the query"),
        Arguments.of(
            "list where prop(a) = 1", "line 1, column 17: prop() takes a property name in quotes"),
        Arguments.of("list where a where b", "line 1, column 14: 'where' may be given only once"),
        Arguments.of("list from #a from #b", "line 1, column 14: 'from' may be given only once"),
        Arguments.of("list sort a sort b", "line 1, column 13: 'sort' may be given only once"),
        Arguments.of(
            "list group by a group by b", "line 1, column 17: 'group' may be given only once"),
        Arguments.of("list limit 1 limit 2", "line 1, column 14: 'limit' may be given only once"),
        Arguments.of("list group a", "line 1, column 12: expected 'by' after 'group', found 'a'"),
        Arguments.of(
            "list limit ten",
            "line 1, column 12: expected a whole number after 'limit', found 'ten'"),
        Arguments.of(
            "list limit 2.5",
            "line 1, column 12: expected a whole number after 'limit', found '2.5'"),
        Arguments.of(
            "list limit 99999999999", "line 1, column 12: the number after 'limit' is too large"),
        Arguments.of(
            "table a as",
            "line 1, column 11: expected a column name after 'as', found the end of the query"),
        Arguments.of(
            "table a b",
            "line 1, column 9: expected ',' or 'from', 'where', 'sort', 'group by', 'limit', found 'b'"),
        Arguments.of(
            "list a, b",
            "line 1, column 7: expected 'from', 'where', 'sort', 'group by', 'limit' or the end of the query, found ','"),
        Arguments.of(
            "tasks title",
            "line 1, column 7: expected 'from', 'where', 'sort', 'group by', 'limit' or the end of the query, found 'title'"),
        Arguments.of(
            "list\nwhere\n  a = ",
            "line 3, column 7: expected a value (a number, \"text\", a field, a function call or '('), found the end of the query"));
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @MethodSource("errors")
  void rejects(String query, String message) {
    assertThatThrownBy(() -> Parser.parse(query))
        .isInstanceOf(QueryException.class)
        .hasMessage(message);
  }
}
