// Node hyperdht 6.34 peers for test_hyperdht_connect.cpp (issue #6, connect/listen): one JSON command
// per stdin line, one JSON answer per stdout line ({ id, ok, ... } or { id, ok: false, error }).
// Every node binds 127.0.0.1 and gets an explicit bootstrap list: nothing leaves loopback.
//
// ops:
//   testnet { size }                 hyperdht/testnet on 127.0.0.1 → { bootstrap: ["host:port", …] }
//   client { bootstrap, quickFirewall } a fresh ephemeral node → { node }
//   listen { node, bytes, seed }     createServer().listen(keyPair): each connection gets `bytes` random
//                                    bytes then END; what arrives is hashed → { server, publicKey }
//   served { server }                → { connections: [{ remotePublicKey, sent, received, bytesReceived }], errors }
//   connect { node, publicKey, bytes, lan, relayAddresses } dht.connect, send `bytes`, read to the end →
//                                    { sent, received, bytesReceived, remotePublicKey, remoteAddress, ms }
//   connectTime { node, publicKey }  dht.connect, resolves at 'open' → { ms } (then closes)
//   exit
'use strict'
const HyperDHT = require('hyperdht')
const createTestnet = require('hyperdht/testnet')
const b4a = require('b4a')
const crypto = require('crypto')
const readline = require('readline')

const nodes = []
const servers = []
const testnets = []
const hex = (b) => b4a.toString(b, 'hex')
const addr = (a) => `${a.host}:${a.port}`
const parseAddr = (s) => { const i = s.lastIndexOf(':'); return { host: s.slice(0, i), port: Number(s.slice(i + 1)) } }

// Writes `bytes` pseudo-random bytes (with backpressure) then ends; resolves with both hashes once
// both directions have ended.
function exchange (socket, bytes) {
  const sent = crypto.createHash('sha256')
  const got = crypto.createHash('sha256')
  let received = 0
  let sentHex = null
  let remoteEnded = false
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('exchange timed out')), 120000)
    const finish = () => {
      if (sentHex === null || !remoteEnded) return
      clearTimeout(timer)
      resolve({ sent: sentHex, received: got.digest('hex'), bytesReceived: received, remotePublicKey: hex(socket.remotePublicKey) })
    }
    socket.on('data', (d) => { got.update(d); received += d.length })
    socket.on('error', (err) => { clearTimeout(timer); reject(err) })
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
        socket.end()
        finish()
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
  async client ({ bootstrap, quickFirewall }) {
    const dht = new HyperDHT({ ephemeral: true, bootstrap, host: '127.0.0.1', quickFirewall: quickFirewall !== false })
    await dht.fullyBootstrapped()
    nodes.push(dht)
    return { node: nodes.length - 1 }
  },
  async listen ({ node, bytes, seed }) {
    const keyPair = HyperDHT.keyPair(seed ? b4a.from(seed, 'hex') : undefined)
    const entry = { connections: [], errors: [] }
    const server = nodes[node].createServer((socket) => {
      exchange(socket, bytes).then((r) => entry.connections.push(r), (e) => entry.errors.push(String(e)))
    })
    await server.listen(keyPair)
    servers.push(entry)
    return { server: servers.length - 1, publicKey: hex(keyPair.publicKey) }
  },
  async served ({ server }) {
    return { connections: servers[server].connections, errors: servers[server].errors }
  },
  async connect ({ node, publicKey, bytes, lan, relayAddresses }) {
    const start = Date.now()
    const socket = nodes[node].connect(b4a.from(publicKey, 'hex'), {
      localConnection: lan !== false,
      fastOpen: lan !== false,
      relayAddresses: (relayAddresses || []).map(parseAddr)
    })
    let openMs = null
    socket.once('open', () => { openMs = Date.now() - start })
    const result = await exchange(socket, bytes)
    const raw = socket.rawStream
    return { ...result, ms: openMs, remoteAddress: raw ? `${raw.remoteHost}:${raw.remotePort}` : null, punches: nodes[node].stats.punches }
  },
  async connectTime ({ node, publicKey }) {
    const start = Date.now()
    const socket = nodes[node].connect(b4a.from(publicKey, 'hex'))
    await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject) })
    const ms = Date.now() - start
    socket.destroy()
    return { ms }
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
