package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.rhizome.graph.model.ActorId;

/** A single replica behaves like a plain list of code points edited by the same splices. */
class TextModelProperties {
  private static final ActorId A = Actors.of(1);

  static String applyToModel(List<Integer> model, Splice s) {
    for (int i = 0; i < s.deleteCount(); i++) {
      model.remove(s.position());
    }
    int at = s.position();
    for (int cp : s.text().codePoints().toArray()) {
      model.add(at++, cp);
    }
    StringBuilder sb = new StringBuilder();
    model.forEach(sb::appendCodePoint);
    return sb.toString();
  }

  @Property(tries = 60, seed = "20261124")
  void replicaEqualsStringModel(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int steps) {
    EditScript script = new EditScript(seed);
    TextDocument doc = new TextDocument();
    List<Integer> model = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      Splice s = script.next(model.size());
      doc.splice(A, s.position(), s.deleteCount(), s.text());
      String expected = applyToModel(model, s);
      assertThat(doc.length()).isEqualTo(model.size());
      if (i % 25 == 0 || i == steps - 1) {
        assertThat(doc.text()).isEqualTo(expected);
      }
    }
  }

  @Property(tries = 40, seed = "20261124")
  void replayingOpsIntoAnEmptyReplicaGivesTheSameText(
      @ForAll long seed, @ForAll @IntRange(min = 1, max = 300) int steps) throws TextException {
    EditScript script = new EditScript(seed);
    TextDocument doc = new TextDocument();
    List<TextOp> ops = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      Splice s = script.next(doc.length());
      ops.addAll(doc.splice(A, s.position(), s.deleteCount(), s.text()));
    }
    TextDocument replica = new TextDocument();
    for (TextOp op : ops) {
      assertThat(replica.apply(op)).isTrue();
    }
    assertThat(replica.text()).isEqualTo(doc.text());
    assertThat(TextSnapshotCodec.encode(replica)).isEqualTo(TextSnapshotCodec.encode(doc));
  }

  @Property(tries = 10, seed = "20261124")
  void largeDocumentsSplitLeavesAndStayEqualToTheModel(@ForAll long seed) {
    EditScript script = new EditScript(seed);
    TextDocument doc = new TextDocument();
    List<Integer> model = new ArrayList<>();
    String expected = "";
    for (int i = 0; i < 3000; i++) {
      Splice s = script.next(model.size());
      doc.splice(A, s.position(), s.deleteCount(), s.text());
      expected = applyToModel(model, s);
    }
    assertThat(doc.runs.leafCount()).isGreaterThan(1);
    assertThat(doc.text()).isEqualTo(expected);
  }
}
