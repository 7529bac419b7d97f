// A PluresDB 2.x sync peer for the interop tests and the sync benchmark: the 2.x wire protocol as
// issue #7 describes it (newline-delimited UTF-8 JSON: sync_request, put, delete) over a raw
// @hyperswarm/secret-stream on a TCP socket, as 2.x runs it over hyperswarm connections. No
// PluresDB package: the store is a Map of nodes {id, data, timestamp, state, vectorClock}, merged
// per field by the state times (last writer wins), and puts/deletes are relayed to the other peers.
//
//   node legacy_json_peer.js listen PORT          (prints {"event":"listening","port":N})
//   node legacy_json_peer.js connect HOST:PORT
//   node legacy_json_peer.js swarm TOPIC_HEX HOST:PORT[,…]   (joins the topic with hyperswarm 4, client
//                                                              and server, on a DHT bootstrapped from the
//                                                              given 127.0.0.1 nodes — as 2.x runs it)
// stdin, one JSON object per line -> one {"result":...} line each:
//   {"op":"put","id":ID,"data":{...}}  {"op":"delete","id":ID}  {"op":"get","id":ID}  {"op":"count"}
//   {"op":"digest"} (SHA-256 over the sorted visible records)  {"op":"raw","line":"..."} (send as is)
//   {"op":"quit"}
// events: {"event":"connected","remotePublicKey":HEX} {"event":"closed","error":...}
// Only 127.0.0.1 is ever contacted.
'use strict'
const net = require('net')
const crypto = require('crypto')
const readline = require('readline')
const NoiseSecretStream = require('@hyperswarm/secret-stream')

class LegacyPeer {
  constructor (opts = {}) {
    this.keyPair = NoiseSecretStream.keyPair(opts.seed || crypto.randomBytes(32))
    this.originId = this.keyPair.publicKey.toString('hex')
    this.nodes = new Map()
    this.conns = new Set()
    this.onEvent = opts.onEvent || (() => {})
    this.onApplied = opts.onApplied || (() => {})
    this.counter = 0
  }

  attach (socket, isInitiator) {
    socket.setNoDelay(true)
    const s = new NoiseSecretStream(isInitiator, socket, { keyPair: this.keyPair })
    return this.attachSecret(s, false)
  }

  // A secret stream whose handshake is done (a hyperswarm connection) or still running.
  attachSecret (s, open) {
    const conn = { stream: s, buf: '', remote: null }
    const onConnect = () => {
      conn.remote = s.remotePublicKey.toString('hex')
      this.conns.add(conn)
      this.onEvent({ event: 'connected', remotePublicKey: conn.remote })
      this.send(conn, { type: 'sync_request', originId: this.originId })
    }
    if (open) onConnect()
    else s.on('connect', onConnect)
    s.on('data', (d) => {
      conn.buf += d.toString('utf8')
      let nl
      while ((nl = conn.buf.indexOf('\n')) >= 0) {
        const line = conn.buf.slice(0, nl)
        conn.buf = conn.buf.slice(nl + 1)
        if (!line.trim()) continue
        let msg
        try { msg = JSON.parse(line) } catch { continue } // 2.x skips what it cannot parse
        this.handle(conn, msg)
      }
    })
    s.on('error', (e) => { conn.error = e.message })
    s.on('close', () => {
      this.conns.delete(conn)
      this.onEvent({ event: 'closed', error: conn.error || null })
    })
    return s
  }

  send (conn, msg) {
    return conn.stream.write(JSON.stringify(msg) + '\n')
  }

  broadcast (msg, except) {
    for (const c of this.conns) if (c !== except) this.send(c, msg)
  }

  handle (conn, msg) {
    if (msg.type === 'sync_request') {
      for (const node of this.nodes.values()) this.send(conn, { type: 'put', originId: this.originId, node })
    } else if (msg.type === 'put' && msg.node && typeof msg.node.id === 'string') {
      if (this.merge(msg.node)) this.broadcast(msg, conn)
      this.onApplied(msg.node.id, msg.node)
    } else if (msg.type === 'delete' && typeof msg.id === 'string') {
      if (this.nodes.delete(msg.id)) this.broadcast(msg, conn)
      this.onApplied(msg.id, null)
    }
  }

  // Field-wise last writer wins on the state times; returns whether anything changed.
  merge (incoming) {
    const local = this.nodes.get(incoming.id)
    const inState = incoming.state || {}
    if (!local) {
      const state = {}
      for (const k of Object.keys(incoming.data || {})) state[k] = inState[k] ?? incoming.timestamp
      this.nodes.set(incoming.id, { id: incoming.id, data: { ...incoming.data }, timestamp: incoming.timestamp, state, vectorClock: incoming.vectorClock || {} })
      return true
    }
    let changed = false
    for (const [k, v] of Object.entries(incoming.data || {})) {
      const t = inState[k] ?? incoming.timestamp
      if (local.state[k] === undefined || t > local.state[k]) {
        local.data[k] = v
        local.state[k] = t
        changed = true
      }
    }
    local.timestamp = Math.max(local.timestamp, incoming.timestamp)
    return changed
  }

  put (id, data) {
    const now = Date.now()
    const local = this.nodes.get(id) || { id, data: {}, timestamp: 0, state: {}, vectorClock: {} }
    for (const [k, v] of Object.entries(data)) {
      local.data[k] = v
      local.state[k] = now
    }
    local.timestamp = now
    local.vectorClock[this.originId] = ++this.counter
    this.nodes.set(id, local)
    this.broadcast({ type: 'put', originId: this.originId, node: local })
  }

  remove (id) {
    this.nodes.delete(id)
    this.broadcast({ type: 'delete', originId: this.originId, id })
  }

  digest () {
    const h = crypto.createHash('sha256')
    for (const id of [...this.nodes.keys()].sort()) h.update(JSON.stringify([id, sortKeys(this.nodes.get(id).data)]))
    return h.digest('hex')
  }
}

function sortKeys (o) {
  if (Array.isArray(o)) return o.map(sortKeys)
  if (o && typeof o === 'object') return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortKeys(o[k])]))
  return o
}

module.exports = { LegacyPeer }

if (require.main === module) {
  const [mode, where] = process.argv.slice(2)
  const out = (o) => process.stdout.write(JSON.stringify(o) + '\n')
  const peer = new LegacyPeer({ onEvent: out })
  setTimeout(() => { out({ event: 'closed', error: 'timed out' }); process.exit(1) }, 300000).unref()
  if (mode === 'listen') {
    const server = net.createServer((socket) => peer.attach(socket, false))
    server.listen(Number(where), '127.0.0.1', () => out({ event: 'listening', port: server.address().port }))
  } else if (mode === 'connect') {
    const [host, port] = where.split(':')
    if (host !== '127.0.0.1') throw new Error('tests only talk to 127.0.0.1')
    const socket = net.connect(Number(port), host)
    socket.on('error', (e) => out({ event: 'closed', error: e.message }))
    peer.attach(socket, true)
  } else if (mode === 'swarm') {
    const bootstrap = process.argv[4].split(',')
    if (!bootstrap.every((b) => b.startsWith('127.0.0.1:'))) throw new Error('tests only talk to 127.0.0.1')
    const HyperDHT = require('hyperdht')
    const Hyperswarm = require('hyperswarm')
    const swarm = new Hyperswarm({ dht: new HyperDHT({ bootstrap, host: '127.0.0.1' }), keyPair: peer.keyPair })
    swarm.on('connection', (s) => {
      s.on('error', () => {})
      peer.attachSecret(s, true)
    })
    swarm.join(Buffer.from(where, 'hex'), { server: true, client: true })
    swarm.flush().then(() => out({ event: 'joined' }))
  } else {
    console.error('usage: legacy_json_peer.js listen PORT | connect 127.0.0.1:PORT | swarm TOPIC HOST:PORT[,…]')
    process.exit(2)
  }
  const rl = readline.createInterface({ input: process.stdin })
  rl.on('line', (line) => {
    if (!line.trim()) return
    const c = JSON.parse(line)
    if (c.op === 'put') { peer.put(c.id, c.data); out({ result: { id: c.id } }) } else if (c.op === 'delete') { peer.remove(c.id); out({ result: { id: c.id } }) } else if (c.op === 'get') {
      const n = peer.nodes.get(c.id)
      out({ result: n ? n.data : null })
    } else if (c.op === 'count') out({ result: peer.nodes.size })
    else if (c.op === 'digest') out({ result: peer.digest() })
    else if (c.op === 'raw') { for (const conn of peer.conns) conn.stream.write(c.line); out({ result: true }) } else if (c.op === 'quit') { out({ result: 'bye' }); process.exit(0) } else out({ result: null, error: 'unknown op' })
  })
}
