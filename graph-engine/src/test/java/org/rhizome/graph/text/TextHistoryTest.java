package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.ActorId;

class TextHistoryTest {
  private static final ActorId A = Actors.of(1);

  @Test
  void textAtEachVersionOfOneWriter() throws TextException {
    TextDocument d = new TextDocument();
    List<TextOp> ops = new ArrayList<>();
    List<TextVersion> versions = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (Splice s :
        List.of(
            new Splice(0, 0, "hello"),
            new Splice(5, 0, " world"),
            new Splice(0, 1, "J"),
            new Splice(3, 5, ""))) {
      ops.addAll(d.splice(A, s.position(), s.deleteCount(), s.text()));
      versions.add(d.version());
      texts.add(d.text());
    }
    for (int i = 0; i < versions.size(); i++) {
      assertThat(TextHistory.textAt(ops, versions.get(i))).isEqualTo(texts.get(i));
    }
    assertThat(TextHistory.textAt(ops, TextVersion.EMPTY)).isEmpty();
    TextVersion folded = TextVersion.EMPTY;
    for (TextOp op : ops) {
      folded = folded.including(op);
    }
    assertThat(folded).isEqualTo(d.version());
    assertThat(TextHistory.textAfter(ops, 1)).isEqualTo("hello");
  }

  @Test
  void restoringAnOldVersionIsOneSplice() throws TextException {
    TextDocument d = new TextDocument();
    List<TextOp> ops = new ArrayList<>(d.splice(A, 0, 0, "one two three"));
    TextVersion old = d.version();
    ops.addAll(d.splice(A, 4, 3, "2😀"));
    ops.addAll(d.splice(A, 0, 0, ">> "));
    String oldText = TextHistory.textAt(ops, old);
    List<TextOp> restore = d.replaceWith(A, oldText);
    assertThat(d.text()).isEqualTo("one two three");
    assertThat(restore.stream().filter(op -> op instanceof InsertOp)).hasSize(1);
    ops.addAll(restore);
    assertThat(TextHistory.textAt(ops, d.version())).isEqualTo("one two three");
    assertThat(d.replaceWith(A, d.text())).isEmpty();
  }

  @Test
  void aVersionInsideAnOpGivesItsPrefix() throws TextException {
    TextDocument d = new TextDocument();
    List<TextOp> ops = d.splice(A, 0, 0, "a😀cd");
    assertThat(TextHistory.textAt(ops, TextVersion.EMPTY.with(A, 2))).isEqualTo("a😀");
  }

  @Test
  void aVersionThatIsNotCausallyClosedIsRefused() {
    ActorId b = Actors.of(2);
    TextDocument d = new TextDocument();
    List<TextOp> ops = new ArrayList<>(d.splice(A, 0, 0, "ab"));
    ops.addAll(d.splice(b, 1, 0, "X"));
    assertThatThrownBy(() -> TextHistory.textAt(ops, TextVersion.EMPTY.with(b, 1)))
        .isInstanceOf(MissingTextDependencyException.class);
  }

  @Property(tries = 40, seed = "20261124")
  void everyVersionAReplicaPassedThroughCanBeRebuilt(@ForAll long seed) throws TextException {
    Random random = new Random(seed);
    EditScript script = new EditScript(seed);
    Network net = new Network(3, random);
    List<TextVersion> versions = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      if (random.nextBoolean()) {
        net.edit(random.nextInt(3), script);
      } else {
        net.deliverRandom();
      }
      versions.add(net.replicas.get(0).version());
      texts.add(net.replicas.get(0).text());
    }
    List<TextOp> log = new ArrayList<>();
    net.log.forEach(s -> log.add(s.op()));
    for (int i = 0; i < versions.size(); i++) {
      assertThat(TextHistory.textAt(log, versions.get(i))).isEqualTo(texts.get(i));
    }
  }
}
