package org.rhizome.graph.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.LastAdminException;
import org.rhizome.graph.api.NotAllowedException;

/** A workspace is never left without an admin by its own admins' hands (decision 0007). */
class LastAdminIT {
  @TempDir Path dir;
  Team team;
  Workspace alice;

  @BeforeEach
  void found() throws Exception {
    team = new Team(dir);
    alice = team.alice;
  }

  @AfterEach
  void close() {
    team.close();
  }

  @Test
  void theLastAdminCannotStepDownAndNothingIsWritten() throws Exception {
    Workspace bob = team.join(alice, "Bob", Role.WRITER);
    Team.exchange(alice, bob);
    var before = alice.versionVector();
    for (Role lower : new Role[] {Role.WRITER, Role.READER}) {
      assertThatThrownBy(() -> alice.membership().setRoleAsync(alice.actor(), lower).get())
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(LastAdminException.class)
          .isInstanceOf(NotAllowedException.class)
          .hasMessageContaining("you are the last admin");
    }
    assertThat(alice.versionVector()).isEqualTo(before);
    assertThat(alice.membership().myRole()).contains(Role.ADMIN);
    // Nobody removes themselves either (the rule of removal); an admin stays an admin.
    assertThatThrownBy(() -> alice.membership().removeAsync(alice.actor()).get())
        .cause()
        .isInstanceOf(NotAllowedException.class);
    alice.membership().setRoleAsync(alice.actor(), Role.ADMIN).get();
  }

  @Test
  void withAnotherAdminInGoodStandingAnAdminMayStepDown() throws Exception {
    Workspace dave = team.join(alice, "Dave", Role.WRITER);
    Team.exchange(alice, dave);
    alice.membership().setRoleAsync(dave.actor(), Role.ADMIN).get();
    assertThat(alice.membership().otherAdmins(alice.actor())).isEqualTo(1);

    // A second process on Alice's file sees the same and steps her down.
    try (Workspace second = Workspace.open(dir.resolve("alice.db"), team.keys.get(alice.actor()))) {
      second.membership().setRoleAsync(alice.actor(), Role.WRITER).get();
    }
    assertThat(alice.membership().myRole()).contains(Role.WRITER);
    // Now Dave is the last admin: he cannot step down, and Alice may not change roles at all.
    Team.exchange(alice, dave);
    assertThatThrownBy(() -> dave.membership().setRoleAsync(dave.actor(), Role.READER).get())
        .cause()
        .isInstanceOf(LastAdminException.class)
        .hasMessageContaining("last admin");
    assertThatThrownBy(() -> alice.membership().setRoleAsync(dave.actor(), Role.READER).get())
        .cause()
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("only an admin");
  }

  @Test
  void aRemovedAdminDoesNotCountAsTheOtherAdmin() throws Exception {
    Workspace dave = team.join(alice, "Dave", Role.ADMIN);
    Team.exchange(alice, dave);
    alice.membership().removeAsync(dave.actor()).get();
    assertThat(alice.membership().otherAdmins(alice.actor())).isZero();
    assertThatThrownBy(() -> alice.membership().setRoleAsync(alice.actor(), Role.WRITER).get())
        .cause()
        .isInstanceOf(
            LastAdminException
                .class); // Nor can a removed person be given a role back: it would have no effect.
    assertThatThrownBy(() -> alice.membership().setRoleAsync(dave.actor(), Role.ADMIN).get())
        .cause()
        .isInstanceOf(NotAllowedException.class)
        .hasMessageContaining("Dave was removed");
  }
}
