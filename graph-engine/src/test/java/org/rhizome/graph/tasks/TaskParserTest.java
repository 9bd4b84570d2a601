package org.rhizome.graph.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.text.Splice;

/**
 * Checklist items as Obsidian Tasks and Dataview write them, on the fixture vault in test
 * resources.
 */
class TaskParserTest {
  private static List<Task> parse(String text) {
    return TaskParser.parse(text, new MarkdownParser().parse(text));
  }

  private static String fixture(String name) throws IOException {
    return Files.readString(
        Path.of("src/test/resources/tasks-vault", name), StandardCharsets.UTF_8);
  }

  private static long d(String date) {
    return Dates.parse(date);
  }

  @Test
  void emojiFormat() throws IOException {
    List<Task> tasks = parse(fixture("Formats/Emoji Format.md"));
    assertThat(tasks).hasSize(14);
    assertThat(tasks.get(0).created()).isEqualTo(d("2026-03-01"));
    assertThat(tasks.get(0).text()).isEqualTo("#task Plan the garden");
    assertThat(tasks.get(1).scheduled()).isEqualTo(d("2026-03-05"));
    assertThat(tasks.get(2).start()).isEqualTo(d("2026-03-10"));
    assertThat(tasks.get(3).due()).isEqualTo(d("2026-03-12"));
    assertThat(tasks.get(4).done()).isEqualTo(d("2026-03-02"));
    assertThat(tasks.get(4).status()).isEqualTo(TaskStatus.DONE);
    assertThat(tasks.get(5).status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(tasks.get(5).text()).isEqualTo("#task Build a greenhouse");
    assertThat(tasks.subList(6, 12)).extracting(Task::priority).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(tasks.get(11).due()).isEqualTo(d("2026-03-04"));
    assertThat(tasks.get(11).text()).isEqualTo("#task Stop the leak");
    assertThat(tasks.get(12).text()).isEqualTo("#task Pick apples 🔁 every week");
    assertThat(tasks.get(12).due()).isEqualTo(d("2026-09-01"));
    assertThat(tasks.get(13).status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(tasks.get(13).start()).isEqualTo(d("2026-03-01"));
    assertThat(tasks.get(13).due()).isEqualTo(d("2026-04-01"));
    assertThat(tasks).allSatisfy(t -> assertThat(t.tags()).containsExactly("task"));
    assertThat(tasks.get(0).line()).isEqualTo(2);
  }

  @Test
  void dataviewInlineFields() throws IOException {
    List<Task> tasks = parse(fixture("Formats/Dataview Format.md"));
    assertThat(tasks).hasSize(6);
    assertThat(tasks.get(0).created()).isEqualTo(d("2026-05-01"));
    assertThat(tasks.get(1).scheduled()).isEqualTo(d("2026-05-02"));
    assertThat(tasks.get(2).due()).isEqualTo(d("2026-05-03"));
    assertThat(tasks.get(3).done()).isEqualTo(d("2026-05-04"));
    assertThat(tasks.get(4).priority()).isEqualTo(4);
    assertThat(tasks.get(4).text()).isEqualTo("#task Book a room");
    assertThat(tasks.get(4).raw()).contains("[repeat:: every month]");
    assertThat(tasks.get(5).due()).isEqualTo(d("2026-05-09"));
    assertThat(tasks.get(5).text()).isEqualTo("Phone the client");
  }

  @Test
  void listKindsQuotesFencesAndNonTasks() throws IOException {
    String text = fixture("Daily/2026-06-17.md");
    List<Task> tasks = parse(text);
    assertThat(tasks)
        .extracting(Task::text)
        .containsExactly(
            "Star-bulleted item about [[Emoji Format]] #home/garden",
            "Plus-bulleted item",
            "Numbered item",
            "Nested item under it",
            "Quoted item",
            "A custom status");
    assertThat(tasks.get(0).links()).containsExactly("Emoji Format");
    assertThat(tasks.get(0).tags()).containsExactly("home/garden");
    assertThat(tasks.get(5).status()).isEqualTo(TaskStatus.OTHER);
    assertThat(tasks.get(5).status().isOpen()).isTrue();
    for (Task t :
        tasks) { // the mark offset points at the character between the brackets, on the task's line
      assertThat(text.charAt(t.markOffset() - 1)).isEqualTo('[');
      assertThat(text.split("\n", -1)[t.line()]).contains("[" + t.mark() + "]");
    }
  }

  @Test
  void edgeCases() {
    assertThat(parse("")).isEmpty();
    assertThat(parse("- [ ]")).extracting(Task::text).containsExactly("");
    assertThat(parse("- [x] done ✅ 2026-02-30"))
        .extracting(Task::done)
        .containsExactly((Long) null); // not a date
    assertThat(parse("- [ ] a\r\n- [x] b\r\n")).extracting(Task::text).containsExactly("a", "b");
    assertThat(parse("- [ ] #123 is not a tag, #y2026 is"))
        .extracting(Task::tags)
        .containsExactly(List.of("y2026"));
    assertThat(parse("- [ ] 📅2026-01-02 no space"))
        .extracting(Task::due)
        .containsExactly(d("2026-01-02"));
    assertThat(parse("- [ ] 📅\uFE0F 2026-01-02 variation selector"))
        .extracting(Task::due)
        .containsExactly(d("2026-01-02"));
    assertThat(parse("---\ntitle: x\n---\n- [ ] after front matter"))
        .extracting(Task::line)
        .containsExactly(3);
    assertThat(parse("---\n- [ ] in front matter\n---\n")).isEmpty();
  }

  @Test
  void toggleIsOneCharacterInCodePoints() {
    String body = "😀 emoji first\n- [ ] tick me\n- [x] untick me";
    Splice tick = TaskToggle.toggle(body, 1).orElseThrow();
    assertThat(tick).isEqualTo(new Splice(body.codePointCount(0, body.indexOf("[ ]") + 1), 1, "x"));
    assertThat(TaskToggle.toggle(body, 2).orElseThrow().text()).isEqualTo(" ");
    assertThat(TaskToggle.toggle(body, 0)).isEmpty();
  }

  @Test
  void tickWritesTheDoneDateAndUntickRemovesIt() {
    java.time.LocalDate day = java.time.LocalDate.of(2026, 12, 7);
    assertThat(apply("- [ ] a 📅 2026-12-24", 0, day))
        .isEqualTo("- [x] a 📅 2026-12-24 ✅ 2026-12-07");
    assertThat(apply("- [x] a ✅ 2026-12-01 🔼", 0, day)).isEqualTo("- [ ] a 🔼");
    assertThat(apply("- [ ] keep the id ^ab-1", 0, day))
        .isEqualTo("- [x] keep the id ✅ 2026-12-07 ^ab-1");
    assertThat(apply("- [ ] trailing blanks  \r\nnext", 0, day))
        .isEqualTo("- [x] trailing blanks ✅ 2026-12-07  \r\nnext");
    assertThat(apply("😀\n- [ ] after an emoji", 1, day))
        .isEqualTo("😀\n- [x] after an emoji ✅ 2026-12-07");
    assertThat(apply("- [ ] already dated ✅ 2026-11-30", 0, day))
        .isEqualTo("- [x] already dated ✅ 2026-11-30");
    assertThat(apply("- [/] in progress", 0, day)).isEqualTo("- [ ] in progress");
    assertThat(apply("- [ ] no date wanted", 0, null)).isEqualTo("- [x] no date wanted");
    assertThat(TaskToggle.toggle("plain", 0, day)).isEmpty();
    String body = "- [ ] a\n- [x] b ✅ 2026-12-01";
    assertThat(TaskToggle.editsAtMark(body, body.lastIndexOf('x'), 'x', day))
        .containsExactly(
            new TaskToggle.Edit(body.indexOf(" ✅"), body.length(), ""),
            new TaskToggle.Edit(body.lastIndexOf('x'), body.lastIndexOf('x') + 1, " "));
    assertThat(TaskToggle.editsAtMark(body, body.lastIndexOf('x'), ' ', day))
        .as("the text moved on")
        .isEmpty();
  }

  private static String apply(
      String body, int line, java.time.@org.jspecify.annotations.Nullable LocalDate day) {
    StringBuilder sb = new StringBuilder(body);
    for (Splice s : TaskToggle.toggle(body, line, day)) {
      int from = sb.offsetByCodePoints(0, s.position());
      int to = sb.offsetByCodePoints(from, s.deleteCount());
      sb.replace(from, to, s.text());
    }
    return sb.toString();
  }
}
