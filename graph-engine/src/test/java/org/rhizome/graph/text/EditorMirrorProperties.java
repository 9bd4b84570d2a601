package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.ActorId;

/**
 * An editor that replays {@link TextDocument#applyForEditor}'s splices on a plain string stays in
 * step.
 */
class EditorMirrorProperties {
  private static final ActorId A = Actors.of(1);
  private static final ActorId B = Actors.of(2);

  static String replay(String text, List<Splice> splices) {
    List<Integer> cps = new ArrayList<>();
    text.codePoints().forEach(cps::add);
    String out = text;
    for (Splice s : splices) {
      out = TextModelProperties.applyToModel(cps, s);
    }
    return out;
  }

  @Test
  void aRemoteInsertAndDeleteComeBackAsSplices() throws TextException {
    TextDocument a = new TextDocument();
    List<TextOp> base = a.splice(A, 0, 0, "hello world");
    TextDocument b = new TextDocument();
    for (TextOp op : base) {
      b.apply(op);
    }
    TextOp insert = a.splice(A, 5, 0, ",").get(0);
    TextOp delete = a.splice(A, 0, 1, "H").get(0);
    assertThat(b.applyForEditor(insert)).containsExactly(new Splice(5, 0, ","));
    assertThat(b.applyForEditor(delete)).containsExactly(new Splice(0, 1, ""));
    assertThat(b.applyForEditor(delete)).isEmpty();
  }

  @Property(tries = 100, seed = "20261124")
  void mirroredEditorTextEqualsTheDocument(@ForAll long seed) throws TextException {
    Random random = new Random(seed);
    EditScript script = new EditScript(seed, random.nextBoolean());
    Network net = new Network(3, random);
    for (int i = 0; i < 60; i++) {
      net.edit(random.nextInt(3), script);
    }
    // A fresh replica with an editor attached receives everything in a random causal order.
    TextDocument doc = new TextDocument();
    String editor = "";
    List<Network.Sent> pending = new ArrayList<>(net.log);
    while (!pending.isEmpty()) {
      int i = random.nextInt(pending.size());
      Network.Sent s = pending.get(i);
      if (Network.isReady(doc, s)) {
        editor = replay(editor, doc.applyForEditor(s.op()));
        assertThat(editor).isEqualTo(doc.text());
        pending.remove(i);
      }
    }
    net.deliverAll();
    assertThat(editor).isEqualTo(net.replicas.get(0).text());
  }
}
