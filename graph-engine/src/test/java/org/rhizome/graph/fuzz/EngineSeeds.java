package org.rhizome.graph.fuzz;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.rhizome.graph.Workspace;
import org.rhizome.graph.api.StoredChange;
import org.rhizome.graph.change.ValueCodec;
import org.rhizome.graph.identity.DeviceKey;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.Soul;
import org.rhizome.graph.model.Value;
import org.rhizome.graph.text.TextDocument;
import org.rhizome.graph.text.TextOpCodec;
import org.rhizome.graph.text.TextSnapshotCodec;

/**
 * Well-formed inputs for each engine target, made by the engine itself, so fuzzing starts from real
 * shapes.
 */
final class EngineSeeds {
  private EngineSeeds() {}

  static Map<Class<?>, List<byte[]>> all(Path dir) throws Exception {
    SecureRandom random = new SecureRandom();
    ActorId alice = DeviceKey.generate(random).actor();
    ActorId bob = DeviceKey.generate(random).actor();
    TextDocument doc = new TextDocument();
    List<byte[]> ops = new ArrayList<>();
    ops.add(TextOpCodec.encode(doc.splice(alice, 0, 0, "Hello [[World]] #tag")));
    ops.add(TextOpCodec.encode(doc.splice(bob, 6, 3, "big ")));
    ops.add(TextOpCodec.encode(doc.splice(alice, 0, 5, "")));

    List<byte[]> changes = new ArrayList<>();
    try (Workspace ws =
        Workspace.open(
            Files.createTempDirectory(dir, "seed").resolve("seed.db"),
            DeviceKey.generate(random))) {
      Soul note = ws.createNote("Projects", "Seed", "# Seed\nA body with [[Link]] and #tag\n");
      ws.spliceBody(note, List.of(new org.rhizome.graph.text.Splice(2, 0, "Fuzz ")));
      ws.renameNote(note, "Seed renamed");
      ws.deleteNote(note);
      for (StoredChange e :
          ws.changesSince(org.rhizome.graph.model.VersionVector.of(Map.of()), 0, 100)) {
        changes.add(e.bytes());
      }
    }
    byte[] text = doc.text().getBytes(StandardCharsets.UTF_8);
    String markdown =
        "---\ntitle: Seed\ntags: [a, b/c]\naliases:\n  - S\n---\n# Heading\n"
            + "- [ ] task [[Note#Heading|alias]] ![[image.png|100]]\n> [!tip]- Callout\n> text ==mark== $x^2$\n"
            + "```js\ncode\n```\n| a | b |\n|---|---|\n| 1 | 2 |\n%%comment%% ^block-id\n";
    return Map.of(
        ChangeDecodeFuzzer.class, changes,
        ValueDecodeFuzzer.class,
            List.of(
                ValueCodec.encode(new Value.Str("text")), ValueCodec.encode(new Value.Num(-0.5)),
                ValueCodec.encode(new Value.Bool(true)), ValueCodec.encode(new Value.Null())),
        TextOpsDecodeFuzzer.class, ops,
        TextSnapshotDecodeFuzzer.class,
            List.of(
                TextSnapshotCodec.encode(doc),
                TextSnapshotDecodeFuzzer.storedPair(
                    TextSnapshotCodec.encodeSealed(doc, text), text),
                TextSnapshotDecodeFuzzer.storedPair(
                    TextSnapshotCodec.encodeWithoutText(doc), text)),
        MarkdownParseFuzzer.class, List.of(markdown.getBytes(StandardCharsets.UTF_8)),
        SearchQueryFuzzer.class,
            List.of(
                "\"exact phrase\" -not title:word pre* OR #tag".getBytes(StandardCharsets.UTF_8)));
  }
}
