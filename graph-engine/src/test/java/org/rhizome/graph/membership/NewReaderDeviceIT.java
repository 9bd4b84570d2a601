package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.model.Soul;

/**
 * A device that joins a reader's person after a private note was shared gets the note's keys from a
 * running device of the owner, with nobody doing anything (decision 0008): it reads the note and
 * its whole history, keys rotated by an unshare included.
 */
class NewReaderDeviceIT {
  @TempDir Path dir;

  @Test
  void aReadersNewDeviceReadsThePrivateNoteAndItsHistory() throws Exception {
    try (Team team = new Team(dir)) {
      Workspace alice = team.alice;
      Workspace bob = team.join(alice, "Bob", Role.WRITER);
      Workspace carol = team.join(alice, "Carol", Role.WRITER);
      Team.exchange(alice, bob);
      Team.exchange(alice, carol);
      Soul note =
          alice.createPrivateNote(
              "", "Qqnewdevice plan", "first words", List.of(bob.actor(), carol.actor()));
      Team.exchange(alice, bob);
      bob.editBody(note, "first words, bob's");
      Team.exchange(alice, bob);
      // An unshare rotates the key: the history is now under two keys.
      alice.unshareNote(note, List.of(carol.actor()));
      alice.editBody(note, "first words, bob's, and alice's under the new key");
      Team.exchange(alice, bob);

      // Bob's laptop joins his person. Alice's device is running and does nothing by hand.
      Workspace laptop = team.joinDevice(bob, "Bob-laptop");
      assertThat(laptop.findNote(note)).isEmpty();
      long before = alice.versionVector().get(alice.actor());
      Team.sync(bob, alice); // Alice's device learns of the laptop ...
      long deadline = System.currentTimeMillis() + 20_000;
      while (alice.versionVector().get(alice.actor()) == before
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20); // ... and wraps the keys for it on its own
      }
      assertThat(alice.versionVector().get(alice.actor())).isEqualTo(before + 1);
      Team.sync(alice, laptop);

      assertThat(laptop.findNote(note)).isPresent();
      assertThat(laptop.bodies(List.of(note)))
          .containsExactly("first words, bob's, and alice's under the new key");
      assertThat(laptop.search("qqnewdevice", 5)).hasSize(1);
      var versions = laptop.bodyHistory(note, 10);
      assertThat(versions).hasSize(3);
      assertThat(laptop.bodyAt(note, versions.get(versions.size() - 1))).isEqualTo("first words");
      assertThat(laptop.bodyAt(note, versions.get(1))).isEqualTo("first words, bob's");

      // Nothing more is missing: a second pass writes nothing, and Carol's devices get nothing.
      assertThat(alice.wrapKeysForNewDevicesAsync().get()).isZero();
      Workspace carolsPhone = team.joinDevice(carol, "Carol-phone");
      long seen = alice.versionVector().get(alice.actor());
      Team.sync(carol, alice);
      Thread.sleep(500);
      assertThat(alice.wrapKeysForNewDevicesAsync().get()).isZero();
      assertThat(alice.versionVector().get(alice.actor())).isEqualTo(seen);
      Team.sync(alice, carolsPhone);
      assertThat(carolsPhone.findNote(note)).isEmpty();
      Team.exchange(alice, bob);
      Team.exchange(bob, laptop);
      assertThat(laptop.digest()).isEqualTo(bob.digest());
    }
  }
}
