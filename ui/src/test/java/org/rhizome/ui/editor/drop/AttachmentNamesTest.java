package org.rhizome.ui.editor.drop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.vault.AttachmentFolderSetting;

class AttachmentNamesTest {
  @Test
  void clashesGetTheFirstFreeNumber() {
    Set<String> taken = Set.of("photo.png", "photo 1.png", "README");
    assertThat(AttachmentNames.unique("photo.png", taken::contains)).isEqualTo("photo 2.png");
    assertThat(AttachmentNames.unique("other.png", taken::contains)).isEqualTo("other.png");
    assertThat(AttachmentNames.unique("README", taken::contains)).isEqualTo("README 1");
    assertThat(AttachmentNames.pastedImage(LocalDateTime.of(2026, 12, 7, 14, 5, 9)))
        .isEqualTo("Pasted image 20261207140509.png");
  }

  @Test
  void attachmentFolderFollowsObsidiansSetting() {
    assertThat(AttachmentFolderSetting.folderFor("/", "Projects")).isEmpty();
    assertThat(AttachmentFolderSetting.folderFor("./", "Projects")).isEqualTo("Projects");
    assertThat(AttachmentFolderSetting.folderFor("./assets", "Projects"))
        .isEqualTo("Projects/assets");
    assertThat(AttachmentFolderSetting.folderFor("./assets", "")).isEqualTo("assets");
    assertThat(AttachmentFolderSetting.folderFor("Files/Images/", "Projects"))
        .isEqualTo("Files/Images");
  }
}
