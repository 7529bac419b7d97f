// Node hyperdht 6.34 servers and clients for test_hyperdht_relay.cpp: one JSON command per stdin
// line, one JSON answer per stdout line ({ id, ok, ... } or { id, ok: false, error }). Every node
// binds 127.0.0.1 and is given an explicit bootstrap list: nothing leaves loopback.
//
// ops:
//   client { bootstrap, quickFirewall } one ephemeral node → { node }. quickFirewall: false skips
//                                     dht-rpc's NAT check at bootstrap, so on loopback the node stays
//                                     firewalled (a server that must be holepunched)
//   listen { node, bytes }            dht.createServer().listen(keyPair) on that node; each
//                                     connection gets `bytes` random bytes then end, and what it
//                                     receives is hashed → { server, publicKey }
//   served { server }                 the server's finished connections →
//                                     { connections: [{ remotePublicKey, sent, received, bytesReceived }] }
//   connect { node, publicKey, bytes, lan } dht.connect(publicKey) (lan: false = no LAN shortcut and no
//                                     fast-open probe: { localConnection: false, fastOpen: false }), send `bytes` random bytes then end,
//                                     read to the end → { sent, received, bytesReceived, remotePublicKey,
//                                     remoteAddress, punches: dht.stats.punches }
//   exit
'use strict'
const HyperDHT = require('hyperdht')
const b4a = require('b4a')
const crypto = require('crypto')
const readline = require('readline')

const nodes = []
const servers = []
const hex = (b) => b4a.toString(b, 'hex')
const sha = (chunks) => crypto.createHash('sha256').update(Buffer.concat(chunks)).digest('hex')

// Writes `bytes` random bytes then ends; resolves with the sent and received hashes once both
// directions have ended.
function exchange (socket, bytes) {
  const payload = crypto.randomBytes(bytes)
  const chunks = []
  let received = 0
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('exchange timed out')), 60000)
    socket.on('data', (d) => { chunks.push(d); received += d.length })
    socket.on('error', (err) => { clearTimeout(timer); reject(err) })
    socket.on('end', () => {
      clearTimeout(timer)
      resolve({
        sent: sha([payload]),
        received: sha(chunks),
        bytesReceived: received,
        remotePublicKey: hex(socket.remotePublicKey)
      })
      socket.end()
    })
    for (let i = 0; i < payload.length; i += 16384) socket.write(payload.subarray(i, i + 16384))
    socket.end()
  })
}

const ops = {
  async client ({ bootstrap, quickFirewall }) {
    const dht = new HyperDHT({ ephemeral: true, bootstrap, host: '127.0.0.1', quickFirewall: quickFirewall !== false })
    await dht.fullyBootstrapped()
    nodes.push(dht)
    return { node: nodes.length - 1 }
  },
  async listen ({ node, bytes }) {
    const keyPair = HyperDHT.keyPair()
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
  async connect ({ node, publicKey, bytes, lan }) {
    const socket = nodes[node].connect(b4a.from(publicKey, 'hex'), { localConnection: lan !== false, fastOpen: lan !== false })
    const result = await exchange(socket, bytes)
    const raw = socket.rawStream
    return {
      ...result,
      remoteAddress: raw ? `${raw.remoteHost}:${raw.remotePort}` : null,
      punches: nodes[node].stats.punches
    }
  },
  async exit () {
    await Promise.all(nodes.map((d) => d.destroy().catch(() => {})))
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
rl.on('close', () => { Promise.all(nodes.map((d) => d.destroy().catch(() => {}))).then(() => process.exit(0)) })
