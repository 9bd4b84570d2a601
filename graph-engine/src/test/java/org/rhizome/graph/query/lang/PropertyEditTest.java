package org.rhizome.graph.query.lang;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rhizome.graph.text.Splice;

/** Setting a property (a board move) changes that key's lines only. */
class PropertyEditTest {
  private static String apply(String body, String key, Object value) {
    StringBuilder sb = new StringBuilder(body);
    for (Splice s : PropertyEdit.set(body, key, value)) {
      int from = sb.offsetByCodePoints(0, s.position());
      sb.replace(from, sb.offsetByCodePoints(from, s.deleteCount()), s.text());
    }
    return sb.toString();
  }

  @Test
  void setsReplacesAddsAndQuotes() {
    assertThat(apply("---\nStatus: todo # c\nrating: 3\n---\nbody", "status", "doing"))
        .isEqualTo("---\nStatus: doing\nrating: 3\n---\nbody");
    assertThat(apply("---\nstatus:\n  - a\n  - b\nx: 1\n---\n", "status", "done"))
        .isEqualTo("---\nstatus: done\nx: 1\n---\n");
    assertThat(apply("---\nx: 1\n---\ntext", "status", "in review"))
        .isEqualTo("---\nx: 1\nstatus: in review\n---\ntext");
    assertThat(apply("😀 no front matter", "status", "done"))
        .isEqualTo("---\nstatus: done\n---\n😀 no front matter");
    assertThat(apply("---\nstatus: a\n---\n", "status", "yes"))
        .isEqualTo("---\nstatus: \"yes\"\n---\n");
    assertThat(apply("---\nstatus: a\n---\n", "status", "a: b"))
        .isEqualTo("---\nstatus: \"a: b\"\n---\n");
    assertThat(apply("---\nrating: 1\n---\n", "rating", 4.0)).isEqualTo("---\nrating: 4\n---\n");
    assertThat(apply("---\r\nstatus: a\r\n---\r\n", "status", "b"))
        .isEqualTo("---\r\nstatus: b\r\n---\r\n");
  }
}
