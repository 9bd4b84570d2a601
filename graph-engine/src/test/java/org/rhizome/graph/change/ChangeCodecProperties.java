package org.rhizome.graph.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.model.VersionVector;
import org.rhizome.graph.model.WorkspaceId;

/** encode → decode is the identity on random changes, and the canonical bytes are stable. */
class ChangeCodecProperties {
  static final DeviceKey KEY = DeviceKey.fromSeed(new byte[32]);

  @Provide
  Arbitrary<Value> values() {
    return Arbitraries.oneOf(
        Arbitraries.just(Value.NULL),
        Arbitraries.of(true, false).map(Value::of),
        Arbitraries.doubles().between(-1e12, 1e12).map(Value::of),
        Arbitraries.strings().all().ofMaxLength(40).map(Value::of),
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(10)
            .map(s -> Value.link(new Soul(s))));
  }

  @Provide
  Arbitrary<List<Op>> ops() {
    Arbitrary<Soul> souls =
        Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3).map(Soul::new);
    Arbitrary<String> fields =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .withChars('é', '✓', ' ')
            .ofMinLength(1)
            .ofMaxLength(8)
            .filter(f -> !f.isBlank());
    Arbitrary<Op> op = Combinators.combine(souls, fields, values()).as(Op.SetField::new);
    return op.list()
        .ofMinSize(1)
        .ofMaxSize(12)
        .map(
            list -> {
              Set<String> seen = new HashSet<>();
              List<Op> unique = new ArrayList<>();
              for (Op o : list) {
                Op.SetField s = (Op.SetField) o;
                if (seen.add(s.soul() + "\u0000" + s.field())) {
                  unique.add(o);
                }
              }
              return unique;
            });
  }

  @Provide
  Arbitrary<VersionVector> deps() {
    return Arbitraries.integers()
        .between(1, 250)
        .list()
        .ofMaxSize(4)
        .map(
            ids -> {
              Map<ActorId, Long> m = new TreeMap<>();
              for (int i : ids) {
                byte[] b = new byte[32];
                b[0] = (byte) i;
                b[31] = 1; // never KEY's actor
                m.put(ActorId.of(b), (long) i * 1000);
              }
              return VersionVector.of(m);
            });
  }

  @Property(tries = 300, seed = "11")
  void decodeOfEncodeIsIdentityAndStable(
      @ForAll("ops") List<Op> ops, @ForAll("deps") VersionVector deps) throws Exception {
    WorkspaceId ws = WorkspaceId.of(new byte[16]);
    ChangeDraft draft =
        new ChangeDraft(ws, KEY.actor(), 1, Change.NO_PREVIOUS, 123_456_789L, deps, ops);
    Change change = Change.sign(draft, KEY);
    Change decoded = ChangeCodec.decode(change.encoded());
    assertThat(decoded.draft()).isEqualTo(draft);
    assertThat(decoded.encoded()).isEqualTo(change.encoded());
    assertThat(decoded.hasValidSignature()).isTrue();
    assertThat(Change.sign(decoded.draft(), KEY).encoded()).isEqualTo(change.encoded());
  }
}
