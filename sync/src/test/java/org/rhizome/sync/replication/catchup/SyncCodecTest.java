package org.rhizome.sync.replication.catchup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.rhizome.graph.model.ActorId;
import org.rhizome.graph.model.VersionVector;

class SyncCodecTest {
  final Random random = new Random(7);

  ActorId actor() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return ActorId.of(b);
  }

  @Test
  void everyMessageSurvivesEncoding() {
    Map<ActorId, Long> seqs = new TreeMap<>();
    for (int i = 0; i < 50; i++) {
      seqs.put(actor(), 1L + random.nextInt(1_000_000));
    }
    SyncMessage.Pull pull = new SyncMessage.Pull(VersionVector.of(seqs), 8, 256 << 10);
    assertThat(SyncCodec.decode(SyncCodec.encode(pull))).isEqualTo(pull);

    List<byte[]> changes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      byte[] c = new byte[random.nextInt(3000)];
      random.nextBytes(c);
      changes.add(c);
    }
    SyncMessage.Batch batch =
        (SyncMessage.Batch) SyncCodec.decode(SyncCodec.encode(new SyncMessage.Batch(42, changes)));
    assertThat(batch.number()).isEqualTo(42);
    assertThat(batch.changes()).hasSize(20);
    for (int i = 0; i < 20; i++) {
      assertThat(batch.changes().get(i)).isEqualTo(changes.get(i));
    }
    assertThat(SyncCodec.decode(SyncCodec.encode(new SyncMessage.Ack(Long.MAX_VALUE >>> 1))))
        .isEqualTo(new SyncMessage.Ack(Long.MAX_VALUE >>> 1));
    assertThat(SyncCodec.decode(SyncCodec.encode(new SyncMessage.End(0))))
        .isEqualTo(new SyncMessage.End(0));
    assertThat(SyncCodec.decode(SyncCodec.encode(new SyncMessage.Abort("ünïcode reason"))))
        .isEqualTo(new SyncMessage.Abort("ünïcode reason"));
    SyncMessage.Abort longReason =
        (SyncMessage.Abort)
            SyncCodec.decode(SyncCodec.encode(new SyncMessage.Abort("x".repeat(5000))));
    assertThat(longReason.reason().length()).isLessThanOrEqualTo(CatchUpProtocol.MAX_REASON_BYTES);
  }

  @Test
  void malformedMessagesAreRefusedWithAReason() {
    assertThatThrownBy(() -> SyncCodec.decode(new byte[0]))
        .isInstanceOf(MalformedSyncMessageException.class);
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {9})).hasMessageContaining("unknown");
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.ACK}))
        .hasMessageContaining("cut short");
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.ACK, 1, 0}))
        .hasMessageContaining("follow");
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.ACK, (byte) 0x81, 0}))
        .hasMessageContaining("malformed");
    // A window of 0, and one over the limit.
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.PULL, 0, 1, 0}))
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.PULL, 100, 1, 0}))
        .hasMessageContaining("limit");
    // A batch claiming more changes than allowed, or a change longer than what follows.
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.BATCH, 1, (byte) 0xFF, 0x7F}))
        .hasMessageContaining("limit");
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.BATCH, 1, 1, 50, 1, 2}))
        .hasMessageContaining("runs past");
    assertThatThrownBy(() -> SyncCodec.decode(new byte[] {SyncCodec.BATCH, 0, 0}))
        .hasMessageContaining("numbered");
    // Vector entries out of order.
    ActorId a = actor();
    ActorId b = actor();
    ActorId hi = a.compareTo(b) > 0 ? a : b;
    ActorId lo = a.compareTo(b) > 0 ? b : a;
    byte[] bytes = new byte[1 + 3 + 2 * 33];
    bytes[0] = SyncCodec.PULL;
    bytes[1] = 1;
    bytes[2] = 1;
    bytes[3] = 2;
    System.arraycopy(hi.toBytes(), 0, bytes, 4, 32);
    bytes[36] = 1;
    System.arraycopy(lo.toBytes(), 0, bytes, 37, 32);
    bytes[69] = 1;
    assertThatThrownBy(() -> SyncCodec.decode(bytes)).hasMessageContaining("ascending");
  }

  @Test
  void randomBytesNeverThrowAnythingButTheTypedError() {
    for (int i = 0; i < 20_000; i++) {
      byte[] junk = new byte[random.nextInt(80)];
      random.nextBytes(junk);
      if (junk.length > 0) {
        junk[0] = (byte) (1 + random.nextInt(5));
      }
      try {
        SyncCodec.decode(junk);
      } catch (MalformedSyncMessageException expected) {
        // fine
      }
    }
  }
}
