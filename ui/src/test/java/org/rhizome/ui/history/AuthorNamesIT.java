package org.rhizome.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.membership.Grant;
import org.rhizome.graph.membership.InviteKey;
import org.rhizome.graph.membership.Member;
import org.rhizome.graph.membership.Role;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.query.TextVersionInfo;

/** The history names each change's person and signing key, also after the person was removed. */
class AuthorNamesIT {
  @TempDir Path dir;

  private static void send(Workspace from, Workspace to) throws Exception {
    List<byte[]> missing = new ArrayList<>();
    for (StoredChange e : from.changesSince(to.versionVector(), 0, 100_000)) {
      missing.add(e.bytes());
    }
    if (!missing.isEmpty()) {
      to.applyRemote(missing);
    }
  }

  @Test
  void eachVersionNamesItsPersonAndKeyAndARemovalIsSaid() throws Exception {
    SecureRandom random = new SecureRandom();
    try (Workspace ada =
            Workspace.create(dir.resolve("ada.db"), DeviceKey.generate(random), "Team", "Ada");
        Workspace bob =
            Workspace.openToJoin(dir.resolve("bob.db"), ada.id(), DeviceKey.generate(random))) {
      InviteKey invite =
          ada.membership().createInviteAsync(Grant.MEMBER, Role.WRITER, Duration.ofDays(1)).get();
      send(ada, bob);
      bob.membership().join(invite, "Bob");
      send(bob, ada);
      Soul note = ada.createNote("Plan", "one");
      send(ada, bob);
      bob.editBody(note, "one two");
      send(bob, ada);
      ada.membership().removeAsync(bob.actor()).get();

      List<TextVersionInfo> versions = ada.bodyHistory(note, 10);
      AuthorNames names = new AuthorNames(ada);
      assertThat(names.of(versions.get(0).author()))
          .isEqualTo(
              new AuthorNames.Author("Bob (removed since)", Member.fingerprint(bob.actor())));
      assertThat(names.of(versions.get(1).author()))
          .isEqualTo(new AuthorNames.Author("Ada (you)", Member.fingerprint(ada.actor())));
    }
  }
}
