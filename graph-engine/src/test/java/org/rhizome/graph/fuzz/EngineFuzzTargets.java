package org.rhizome.graph.fuzz;

import java.util.List;

/** Every fuzz target of the engine: decoders of bytes and text that come from outside. */
final class EngineFuzzTargets {
  static final List<Class<?>> ALL =
      List.of(
          ChangeDecodeFuzzer.class,
          ValueDecodeFuzzer.class,
          TextOpsDecodeFuzzer.class,
          TextSnapshotDecodeFuzzer.class,
          MarkdownParseFuzzer.class,
          SearchQueryFuzzer.class);

  private EngineFuzzTargets() {}
}
