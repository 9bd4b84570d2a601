package org.rhizome.graph.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.VersionedText;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.text.TextVersion;

/** The mirror's memory of what it wrote stays within its budget and keeps every version. */
class WrittenTextsTest {
  private static final ActorId ACTOR = ActorId.of(new byte[ActorId.LENGTH]);

  private static VersionedText text(String s, long n) {
    return new VersionedText(s, TextVersion.of(Map.of(ACTOR, n)));
  }

  @Test
  void dropsTheLeastRecentlyUsedTextsButKeepsTheirVersions() {
    WrittenTexts w = new WrittenTexts(10);
    Soul a = new Soul("a");
    Soul b = new Soul("b");
    Soul c = new Soul("c");
    w.put(a, text("aaaa", 1));
    w.put(b, text("bbbb", 2));
    assertThat(w.text(a)).isPresent(); // a is now more recent than b
    w.put(c, text("cccc", 3));
    assertThat(w.chars()).isLessThanOrEqualTo(10);
    assertThat(w.text(b)).isEmpty();
    assertThat(w.text(a).orElseThrow().text()).isEqualTo("aaaa");
    assertThat(w.version(b)).isEqualTo(TextVersion.of(Map.of(ACTOR, 2L)));
    w.put(a, text("a-much-longer-text", 4)); // longer than the budget: kept alone
    assertThat(w.text(a).orElseThrow().text()).isEqualTo("a-much-longer-text");
    assertThat(w.text(c)).isEmpty();
    assertThat(w.chars()).isEqualTo(18);
    w.remove(a);
    assertThat(w.chars()).isZero();
    assertThat(w.version(a)).isNull();
  }
}
