package org.rhizome.graph;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.StoreException;
import org.rhizome.graph.store.GraphStore;

/** {@link LocalSettings}: rows of the file's {@code meta} table under a prefix of their own. */
final class Settings implements LocalSettings {
  private static final String PREFIX = "setting.";

  private final GraphStore store;

  Settings(GraphStore store) {
    this.store = store;
  }

  @Override
  public Optional<String> localSetting(String key) throws StoreException {
    return store.read(c -> GraphStore.readMeta(c, PREFIX + key));
  }

  @Override
  public CompletableFuture<Void> setLocalSettingAsync(String key, @Nullable String value) {
    return store.write(
        txn -> {
          if (value == null) {
            GraphStore.deleteMeta(txn.connection(), PREFIX + key);
          } else {
            GraphStore.writeMeta(txn.connection(), PREFIX + key, value);
          }
          return null;
        });
  }
}
