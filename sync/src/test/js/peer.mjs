// A js-libp2p 3.x peer driven by the sync module's interop tests.
// argv[2]: JSON options {listen:[ma], topics:[t], psk:hex64?, mdns:bool, monitor:bool, pingService:bool}.
// stdout: one JSON object per line: {event:...} notices and {reply:id,...} answers.
// stdin: one JSON command per line: {id, cmd: dial|ping|publish|subscribe|peers|mesh|quit, ...}.
import './with-resolvers.mjs'
import { createInterface } from 'node:readline'
import { createLibp2p } from 'libp2p'
import { tcp } from '@libp2p/tcp'
import { noise } from '@chainsafe/libp2p-noise'
import { yamux } from '@chainsafe/libp2p-yamux'
import { identify, identifyPush } from '@libp2p/identify'
import { ping } from '@libp2p/ping'
import { gossipsub } from '@libp2p/gossipsub'
import { preSharedKey } from '@libp2p/pnet'
import { mdns } from '@libp2p/mdns'
import { multiaddr } from '@multiformats/multiaddr'
import { peerIdFromString } from '@libp2p/peer-id'

const opts = JSON.parse(process.argv[2] ?? '{}')
const out = (obj) => process.stdout.write(JSON.stringify(obj) + '\n')
const hex = (u8) => Buffer.from(u8).toString('hex')

const config = {
  addresses: { listen: opts.listen ?? ['/ip4/127.0.0.1/tcp/0'] },
  transports: [tcp()],
  connectionEncrypters: [noise()],
  streamMuxers: [yamux()],
  connectionMonitor: { enabled: opts.monitor !== false },
  services: {
    identify: identify(),
    identifyPush: identifyPush(),
    ping: ping(),
    pubsub: gossipsub({ emitSelf: false, globalSignaturePolicy: 'StrictSign', allowPublishToZeroTopicPeers: true })
  }
}
if (opts.psk) {
  const text = '/key/swarm/psk/1.0.0/\n/base16/\n' + opts.psk
  config.connectionProtector = preSharedKey({ psk: new TextEncoder().encode(text) })
}
if (opts.mdns) {
  config.peerDiscovery = [mdns({ interval: 1000 })]
}

const node = await createLibp2p(config)
const pubsub = node.services.pubsub

node.addEventListener('connection:open', (e) => out({ event: 'connect', peer: e.detail.remotePeer.toString(), addr: e.detail.remoteAddr.toString(), direction: e.detail.direction }))
node.addEventListener('connection:close', (e) => out({ event: 'disconnect', peer: e.detail.remotePeer.toString() }))
node.addEventListener('peer:identify', (e) => {
  const r = e.detail
  out({
    event: 'identify',
    peer: r.peerId.toString(),
    protocols: r.protocols,
    listenAddrs: r.listenAddrs.map(String),
    agentVersion: r.agentVersion,
    protocolVersion: r.protocolVersion,
    observedAddr: r.observedAddr?.toString() ?? null,
    publicKey: r.publicKey ? hex(r.publicKey.raw ?? r.publicKey) : null
  })
})
node.addEventListener('peer:update', (e) => {
  const p = e.detail.peer
  out({ event: 'peer-update', peer: p.id.toString(), protocols: p.protocols })
})
node.addEventListener('peer:discovery', (e) => {
  out({ event: 'discovery', peer: e.detail.id.toString(), addrs: e.detail.multiaddrs.map(String) })
})
pubsub.addEventListener('subscription-change', (e) => {
  out({ event: 'subscription', peer: e.detail.peerId.toString(), subs: e.detail.subscriptions.map(s => ({ topic: s.topic, subscribe: s.subscribe })) })
})
pubsub.addEventListener('gossipsub:graft', (e) => out({ event: 'graft', peer: e.detail.peerId, topic: e.detail.topic }))
// Bench mode: count messages per topic and measure latency from a timestamp (µs since the epoch,
// float64 big-endian) in the first 8 bytes of each message, instead of printing every message.
const stats = new Map()
const nowMicros = () => (performance.timeOrigin + performance.now()) * 1000
const waiters = []
pubsub.addEventListener('gossipsub:message', (e) => {
  const { msg, propagationSource, msgId } = e.detail
  if (opts.bench) {
    const now = nowMicros()
    let s = stats.get(msg.topic)
    if (s == null) { s = { count: 0, bytes: 0, first: now, last: now, latencies: [] }; stats.set(msg.topic, s) }
    s.count++
    s.bytes += msg.data.length
    s.last = now
    if (msg.data.length >= 8) {
      const sent = new DataView(msg.data.buffer, msg.data.byteOffset, 8).getFloat64(0)
      if (sent > 0) s.latencies.push(now - sent)
    }
    for (const w of [...waiters]) w()
    return
  }
  out({
    event: 'message',
    topic: msg.topic,
    from: msg.type === 'signed' ? msg.from.toString() : null,
    via: propagationSource.toString(),
    seqno: msg.type === 'signed' ? msg.sequenceNumber.toString(16) : null,
    msgId,
    data: Buffer.from(msg.data).toString('utf8'),
    size: msg.data.length
  })
})
for (const t of opts.topics ?? []) pubsub.subscribe(t)

const handlers = {
  async dial (c) { const conn = await node.dial(multiaddr(c.addr)); return { peer: conn.remotePeer.toString() } },
  async ping (c) { const rtt = await node.services.ping.ping(multiaddr(c.addr)); return { rtt } },
  async publish (c) {
    const r = await pubsub.publish(c.topic, new TextEncoder().encode(c.data))
    return { recipients: r.recipients.map(String) }
  },
  async publishSized (c) {
    let sent = 0
    const startMicros = nowMicros()
    const t0 = process.hrtime.bigint()
    const intervalMicros = c.rate ? 1e6 / c.rate : 0
    for (let i = 0; i < c.count; i++) {
      if (intervalMicros > 0) {
        const due = startMicros + i * intervalMicros
        const ahead = due - nowMicros()
        if (ahead > 1000) await new Promise((resolve) => setTimeout(resolve, Math.floor(ahead / 1000)))
      }
      const data = new Uint8Array(c.size)
      new DataView(data.buffer).setFloat64(0, c.stamp ? nowMicros() : 0)
      new DataView(data.buffer).setUint32(8, i)
      await pubsub.publish(c.topic, data)
      sent++
    }
    return { sent, startMicros, nanos: String(process.hrtime.bigint() - t0) }
  },
  async awaitCount (c) {
    const done = () => (stats.get(c.topic)?.count ?? 0) >= c.count
    if (!done()) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => { waiters.splice(waiters.indexOf(check), 1); resolve() }, c.timeoutMs ?? 30000)
        const check = () => { if (done()) { clearTimeout(timer); waiters.splice(waiters.indexOf(check), 1); resolve() } }
        waiters.push(check)
      })
    }
    const s = stats.get(c.topic) ?? { count: 0, bytes: 0, first: 0, last: 0, latencies: [] }
    if (c.reset !== false) stats.delete(c.topic)
    const sorted = s.latencies.sort((a, b) => a - b)
    const pick = (q) => sorted.length === 0 ? null : sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
    return { count: s.count, bytes: s.bytes, firstMicros: s.first, lastMicros: s.last, p50Micros: pick(0.5), p99Micros: pick(0.99) }
  },
  async subscribe (c) { pubsub.subscribe(c.topic); return {} },
  async peers () { return { peers: node.getPeers().map(String) } },
  async mesh (c) { return { peers: pubsub.getMeshPeers(c.topic) } },
  async topicPeers (c) { return { peers: pubsub.getSubscribers(c.topic).map(String) } },
  async hangUp (c) { await node.hangUp(peerIdFromString(c.peer)); return {} },
  async quit () { setTimeout(async () => { await node.stop(); process.exit(0) }, 10); return {} }
}

createInterface({ input: process.stdin }).on('line', async (line) => {
  let c
  try { c = JSON.parse(line) } catch { return }
  try {
    const r = await handlers[c.cmd](c)
    out({ reply: c.id, ok: true, ...r })
  } catch (err) {
    out({ reply: c.id, ok: false, error: String(err?.message ?? err) })
  }
})
process.stdin.on('end', async () => { await node.stop(); process.exit(0) })

out({ event: 'ready', peer: node.peerId.toString(), addrs: node.getMultiaddrs().map(String) })
