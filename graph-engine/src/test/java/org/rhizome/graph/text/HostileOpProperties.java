package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.rhizome.graph.model.ActorId;

/**
 * Random, mostly nonsensical ops from a hostile peer: each one either merges or is refused with a
 * {@link TextException} that leaves the document as it was, and the document stays internally
 * consistent (its snapshot passes the strict decoder) and keeps converging with a twin fed the
 * same.
 */
class HostileOpProperties {

  /** Ids near what the document holds, so that many hostile ops are ready and some merge. */
  private static TextId randomId(Random r, TextDocument doc) {
    ActorId actor = Actors.of(1 + r.nextInt(3));
    return new TextId(actor, r.nextInt((int) doc.nextSeq(actor) + 3));
  }

  private static TextOp randomOp(Random r, TextDocument doc) {
    ActorId actor = Actors.of(1 + r.nextInt(3));
    TextId id = new TextId(actor, r.nextInt(4) == 0 ? r.nextInt(50) : doc.nextSeq(actor));
    if (r.nextInt(3) == 0) {
      return new DeleteOp(id, randomId(r, doc), 1 + r.nextInt(4));
    }
    TextId left = r.nextInt(5) == 0 ? null : randomId(r, doc);
    TextId right = r.nextInt(5) == 0 ? null : randomId(r, doc);
    return new InsertOp(id, left, right, "xyz😀".substring(0, 1 + r.nextInt(3)));
  }

  @Property(tries = 200, seed = "20261124")
  void hostileOpsNeverCorruptADocument(@ForAll long seed) throws TextException {
    Random r = new Random(seed);
    TextDocument doc = new TextDocument();
    TextDocument twin = new TextDocument();
    EditScript script = new EditScript(seed);
    ActorId local = Actors.of(1 + r.nextInt(3));
    List<TextOp> base = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      Splice s = script.next(doc.length());
      base.addAll(doc.splice(local, s.position(), s.deleteCount(), s.text()));
    }
    for (TextOp op : base) {
      twin.apply(op);
    }
    int merges = 0;
    for (int i = 0; i < 300; i++) {
      TextOp op = randomOp(r, doc);
      byte[] before = TextSnapshotCodec.encode(doc);
      boolean merged;
      try {
        merged = doc.apply(op);
        merges += merged ? 1 : 0;
      } catch (TextException refused) {
        assertThat(TextSnapshotCodec.encode(doc)).isEqualTo(before);
        merged = false;
      }
      try {
        twin.apply(op);
      } catch (TextException refused) {
        assertThat(merged).isFalse();
      }
    }
    assertThat(merges).as("hostile ops that merged").isPositive();
    TextDocument reloaded = TextSnapshotCodec.decode(TextSnapshotCodec.encode(doc));
    assertThat(reloaded.text()).isEqualTo(doc.text()).isEqualTo(twin.text());
    assertThat(TextSnapshotCodec.encode(twin)).isEqualTo(TextSnapshotCodec.encode(doc));
    assertThat(doc.text().codePointCount(0, doc.text().length())).isEqualTo(doc.length());
  }
}
