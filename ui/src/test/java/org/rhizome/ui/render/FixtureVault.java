package org.rhizome.ui.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Stream;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.note.Attachment;
import org.rhizome.graph.query.NoteRef;

/** The test vault (test resources, render/vault) loaded into a real workspace in a temp dir. */
public final class FixtureVault {
  private FixtureVault() {}

  static Path source() {
    try {
      return Path.of(FixtureVault.class.getResource("vault").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Workspace load(Path dir) throws Exception {
    Workspace ws =
        Workspace.open(dir.resolve("fixture.db"), DeviceKey.generate(new SecureRandom()));
    loadInto(ws);
    return ws;
  }

  /** Puts the vault's notes and attachments into {@code ws}. */
  public static void loadInto(Workspace ws) throws Exception {
    Path root = source();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      Path rel = root.relativize(f);
      String folder = rel.getParent() == null ? "" : rel.getParent().toString().replace('\\', '/');
      String name = rel.getFileName().toString();
      if (name.endsWith(".md")) {
        ws.createNote(folder, name.substring(0, name.length() - 3), Files.readString(f));
      } else {
        ws.putAttachment(folder, name, Files.readAllBytes(f));
      }
    }
  }

  /** Addresses that do not depend on ids: {@code notes/<path>.html} and {@code files/<path>}. */
  static WorkspaceLinks.Addresses addresses() {
    return new WorkspaceLinks.Addresses() {
      @Override
      public String note(NoteRef note) {
        return "notes/" + note.path() + ".html";
      }

      @Override
      public String attachment(Attachment attachment, Workspace workspace) {
        return "files/" + attachment.path();
      }

      @Override
      public String unresolved(String target) {
        return "new:" + target;
      }
    };
  }

  static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
