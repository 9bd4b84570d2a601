package org.rhizome.graph;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.api.StoreException;

/**
 * This replica's own settings, never replicated (the sync switch, the workspace secret, peers, the
 * mirror folder): kept in the workspace file so that every process on it sees the same ones.
 */
public interface LocalSettings {
  /** A local setting of this replica (e.g. {@code sync.enabled}); empty if unset. */
  Optional<String> localSetting(String key) throws StoreException;

  /** Sets (or with null, removes) a local setting; other processes on the file see it at once. */
  CompletableFuture<Void> setLocalSettingAsync(String key, @Nullable String value);

  default void setLocalSetting(String key, @Nullable String value) throws StoreException {
    Futures.await(setLocalSettingAsync(key, value));
  }
}
