// Node hyperswarm 4.17 peers for the swarm interop tests and benchmark (issue #6): one JSON command
// per stdin line, one JSON answer per stdout line ({ id, ok, ... } or { id, ok: false, error }).
// Every DHT node binds 127.0.0.1 and gets an explicit bootstrap list: nothing leaves loopback.
//
// ops:
//   testnet { size }                      hyperdht/testnet on 127.0.0.1 → { bootstrap: ["host:port", …] }
//   swarm { bootstrap, topic, server, client, bytes }
//       a Hyperswarm on its own DHT node joins `topic` (hex); every connection gets `bytes`
//       pseudo-random bytes then END (bytes < 0: nothing, and it stays open), and what arrives is
//       hashed → { swarm, publicKey }
//   status { swarm }                      → { open, events, exchanges: [{ remotePublicKey, sent,
//                                            received, bytesReceived }], errors, remotes: [hex…],
//                                            received: base64 of everything received (first MiB) }
//   leave { swarm, topic }                swarm.leave(topic)
//   destroy { swarm }                     swarm.destroy()
//   joinTime { bootstrap, topic, server, client }
//       a fresh swarm joins; resolves at its first connection → { ms } (then destroys it)
//   exit
'use strict'
const Hyperswarm = require('hyperswarm')
const HyperDHT = require('hyperdht')
const createTestnet = require('hyperdht/testnet')
const b4a = require('b4a')
const crypto = require('crypto')
const readline = require('readline')

const swarms = []
const testnets = []
const hex = (b) => b4a.toString(b, 'hex')
const addr = (a) => `${a.host}:${a.port}`

function exchange (socket, bytes, entry) {
  const sent = crypto.createHash('sha256')
  const got = crypto.createHash('sha256')
  let received = 0
  let sentHex = null
  let remoteEnded = false
  const finish = () => {
    if (sentHex === null || !remoteEnded) return
    entry.exchanges.push({ remotePublicKey: hex(socket.remotePublicKey), sent: sentHex, received: got.digest('hex'), bytesReceived: received })
  }
  socket.on('data', (d) => {
    got.update(d)
    received += d.length
    if (entry.kept.length < 1 << 20) entry.kept.push(b4a.toString(d, 'base64'))
  })
  socket.on('error', (err) => { entry.errors.push(String(err && err.message)) })
  socket.on('end', () => { remoteEnded = true; finish() })
  if (bytes < 0) return // keep the connection open, send nothing
  const chunk = 65536
  const block = crypto.randomBytes(chunk)
  let off = 0
  const pump = () => {
    while (off < bytes) {
      const n = Math.min(chunk, bytes - off)
      const piece = b4a.from(block.subarray(0, n))
      piece[0] = (off >>> 16) & 0xff
      sent.update(piece)
      off += n
      if (!socket.write(piece)) { socket.once('drain', pump); return }
    }
    if (sentHex === null) {
      sentHex = sent.digest('hex')
      socket.end()
      finish()
    }
  }
  pump()
}

function makeSwarm (bootstrap) {
  const dht = new HyperDHT({ bootstrap, host: '127.0.0.1' })
  return new Hyperswarm({ dht })
}

const ops = {
  async testnet ({ size }) {
    const t = await createTestnet(size, { host: '127.0.0.1' })
    testnets.push(t)
    return { bootstrap: t.bootstrap.map(addr) }
  },
  async swarm ({ bootstrap, topic, server, client, bytes }) {
    const swarm = makeSwarm(bootstrap)
    const entry = { swarm, open: 0, events: 0, exchanges: [], errors: [], remotes: [], kept: [] }
    swarm.on('connection', (socket) => {
      entry.events++
      entry.open++
      entry.remotes.push(hex(socket.remotePublicKey))
      socket.on('close', () => { entry.open-- })
      exchange(socket, bytes || 0, entry)
    })
    const discovery = swarm.join(b4a.from(topic, 'hex'), { server: server !== false, client: client !== false })
    await discovery.flushed()
    swarms.push(entry)
    return { swarm: swarms.length - 1, publicKey: hex(swarm.keyPair.publicKey) }
  },
  async status ({ swarm }) {
    const e = swarms[swarm]
    return { open: e.open, events: e.events, exchanges: e.exchanges, errors: e.errors, remotes: e.remotes, received: b4a.toString(b4a.concat(e.kept.map((k) => b4a.from(k, 'base64'))), 'base64') }
  },
  async leave ({ swarm, topic }) {
    await swarms[swarm].swarm.leave(b4a.from(topic, 'hex'))
    return {}
  },
  async destroy ({ swarm }) {
    await swarms[swarm].swarm.destroy()
    return {}
  },
  async joinTime ({ bootstrap, topic, server, client }) {
    const swarm = makeSwarm(bootstrap)
    await swarm.dht.fullyBootstrapped()
    const start = Date.now()
    const connected = new Promise((resolve) => swarm.once('connection', resolve))
    swarm.join(b4a.from(topic, 'hex'), { server: server !== false, client: client !== false })
    await connected
    const ms = Date.now() - start
    swarm.destroy().catch(() => {})
    return { ms }
  },
  async exit () {
    await Promise.all(swarms.map((e) => e.swarm.destroy().catch(() => {})))
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
  Promise.all([...swarms.map((e) => e.swarm.destroy().catch(() => {})), ...testnets.map((t) => t.destroy().catch(() => {}))])
    .then(() => process.exit(0))
})
