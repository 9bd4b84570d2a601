package org.rhizome.sync.transport;

/**
 * Makes the handler for a stream once its protocol is agreed. Called on the connection's event
 * loop.
 */
@FunctionalInterface
public interface StreamHandlerFactory {
  StreamHandler create(MuxedStream stream);
}
