package org.rhizome.graph.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.ActorId;

class TextDocumentTest {
  private static final ActorId A = Actors.of(1);
  private static final ActorId B = Actors.of(2);

  private static TextDocument replay(List<TextOp> ops) throws TextException {
    TextDocument d = new TextDocument();
    for (TextOp op : ops) {
      d.apply(op);
    }
    return d;
  }

  @Test
  void spliceCountsSurrogatePairsAsOneCodePoint() {
    TextDocument d = new TextDocument();
    d.splice(A, 0, 0, "a😀b");
    assertThat(d.length()).isEqualTo(3);
    d.splice(A, 1, 1, "🎉x");
    assertThat(d.text()).isEqualTo("a🎉xb");
    d.splice(A, 3, 1, "");
    assertThat(d.text()).isEqualTo("a🎉x");
  }

  @Test
  void spliceRefusesRangesOutsideTheTextAndLeavesItUnchanged() {
    TextDocument d = new TextDocument();
    d.splice(A, 0, 0, "abc");
    assertThatThrownBy(() -> d.splice(A, 4, 0, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.splice(A, 2, 2, "")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> d.splice(A, -1, 0, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThat(d.text()).isEqualTo("abc");
    assertThat(d.nextSeq(A)).isEqualTo(3);
  }

  @Test
  void spliceRefusesLoneSurrogates() {
    TextDocument d = new TextDocument();
    assertThatThrownBy(() -> d.splice(A, 0, 0, "a\uD83D"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(d.text()).isEmpty();
    assertThat(d.nextSeq(A)).isZero();
  }

  @Test
  void typingForwardMakesOneRun() {
    TextDocument d = new TextDocument();
    for (int i = 0; i < 1000; i++) {
      d.splice(A, i, 0, "x");
    }
    assertThat(d.runs.leafCount()).isEqualTo(1);
    assertThat(d.runs.leafAt(0).size).isEqualTo(1);
  }

  @Test
  void backspacesJoinIntoOneDeletedRun() {
    TextDocument d = new TextDocument();
    d.splice(A, 0, 0, "hello world");
    for (int i = 0; i < 5; i++) {
      d.splice(A, d.length() - 1, 1, "");
    }
    assertThat(d.text()).isEqualTo("hello ");
    assertThat(d.runs.leafAt(0).size).isEqualTo(2);
  }

  @Test
  void remoteReplayOfLocalOpsGivesTheSameText() throws TextException {
    TextDocument d = new TextDocument();
    List<TextOp> ops = new ArrayList<>();
    ops.addAll(d.splice(A, 0, 0, "The quick fox"));
    ops.addAll(d.splice(A, 4, 0, "very "));
    ops.addAll(d.splice(A, 0, 4, ""));
    ops.addAll(d.splice(A, 10, 3, "dog jumps"));
    assertThat(replay(ops).text()).isEqualTo(d.text()).isEqualTo("very quickdog jumpsx");
  }

  @Test
  void concurrentTypingAtOnePlaceDoesNotInterleave() throws TextException {
    TextDocument a = new TextDocument();
    List<TextOp> base = a.splice(A, 0, 0, "[]");
    TextDocument b = replay(base);
    List<TextOp> fromA = new ArrayList<>();
    List<TextOp> fromB = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      fromA.addAll(a.splice(A, 1 + i, 0, "a"));
      fromB.addAll(b.splice(B, 1 + i, 0, "b"));
    }
    for (TextOp op : fromB) {
      a.apply(op);
    }
    for (TextOp op : fromA) {
      b.apply(op);
    }
    assertThat(a.text()).isEqualTo(b.text()).isEqualTo("[aaaaabbbbb]");
  }

  @Test
  void applyIgnoresDuplicates() throws TextException {
    TextDocument a = new TextDocument();
    List<TextOp> ops = a.splice(A, 0, 0, "abc");
    TextDocument b = replay(ops);
    assertThat(b.apply(ops.get(0))).isFalse();
    assertThat(b.text()).isEqualTo("abc");
  }

  @Test
  void applyRefusesAGapAndChangesNothing() {
    TextDocument a = new TextDocument();
    a.splice(A, 0, 0, "abc");
    List<TextOp> second = a.splice(A, 3, 0, "d");
    TextDocument b = new TextDocument();
    assertThatThrownBy(() -> b.apply(second.get(0)))
        .isInstanceOf(MissingTextDependencyException.class);
    assertThat(b.text()).isEmpty();
    assertThat(b.version()).isEqualTo(TextVersion.EMPTY);
  }

  @Test
  void applyRefusesAnUnknownOrigin() throws TextException {
    TextDocument b = new TextDocument();
    b.splice(B, 0, 0, "xy");
    InsertOp op = new InsertOp(new TextId(A, 0), new TextId(B, 5), null, "q");
    assertThatThrownBy(() -> b.apply(op)).isInstanceOf(MissingTextDependencyException.class);
    InsertOp other = new InsertOp(new TextId(A, 0), new TextId(Actors.of(9), 0), null, "q");
    assertThatThrownBy(() -> b.apply(other)).isInstanceOf(MissingTextDependencyException.class);
    assertThat(b.text()).isEqualTo("xy");
    assertThat(b.nextSeq(A)).isZero();
  }

  @Test
  void applyRefusesADeletionUsedAsACharacter() throws TextException {
    TextDocument a = new TextDocument();
    List<TextOp> ops = new ArrayList<>(a.splice(A, 0, 0, "ab"));
    ops.addAll(a.splice(A, 0, 1, ""));
    TextDocument b = replay(ops);
    InsertOp bad = new InsertOp(new TextId(B, 0), new TextId(A, 2), null, "z");
    assertThatThrownBy(() -> b.apply(bad)).isInstanceOf(InvalidTextOpException.class);
    DeleteOp badDelete = new DeleteOp(new TextId(B, 0), new TextId(A, 1), 2);
    assertThatThrownBy(() -> b.apply(badDelete)).isInstanceOf(InvalidTextOpException.class);
    assertThat(b.text()).isEqualTo("b");
  }

  @Test
  void applyRefusesOriginsInTheWrongOrder() throws TextException {
    TextDocument b = new TextDocument();
    b.splice(B, 0, 0, "xyz");
    InsertOp op = new InsertOp(new TextId(A, 0), new TextId(B, 2), new TextId(B, 0), "q");
    assertThatThrownBy(() -> b.apply(op)).isInstanceOf(InvalidTextOpException.class);
    assertThat(b.text()).isEqualTo("xyz");
  }

  @Test
  void applyMergesTheUnheldRestOfAPartlyHeldOp() throws TextException {
    TextDocument a = new TextDocument();
    TextOpLog joined = new TextOpLog();
    List<TextOp> first = a.splice(A, 0, 0, "ab");
    joined.addAll(first);
    joined.addAll(a.splice(A, 2, 0, "c😀"));
    joined.addAll(a.splice(A, 0, 1, ""));
    joined.addAll(a.splice(A, 0, 1, ""));
    TextDocument b = replay(first);
    for (TextOp op : joined.ops()) {
      b.apply(op);
    }
    assertThat(b.text()).isEqualTo(a.text()).isEqualTo("c😀");
    assertThat(TextSnapshotCodec.encode(b)).isEqualTo(TextSnapshotCodec.encode(a));
  }

  @Test
  void anEmptyDocumentRoundTripsAndEditsAfterLoading() throws TextException {
    byte[] bytes = TextSnapshotCodec.encode(new TextDocument());
    TextDocument loaded = TextSnapshotCodec.decode(bytes);
    assertThat(loaded.text()).isEmpty();
    assertThat(loaded.version()).isEqualTo(TextVersion.EMPTY);
    List<TextOp> ops = loaded.splice(A, 0, 0, "hi");
    assertThat(replay(ops).text()).isEqualTo("hi");
  }

  @Test
  void concurrentDeletesOfOneCharacterBothApply() throws TextException {
    TextDocument a = new TextDocument();
    List<TextOp> base = a.splice(A, 0, 0, "abc");
    TextDocument b = replay(base);
    List<TextOp> da = a.splice(A, 1, 1, "");
    List<TextOp> db = b.splice(B, 0, 2, "");
    a.apply(db.get(0));
    b.apply(da.get(0));
    assertThat(a.text()).isEqualTo(b.text()).isEqualTo("c");
  }
}
