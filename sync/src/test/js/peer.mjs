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
node.addEventListener('peer:discovery', (e) => {
  out({ event: 'discovery', peer: e.detail.id.toString(), addrs: e.detail.multiaddrs.map(String) })
})
pubsub.addEventListener('subscription-change', (e) => {
  out({ event: 'subscription', peer: e.detail.peerId.toString(), subs: e.detail.subscriptions.map(s => ({ topic: s.topic, subscribe: s.subscribe })) })
})
pubsub.addEventListener('gossipsub:graft', (e) => out({ event: 'graft', peer: e.detail.peerId, topic: e.detail.topic }))
pubsub.addEventListener('gossipsub:message', (e) => {
  const { msg, propagationSource, msgId } = e.detail
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
    const data = new Uint8Array(c.size)
    let sent = 0
    const t0 = process.hrtime.bigint()
    for (let i = 0; i < c.count; i++) {
      new DataView(data.buffer).setUint32(0, i)
      await pubsub.publish(c.topic, data)
      sent++
    }
    return { sent, nanos: String(process.hrtime.bigint() - t0) }
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
