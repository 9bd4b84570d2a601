package org.rhizome.sync.transport.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rhizome.sync.transport.StreamHandlerFactory;

/** The stream protocols a host serves. Thread-safe. */
public final class ProtocolRegistry {
  private final Map<String, StreamHandlerFactory> handlers = new ConcurrentHashMap<>();

  /** Serves {@code protocol}; replaces an earlier handler for it. */
  public void register(String protocol, StreamHandlerFactory factory) {
    if (protocol.isEmpty() || protocol.length() > 1000 || protocol.contains("\n")) {
      throw new IllegalArgumentException("bad protocol id: " + protocol);
    }
    handlers.put(protocol, factory);
  }

  public void unregister(String protocol) {
    handlers.remove(protocol);
  }

  public Optional<StreamHandlerFactory> find(String protocol) {
    return Optional.ofNullable(handlers.get(protocol));
  }

  public boolean supports(String protocol) {
    return handlers.containsKey(protocol);
  }

  /** The protocols, sorted, for identify and {@code ls}. */
  public List<String> protocols() {
    List<String> out = new ArrayList<>(handlers.keySet());
    Collections.sort(out);
    return out;
  }
}
