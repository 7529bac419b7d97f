// Node peers and a Node blind relay for tests/interop/test_blind_relay.cpp (issue #6, spec §11):
// one JSON command per stdin line, one JSON answer per stdout line ({ id, ok, ... } or
// { id, ok: false, error }). Every node binds 127.0.0.1 with an explicit bootstrap list.
//
// ops:
//   testnet { size }                  hyperdht/testnet on 127.0.0.1 → { bootstrap }
//   client { bootstrap }              a fresh ephemeral node that stays firewalled (quickFirewall off) → { node }
//   relay { node }                    a blind-relay 1.6 Server behind dht.createServer() → { relay, publicKey }
//   relayStats { relay }              → { stats } (blind-relay's counters)
//   listen { node, bytes, relayThrough } createServer({ holepunch: false, shareLocalAddress: false,
//                                     relayThrough }) — no holepunching and no LAN shortcut, so a
//                                     firewalled client can only come through a blind relay (its own or
//                                     ours); each connection gets `bytes` then END → { server, publicKey }
//   served { server }                 → { connections, errors }
//   connect { node, publicKey, bytes, relayThrough } dht.connect with { localConnection: false,
//                                     fastOpen: false, holepunch: () => false, relayThrough }, send `bytes`,
//                                     read to the end → { sent, received, bytesReceived, remotePublicKey,
//                                     remoteAddress, relaying: dht.stats.relaying }
//   exit
'use strict'
const HyperDHT = require('hyperdht')
const createTestnet = require('hyperdht/testnet')
const { Server: RelayServer } = require('blind-relay')
const b4a = require('b4a')
const crypto = require('crypto')
const readline = require('readline')

const nodes = []
const servers = []
const relays = []
const testnets = []
const hex = (b) => b4a.toString(b, 'hex')
const addr = (a) => `${a.host}:${a.port}`
const key = (h) => (h ? b4a.from(h, 'hex') : null)

// Writes `bytes` pseudo-random bytes (with backpressure) then ends; resolves with both hashes once
// both directions have ended.
function exchange (socket, bytes) {
  const sent = crypto.createHash('sha256')
  const got = crypto.createHash('sha256')
  let received = 0
  let sentHex = null
  let remoteEnded = false
  let ended = false // our END went out (after every write was acknowledged)
  let done = false
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('exchange timed out')), 120000)
    const finish = () => {
      if (!ended || !remoteEnded || done) return
      done = true
      clearTimeout(timer)
      resolve({ sent: sentHex, received: got.digest('hex'), bytesReceived: received, remotePublicKey: hex(socket.remotePublicKey) })
    }
    socket.on('data', (d) => { got.update(d); received += d.length; endWhenDone() })
    socket.on('error', (err) => { clearTimeout(timer); reject(err) })
    const endWhenDone = () => {
      if (sentHex === null || received < bytes || ended) return
      ended = true
      socket.end()
      finish()
    }
    socket.on('end', () => { remoteEnded = true; finish() })
    const chunk = 65536
    const block = crypto.randomBytes(chunk)
    let off = 0
    const pump = () => {
      while (off < bytes) {
        const n = Math.min(chunk, bytes - off)
        const piece = b4a.from(block.subarray(0, n))
        piece[0] = (off >>> 16) & 0xff // vary the blocks a little
        sent.update(piece)
        off += n
        if (!socket.write(piece)) { socket.once('drain', pump); return }
      }
      if (sentHex === null) {
        sentHex = sent.digest('hex')
        // secret-stream destroys its UDX stream as soon as both sides ended, which can drop data
        // the peer has not acknowledged yet (through a relay, one hop more, it does): end only
        // once the peer's bytes are all in (both sides send the same amount here), so neither
        // side's destroy can cut off data the other still waits for.
        endWhenDone()
      }
    }
    pump()
  })
}

const ops = {
  async testnet ({ size }) {
    const t = await createTestnet(size, { host: '127.0.0.1' })
    testnets.push(t)
    return { bootstrap: t.bootstrap.map(addr) }
  },
  async client ({ bootstrap }) {
    const dht = new HyperDHT({ ephemeral: true, bootstrap, host: '127.0.0.1', quickFirewall: false })
    await dht.fullyBootstrapped()
    nodes.push(dht)
    return { node: nodes.length - 1 }
  },
  async relay ({ node }) {
    const dht = nodes[node]
    const relay = new RelayServer({
      createStream (opts) { return dht.createRawStream({ ...opts, framed: true }) }
    })
    const entry = { relay, errors: [] }
    const server = dht.createServer((socket) => {
      const session = relay.accept(socket, { id: socket.remotePublicKey })
      session.on('error', (err) => entry.errors.push(String(err)))
      socket.on('error', () => {})
    })
    const keyPair = HyperDHT.keyPair()
    await server.listen(keyPair)
    relays.push(entry)
    return { relay: relays.length - 1, publicKey: hex(keyPair.publicKey) }
  },
  async relayStats ({ relay }) {
    const s = relays[relay].relay.stats
    return {
      stats: { pairings: { ...s.pairings }, streamsOpened: s.streams.opened, sessionsAccepted: s.sessions.accepted },
      errors: relays[relay].errors
    }
  },
  async listen ({ node, bytes, relayThrough }) {
    const keyPair = HyperDHT.keyPair()
    const entry = { connections: [], errors: [] }
    const server = nodes[node].createServer({ holepunch: false, shareLocalAddress: false, relayThrough: key(relayThrough) }, (socket) => {
      exchange(socket, bytes).then((r) => entry.connections.push({
        ...r,
        remoteAddress: socket.rawStream ? `${socket.rawStream.remoteHost}:${socket.rawStream.remotePort}` : null
      }), (e) => entry.errors.push(String(e)))
    })
    await server.listen(keyPair)
    servers.push(entry)
    return { server: servers.length - 1, publicKey: hex(keyPair.publicKey) }
  },
  async served ({ server }) {
    return { connections: servers[server].connections, errors: servers[server].errors }
  },
  async connect ({ node, publicKey, bytes, relayThrough }) {
    const socket = nodes[node].connect(b4a.from(publicKey, 'hex'), {
      localConnection: false,
      fastOpen: false,
      holepunch: () => false,
      relayThrough: key(relayThrough)
    })
    const result = await exchange(socket, bytes)
    const raw = socket.rawStream
    return {
      ...result,
      remoteAddress: raw ? `${raw.remoteHost}:${raw.remotePort}` : null,
      relaying: nodes[node].stats.relaying,
      punches: nodes[node].stats.punches
    }
  },
  async exit () {
    await Promise.all(nodes.map((d) => d.destroy().catch(() => {})))
    await Promise.all(testnets.map((t) => t.destroy().catch(() => {})))
    process.stdout.write(JSON.stringify({ ok: true, bye: true }) + '\n', () => process.exit(0))
    return null
  }
}

const rl = readline.createInterface({ input: process.stdin })
rl.on('line', async (line) => {
  let cmd
  try { cmd = JSON.parse(line) } catch { return }
  const { id, op } = cmd
  try {
    if (!ops[op]) throw new Error('unknown op ' + op)
    const result = await ops[op](cmd)
    if (result !== null) process.stdout.write(JSON.stringify({ id, ok: true, ...result }) + '\n')
  } catch (err) {
    process.stdout.write(JSON.stringify({ id, ok: false, error: String(err && err.stack ? err.stack : err) }) + '\n')
  }
})
rl.on('close', () => {
  Promise.all([...nodes.map((d) => d.destroy().catch(() => {})), ...testnets.map((t) => t.destroy().catch(() => {}))])
    .then(() => process.exit(0))
})
