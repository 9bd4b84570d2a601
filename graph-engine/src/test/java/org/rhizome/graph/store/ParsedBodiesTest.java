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
    for (int i = 0; i < ParsedBodies.MAX_ENTRIES + 50; i++) {
      bodies.prepare("n" + i);
    }
    assertThat(bodies.size()).isEqualTo(ParsedBodies.MAX_ENTRIES);
    ParsedBodies big = new ParsedBodies(new MarkdownParser());
    String chunk = "word ".repeat((int) (ParsedBodies.MAX_CHARS / 4 / 5));
    for (int i = 0; i < 6; i++) {
      big.prepare(i + chunk); // a quarter of the character bound each
    }
    assertThat(big.size()).isEqualTo(4);
  }
}
