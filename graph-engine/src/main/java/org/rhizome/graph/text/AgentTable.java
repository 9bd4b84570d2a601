package org.rhizome.graph.text;

import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import org.jspecify.annotations.Nullable;
import org.rhizome.graph.model.ActorId;

/**
 * The document's actors, numbered locally 0, 1, 2… in order of first appearance (the numbers never
 * leave this object's document: encodings name actors by their 32-byte ids). Per actor it keeps the
 * next counter, the inserted code points by counter, and which leaf holds each inserted character
 * ({@link #NO_LEAF} for counters used by deletions, and for characters dropped from a snapshot).
 */
final class AgentTable {
  static final int NO_LEAF = -1;

  /** Packed ids keep the counter in the low 40 bits and the agent number above them. */
  static final int SEQ_BITS = 40;

  static final long SEQ_MASK = (1L << SEQ_BITS) - 1;
  static final long NONE = -1L;
  private static final int RECENT_LIMIT = 64;

  private ActorId[] actors = new ActorId[4];
  private final HashMap<ActorId, Integer> numbers = new HashMap<>();

  /**
   * Recently seen ActorId objects: ops usually share them, and hashing 32 bytes each time shows up.
   */
  private final IdentityHashMap<ActorId, Integer> recent = new IdentityHashMap<>();

  private long[] next = new long[4];
  private int[][] content = new int[4][];
  private int[][] leafOf = new int[4][];
  private int count;
  private @Nullable ActorId lastActor;
  private int lastNumber = -1;

  static long pack(int agent, long seq) {
    return ((long) agent << SEQ_BITS) | seq;
  }

  static int agentOf(long id) {
    return (int) (id >>> SEQ_BITS);
  }

  static int seqOf(long id) {
    return (int) (id & SEQ_MASK);
  }

  int size() {
    return count;
  }

  ActorId actor(int agent) {
    return actors[agent];
  }

  /** The agent number of {@code actor}, registering it when new. */
  int intern(ActorId actor) {
    int n = find(actor);
    return n >= 0 ? n : add(actor, 16);
  }

  /** The agent number of {@code actor}, or -1 when this document has never seen it. */
  int find(ActorId actor) {
    if (actor == lastActor) {
      return lastNumber;
    }
    Integer n = recent.get(actor);
    if (n == null) {
      n = numbers.get(actor);
      if (n == null) {
        return -1;
      }
      if (recent.size() >= RECENT_LIMIT) {
        recent.clear();
      }
      recent.put(actor, n);
    }
    lastActor = actor;
    lastNumber = n;
    return n;
  }

  /** Registers a new actor whose arrays start with room for {@code capacity} counters. */
  int add(ActorId actor, int capacity) {
    if (count == actors.length) {
      int cap = count * 2;
      actors = Arrays.copyOf(actors, cap);
      next = Arrays.copyOf(next, cap);
      content = Arrays.copyOf(content, cap);
      leafOf = Arrays.copyOf(leafOf, cap);
    }
    int n = count++;
    actors[n] = actor;
    content[n] = new int[Math.max(1, capacity)];
    int[] leaves = new int[Math.max(1, capacity)];
    Arrays.fill(leaves, NO_LEAF);
    leafOf[n] = leaves;
    numbers.put(actor, n);
    return n;
  }

  long next(int agent) {
    return next[agent];
  }

  void setNext(int agent, long seq) {
    next[agent] = seq;
  }

  /** Makes room for counters below {@code end}. */
  private void ensure(int agent, long end) {
    int[] c = content[agent];
    if (end > c.length) {
      int cap = (int) Math.min(TextId.MAX_SEQ + 1, Math.max(end, c.length * 2L));
      content[agent] = Arrays.copyOf(c, cap);
      int old = leafOf[agent].length;
      int[] l = Arrays.copyOf(leafOf[agent], cap);
      Arrays.fill(l, old, cap, NO_LEAF);
      leafOf[agent] = l;
    }
  }

  void storeContent(int agent, long seq, int[] codePoints, int from, int n) {
    ensure(agent, seq + n);
    System.arraycopy(codePoints, from, content[agent], (int) seq, n);
  }

  void storeCodePoint(int agent, long seq, int codePoint) {
    ensure(agent, seq + 1);
    content[agent][(int) seq] = codePoint;
  }

  int[] contentArray(int agent) {
    return content[agent];
  }

  int leafOf(int agent, int seq) {
    int[] l = leafOf[agent];
    return seq < l.length ? l[seq] : NO_LEAF;
  }

  void setLeaf(int agent, long seq, int n, int leaf) {
    ensure(agent, seq + n);
    Arrays.fill(leafOf[agent], (int) seq, (int) seq + n, leaf);
  }
}
