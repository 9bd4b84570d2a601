package org.rhizome.sync.yamux.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.rhizome.sync.FrameTooLongException;
import org.rhizome.sync.peer.Multiaddr;
import org.rhizome.sync.peer.PrivateKey;
import org.rhizome.sync.transport.MuxedStream;
import org.rhizome.sync.transport.StreamHandler;
import org.rhizome.sync.yamux.YamuxException;

class YamuxSessionTest {
  private final List<MuxedStream> inbound = new ArrayList<>();
  private final List<String> events = new ArrayList<>();
  private EmbeddedChannel ch;

  /** A session on the dialer side (odd ids ours, even ids theirs), 256 KiB windows. */
  @BeforeEach
  void setUp() {
    ch = new EmbeddedChannel();
    ch.pipeline().addLast("start", new io.netty.channel.ChannelInboundHandlerAdapter());
    YamuxSession session =
        new YamuxSession(
            true,
            PrivateKey.generate(new java.security.SecureRandom()).peerId(),
            Multiaddr.parse("/ip4/127.0.0.1/tcp/1"),
            YamuxSession.INITIAL_WINDOW,
            new YamuxSession.Listener() {
              @Override
              public void onInboundStream(MuxedStream stream) {
                inbound.add(stream);
                stream.setHandler(recorder());
              }

              @Override
              public void onSessionClosed() {
                events.add("closed");
              }
            });
    session.install(ch.pipeline(), "start");
  }

  private StreamHandler recorder() {
    return new StreamHandler() {
      @Override
      public void onData(MuxedStream s, ByteBuf data) {
        events.add("data:" + data.readableBytes());
      }

      @Override
      public void onRemoteClose(MuxedStream s) {
        events.add("fin");
      }

      @Override
      public void onReset(MuxedStream s) {
        events.add("reset");
      }
    };
  }

  private static ByteBuf frame(int type, int flags, int stream, long length, byte[] data) {
    ByteBuf b = Unpooled.buffer();
    b.writeByte(0)
        .writeByte(type)
        .writeShort(flags)
        .writeInt(stream)
        .writeInt((int) length)
        .writeBytes(data);
    return b;
  }

  private List<String> outboundHeaders() {
    ch.runPendingTasks();
    List<String> out = new ArrayList<>();
    for (Object o; (o = ch.readOutbound()) != null; ) {
      ByteBuf b = (ByteBuf) o;
      out.add(ByteBufUtil.hexDump(b, b.readerIndex(), 12));
      b.release();
    }
    return out;
  }

  private YamuxSession session() {
    return ch.pipeline().get(YamuxSession.class);
  }

  @Test
  void answersPingSynWithAckEchoingOpaque() {
    ch.writeInbound(frame(2, 1, 0, 7, new byte[0]));
    assertThat(outboundHeaders()).containsExactly("000200020000000000000007");
  }

  @Test
  void pingWithOtherFlagsIsProtocolError() {
    assertThatThrownBy(() -> ch.writeInbound(frame(2, 3, 0, 7, new byte[0])))
        .isInstanceOf(YamuxException.class);
  }

  @Test
  void decoderRejectsUnknownFrameType() {
    assertThatThrownBy(() -> ch.writeInbound(frame(4, 0, 1, 0, new byte[0])))
        .hasRootCauseInstanceOf(YamuxException.class);
    assertThat(outboundHeaders()).contains("000300000000000000000001");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void decoderRejectsUnknownVersion() {
    ByteBuf b = frame(0, 0, 2, 0, new byte[0]);
    b.setByte(0, 1);
    assertThatThrownBy(() -> ch.writeInbound(b)).hasRootCauseInstanceOf(YamuxException.class);
  }

  @Test
  void decoderRejectsFrameOverLimitBeforeBufferingIt() {
    ByteBuf header = frame(0, 1, 2, YamuxSession.INITIAL_WINDOW + 1, new byte[0]);
    assertThatThrownBy(() -> ch.writeInbound(header))
        .hasRootCauseInstanceOf(FrameTooLongException.class);
    assertThat(outboundHeaders()).contains("000300000000000000000001");
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void dataBeyondGrantedWindowIsProtocolError() {
    ch.writeInbound(frame(1, 1, 2, 0, new byte[0]));
    // Just under half the window: consumed but not yet credited back.
    byte[] first = new byte[(int) YamuxSession.INITIAL_WINDOW / 2 - 1];
    ch.writeInbound(frame(0, 0, 2, first.length, first));
    byte[] tooMuch = new byte[(int) YamuxSession.INITIAL_WINDOW - first.length + 1];
    assertThatThrownBy(() -> ch.writeInbound(frame(0, 0, 2, tooMuch.length, tooMuch)))
        .isInstanceOf(YamuxException.class);
    assertThat(ch.isOpen()).isFalse();
  }

  @Test
  void synWithOurParityIsProtocolError() {
    assertThatThrownBy(() -> ch.writeInbound(frame(1, 1, 3, 0, new byte[0])))
        .isInstanceOf(YamuxException.class);
  }

  @Test
  void dataOnStreamZeroIsProtocolError() {
    assertThatThrownBy(() -> ch.writeInbound(frame(0, 0, 0, 1, new byte[1])))
        .isInstanceOf(YamuxException.class);
  }

  @Test
  void framesForUnknownStreamsAreDropped() {
    ch.writeInbound(frame(0, 0, 40, 3, new byte[3]));
    ch.writeInbound(frame(1, 0, 40, 100, new byte[0]));
    assertThat(ch.isOpen()).isTrue();
    assertThat(inbound).isEmpty();
  }

  @Test
  void inboundStreamIsAckedAndHalfCloseKeepsOurSideOpen() {
    ch.writeInbound(frame(1, 1, 2, 0, new byte[0]));
    assertThat(inbound).hasSize(1);
    assertThat(outboundHeaders()).containsExactly("000100020000000200000000");
    ch.writeInbound(frame(0, 4, 2, 5, new byte[5]));
    assertThat(events).containsExactly("data:5", "fin");
    inbound.get(0).write(Unpooled.wrappedBuffer(new byte[3]));
    inbound.get(0).closeWrite();
    // Data, then FIN in its own WindowUpdate (js drops data that shares a frame with FIN).
    assertThat(outboundHeaders())
        .containsExactly("000000000000000200000003", "000100040000000200000000");
    assertThat(session().streamCount()).isZero();
  }

  @Test
  void resetReachesTheHandlerAndForgetsTheStream() {
    ch.writeInbound(frame(1, 1, 2, 0, new byte[0]));
    ch.writeInbound(frame(1, 8, 2, 0, new byte[0]));
    assertThat(events).containsExactly("reset");
    assertThat(session().streamCount()).isZero();
  }

  @Test
  void writesWaitForWindowUpdates() {
    MuxedStream s = session().openStream();
    assertThat(outboundHeaders()).containsExactly("000100010000000100000000");
    byte[] big = new byte[(int) YamuxSession.INITIAL_WINDOW + 1000];
    s.write(Unpooled.wrappedBuffer(big));
    assertThat(outboundHeaders()).containsExactly("000000000000000100040000");
    assertThat(s.queuedBytes()).isEqualTo(1000);
    ch.writeInbound(frame(1, 2, 1, 600, new byte[0]));
    assertThat(outboundHeaders()).containsExactly("000000000000000100000258");
    assertThat(s.queuedBytes()).isEqualTo(400);
  }

  @Test
  void receiveWindowIsCreditedAfterHalfIsConsumed() {
    ch.writeInbound(frame(1, 1, 2, 0, new byte[0]));
    outboundHeaders();
    byte[] half = new byte[(int) YamuxSession.INITIAL_WINDOW / 2];
    ch.writeInbound(frame(0, 0, 2, half.length, half));
    assertThat(outboundHeaders()).containsExactly("000100000000000200020000");
    // The credited window lets the remote send a full window again.
    byte[] full = new byte[(int) YamuxSession.INITIAL_WINDOW];
    ch.writeInbound(frame(0, 0, 2, full.length, full));
    assertThat(ch.isOpen()).isTrue();
  }

  @Test
  void tooManyInboundStreamsAreReset() {
    for (int i = 0; i < YamuxSession.MAX_INBOUND_STREAMS; i++) {
      ch.writeInbound(frame(1, 1, 2 + 2 * i, 0, new byte[0]));
    }
    outboundHeaders();
    ch.writeInbound(frame(1, 1, 2 + 2 * YamuxSession.MAX_INBOUND_STREAMS, 0, new byte[0]));
    assertThat(outboundHeaders())
        .containsExactly(
            "000100080000"
                + String.format("%08x", 2 + 2 * YamuxSession.MAX_INBOUND_STREAMS).substring(4)
                + "00000000");
  }

  @Test
  void goAwayClosesTheSession() {
    ch.writeInbound(frame(1, 1, 2, 0, new byte[0]));
    ch.writeInbound(frame(3, 0, 0, 0, new byte[0]));
    assertThat(ch.isOpen()).isFalse();
    assertThat(events).containsExactly("reset", "closed");
  }

  @Test
  void writeFutureCompletesWhenTheWindowLetsTheBytesOut() {
    MuxedStream s = session().openStream();
    outboundHeaders();
    var first = s.write(Unpooled.wrappedBuffer(new byte[(int) YamuxSession.INITIAL_WINDOW - 10]));
    var second = s.write(Unpooled.wrappedBuffer(new byte[100]));
    ch.runPendingTasks();
    assertThat(first).isCompleted();
    assertThat(second).isNotDone();
    ch.writeInbound(frame(1, 2, 1, 90, new byte[0]));
    assertThat(second).isCompleted();
  }

  @Test
  void writeFuturesFailWhenTheStreamIsReset() {
    MuxedStream s = session().openStream();
    var stuck = s.write(Unpooled.wrappedBuffer(new byte[(int) YamuxSession.INITIAL_WINDOW + 1]));
    ch.writeInbound(frame(1, 8, 1, 0, new byte[0]));
    assertThat(stuck).isCompletedExceptionally();
    assertThat(s.write(Unpooled.wrappedBuffer(new byte[1]))).isCompletedExceptionally();
  }

  @Test
  void aBurstOfSmallWritesLeavesAsOneDataFrame() {
    MuxedStream s = session().openStream();
    outboundHeaders();
    for (int i = 0; i < 50; i++) {
      s.write(Unpooled.wrappedBuffer(new byte[100]));
    }
    assertThat(outboundHeaders()).containsExactly("000000000000000100001388");
  }
}
