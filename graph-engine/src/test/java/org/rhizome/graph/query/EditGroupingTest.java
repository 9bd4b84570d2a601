package org.rhizome.graph.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.query.EditGrouping.Edit;

class EditGroupingTest {
  static final ActorId ME = DeviceKey.generate(new SecureRandom()).actor();
  static final ActorId PEER = DeviceKey.generate(new SecureRandom()).actor();

  /** Group sizes for a sequence of edits. */
  static List<Integer> groups(List<Edit> edits) {
    List<Integer> sizes = new ArrayList<>();
    EditGrouping grouping = new EditGrouping();
    for (Edit e : edits) {
      if (grouping.startsNewVersion(e)) {
        sizes.add(0);
      }
      sizes.set(sizes.size() - 1, sizes.get(sizes.size() - 1) + 1);
    }
    return sizes;
  }

  @Test
  void typingBatchesEvery200msAreOneVersion() {
    List<Edit> edits = new ArrayList<>();
    for (int i = 0; i < 34; i++) {
      edits.add(new Edit(ME, 1_000_000 + i * 200L, false));
    }
    assertThat(groups(edits)).containsExactly(34);
  }

  @Test
  void aPauseOfAMinuteStartsANewVersion() {
    List<Edit> edits =
        List.of(
            new Edit(ME, 0, false),
            new Edit(ME, 59_999, false),
            new Edit(ME, 119_999, false),
            new Edit(ME, 120_500, false));
    assertThat(groups(edits)).containsExactly(2, 2);
  }

  @Test
  void anotherAuthorStartsANewVersionAndSoDoesComingBack() {
    List<Edit> edits =
        List.of(
            new Edit(ME, 0, false),
            new Edit(PEER, 100, false),
            new Edit(PEER, 300, false),
            new Edit(ME, 400, false));
    assertThat(groups(edits)).containsExactly(1, 2, 1);
  }

  @Test
  void aRestoreIsAVersionOfItsOwn() {
    List<Edit> edits =
        List.of(
            new Edit(ME, 0, false),
            new Edit(ME, 100, true),
            new Edit(ME, 200, false),
            new Edit(ME, 300, false));
    assertThat(groups(edits)).containsExactly(1, 1, 2);
  }

  @Test
  void longContinuousTypingIsCutEveryTenMinutes() {
    List<Edit> edits = new ArrayList<>();
    for (long t = 0; t < 25 * 60_000; t += 30_000) {
      edits.add(new Edit(ME, t, false));
    }
    assertThat(groups(edits)).containsExactly(20, 20, 10);
  }

  @Test
  void anEditFromThePastArrivingLateIsNoPause() {
    List<Edit> edits =
        List.of(
            new Edit(ME, 100_000, false),
            new Edit(ME, 10_000, false),
            new Edit(ME, 100_200, false));
    assertThat(groups(edits)).containsExactly(3);
  }
}
