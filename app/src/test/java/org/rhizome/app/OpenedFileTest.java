package org.rhizome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenedFileTest {
  @TempDir Path dir;

  @Test
  void aLoneExistingMarkdownFileIsAnOpenedFile() throws IOException {
    Path note = Files.writeString(dir.resolve("Ideas.MD"), "# Ideas\n");
    assertThat(OpenedFile.isOpenedFile(new String[] {note.toString()})).isTrue();
  }

  @Test
  void commandsMissingFilesAndOtherFilesAreNot() throws IOException {
    Path text = Files.writeString(dir.resolve("notes.txt"), "x");
    Files.createDirectory(dir.resolve("folder.md"));
    assertThat(OpenedFile.isOpenedFile(new String[] {})).isFalse();
    assertThat(OpenedFile.isOpenedFile(new String[] {"search"})).isFalse();
    assertThat(OpenedFile.isOpenedFile(new String[] {dir.resolve("missing.md").toString()}))
        .isFalse();
    assertThat(OpenedFile.isOpenedFile(new String[] {dir.resolve("folder.md").toString()}))
        .isFalse();
    assertThat(OpenedFile.isOpenedFile(new String[] {text.toString()})).isFalse();
    assertThat(OpenedFile.isOpenedFile(new String[] {"note", "show"})).isFalse();
  }
}
