package org.rhizome.app.cli.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.rhizome.app.data.DataDirectory;
import picocli.CommandLine.TypeConversionException;

class SyncOptionsTest {
  private final DurationConverter durations = new DurationConverter();

  @Test
  void durationsTakeEveryUnit() {
    assertThat(durations.convert("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(durations.convert("60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(durations.convert("10m")).isEqualTo(Duration.ofMinutes(10));
    assertThat(durations.convert("2h")).isEqualTo(Duration.ofHours(2));
    assertThat(durations.convert(" 7d ")).isEqualTo(Duration.ofDays(7));
  }

  @Test
  void durationsRefuseOtherForms() {
    for (String bad : new String[] {"", "7", "d", "-1s", "1.5h", "7 days", "99999999999s"}) {
      assertThatThrownBy(() -> durations.convert(bad))
          .as(bad)
          .isInstanceOf(TypeConversionException.class);
    }
  }

  @Test
  void anInvitesWorkspaceNameBecomesAValidFileName() {
    assertThat(JoinCommand.fileNameFor("Team Notes")).isEqualTo("Team-Notes");
    assertThat(JoinCommand.fileNameFor("../../etc/passwd")).isEqualTo("etc-passwd");
    assertThat(JoinCommand.fileNameFor("   ")).isEqualTo("shared");
    assertThat(JoinCommand.fileNameFor("Équipe ✓")).isEqualTo("quipe-");
    assertThat(JoinCommand.fileNameFor("x".repeat(100))).hasSize(64);
    for (String name :
        new String[] {"Team Notes", "../../etc/passwd", "Équipe ✓", "x".repeat(100), "..."}) {
      assertThat(DataDirectory.isValidWorkspaceName(JoinCommand.fileNameFor(name)))
          .as(name)
          .isTrue();
    }
  }

  @Test
  void workspaceNamesCannotLeaveTheWorkspacesDirectory() {
    assertThat(DataDirectory.isValidWorkspaceName("personal")).isTrue();
    assertThat(DataDirectory.isValidWorkspaceName("team-2.b")).isTrue();
    for (String bad :
        new String[] {"", ".", "..", ".hidden", "a/b", "a\\b", "x".repeat(65), "a b"}) {
      assertThat(DataDirectory.isValidWorkspaceName(bad)).as(bad).isFalse();
    }
  }
}
