package org.rhizome.graph.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.rhizome.graph.markdown.MarkdownParser;
import org.rhizome.graph.markdown.ParsedNote;

class ParsedBodiesTest {
  private final ParsedBodies bodies = new ParsedBodies(new MarkdownParser());

  @Test
  void theWriterTakesTheParseMadeAheadOnce() {
    ParsedNote ahead = bodies.prepareAndGet("see [[Other]] #tag");
    assertThat(bodies.take("see [[Other]] #tag")).isSameAs(ahead);
    ParsedNote again = bodies.take("see [[Other]] #tag"); // taken: parsed anew, equal
    assertThat(again).isNotSameAs(ahead).isEqualTo(ahead);
    assertThat(bodies.size()).isZero();
  }

  @Test
  void holdsACatchUpWindowOfParsesAhead() {
    // Eight batches of 2,000 new notes verified ahead of the writer: every parse is still there.
    for (int i = 0; i < 16_000; i++) {
      bodies.prepare("note " + i + " links [[note " + (i / 2) + "]]");
    }
    ParsedNote first = bodies.prepareAndGet("note 0 links [[note 0]]");
    assertThat(bodies.size()).isEqualTo(16_000);
    assertThat(bodies.take("note 0 links [[note 0]]")).isSameAs(first);
  }

  @Test
  void staysWithinItsBounds() {
    ParsedBodies few = new ParsedBodies(new MarkdownParser(), 100, 1 << 20);
    for (int i = 0; i < 150; i++) {
      few.prepare("n" + i);
    }
    assertThat(few.size()).isEqualTo(100);
    ParsedBodies small = new ParsedBodies(new MarkdownParser(), 100, 4_000);
    for (int i = 0; i < 6; i++) {
      small.prepare(i + "word ".repeat(199)); // a quarter of the character bound each
    }
    assertThat(small.size()).isEqualTo(4);
  }
}
