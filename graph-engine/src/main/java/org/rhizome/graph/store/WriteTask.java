package org.rhizome.graph.store;

/** Work for the writer thread, run inside one transaction. */
@FunctionalInterface
public interface WriteTask<T> {
  T run(WriteTxn txn) throws Exception;
}
