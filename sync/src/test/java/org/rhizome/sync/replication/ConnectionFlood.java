package org.rhizome.sync.replication;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test helper: a stranger without the workspace secret holding many TCP connections open to a peer
 * and sending nothing (the pre-handshake flood of issue 18), from {@code addresses} loopback source
 * addresses (127.0.0.2 …), {@code perAddress} each; every connection the peer closes is opened
 * again at once. One thread, one selector; runs until {@link #close} or {@code maxSeconds},
 * whichever is first.
 */
final class ConnectionFlood implements AutoCloseable {
  final AtomicLong opened = new AtomicLong();
  final AtomicLong closedByPeer = new AtomicLong();
  private final InetSocketAddress target;
  private final int addresses;
  private final int firstAddress;
  private final int perAddress;
  private final long deadline;
  private final Thread thread;
  private volatile boolean stop;

  ConnectionFlood(InetSocketAddress target, int addresses, int perAddress, int maxSeconds) {
    this(target, 2, addresses, perAddress, maxSeconds);
  }

  /** From 127.0.0.{@code firstAddress} on (1 is where the honest devices dial from, too). */
  ConnectionFlood(
      InetSocketAddress target, int firstAddress, int addresses, int perAddress, int maxSeconds) {
    this.firstAddress = firstAddress;
    this.target = target;
    this.addresses = addresses;
    this.perAddress = perAddress;
    this.deadline = System.nanoTime() + maxSeconds * 1_000_000_000L;
    this.thread = new Thread(this::run, "connection-flood");
    thread.setDaemon(true);
    thread.start();
  }

  private void open(Selector selector, int address) {
    try {
      SocketChannel ch = SocketChannel.open();
      ch.configureBlocking(false);
      ch.bind(new InetSocketAddress("127.0.0." + (firstAddress + address), 0));
      ch.connect(target);
      ch.register(selector, SelectionKey.OP_CONNECT, address);
      opened.incrementAndGet();
    } catch (IOException e) {
      // Out of ports or refused at once: tried again on the next round.
    }
  }

  private void run() {
    ByteBuffer sink = ByteBuffer.allocate(4096);
    try (Selector selector = Selector.open()) {
      for (int a = 0; a < addresses; a++) {
        for (int i = 0; i < perAddress; i++) {
          open(selector, a);
        }
      }
      while (!stop && System.nanoTime() < deadline) {
        selector.select(50);
        for (SelectionKey key : selector.selectedKeys()) {
          SocketChannel ch = (SocketChannel) key.channel();
          int address = (Integer) key.attachment();
          boolean lost;
          try {
            if (key.isConnectable()) {
              ch.finishConnect();
              key.interestOps(SelectionKey.OP_READ);
              lost = false;
            } else {
              sink.clear();
              lost = ch.read(sink) < 0; // the peer's nonce and the like: read and ignore
            }
          } catch (IOException e) {
            lost = true;
          }
          if (lost) {
            closedByPeer.incrementAndGet();
            key.cancel();
            try {
              ch.close();
            } catch (IOException ignored) {
              // closing a dead socket
            }
            open(selector, address);
          }
        }
        selector.selectedKeys().clear();
      }
      for (SelectionKey key : selector.keys()) {
        try {
          key.channel().close();
        } catch (IOException ignored) {
          // best effort
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop = true;
    thread.join(10_000);
  }
}
