// Node hyperdht 6.34 nodes driven by the C++ interop tests (test_hyperdht_*.cpp): one JSON command
// per stdin line, one JSON answer per stdout line ({ id, ok, ... } or { id, ok: false, error }).
// Every node binds 127.0.0.1 and is given an explicit bootstrap list: nothing leaves loopback.
//
// ops:
//   testnet { size }                      hyperdht/testnet: size persistent nodes (the first stays
//                                         ephemeral, §2.8) → { bootstrap, nodes }
//   persistent { count, bootstrap }       count nodes with ephemeral:false joining bootstrap → { nodes }
//   client { bootstrap }                  one ephemeral node → { node }
//   announce { node, topic, seed?, relays? }  topic announce (hyperdht dht.announce) → { publicKey }
//   lookup { node, topic }                → { peers: [{ publicKey, relayAddresses }] } (deduplicated)
//   findPeer { node, publicKey }          → { peers }
//   stored { topic }                      how many of our persistent nodes hold a record for topic,
//                                         read from their record cache → { holders, publicKeys }
//   mutablePut { node, seed, value, seq } → { publicKey }
//   mutableGet { node, publicKey, seq }   → { found, seq, value }
//   immutablePut { node, value }          → { hash }
//   immutableGet { node, hash }           → { found, value }
//   info                                  → { nodes: [{ index, address, persistent, tableSize }] }
//   exit
'use strict'
const HyperDHT = require('hyperdht')
const createTestnet = require('hyperdht/testnet')
const b4a = require('b4a')
const readline = require('readline')

const nodes = []
const hex = (b) => b4a.toString(b, 'hex')
const buf = (h) => b4a.from(h, 'hex')
const addr = (a) => `${a.host}:${a.port}`
const parseAddr = (s) => { const i = s.lastIndexOf(':'); return { host: s.slice(0, i), port: Number(s.slice(i + 1)) } }

function add (dht) { nodes.push(dht); return nodes.length - 1 }

async function persistentNode (bootstrap) {
  const dht = new HyperDHT({ ephemeral: false, firewalled: false, bootstrap, host: '127.0.0.1' })
  await dht.fullyBootstrapped()
  return dht
}

const ops = {
  async testnet ({ size }) {
    const t = await createTestnet(size, { host: '127.0.0.1' })
    const indexes = t.nodes.map(add)
    return { bootstrap: t.bootstrap.map(addr), nodes: indexes.map((i) => addr(nodes[i].address())) }
  },
  async persistent ({ count, bootstrap }) {
    const out = []
    // One at a time, as hyperdht/testnet does, so each finds the previous ones.
    for (let i = 0; i < count; i++) out.push(add(await persistentNode(bootstrap)))
    return { nodes: out.map((i) => addr(nodes[i].address())), indexes: out }
  },
  async client ({ bootstrap }) {
    const dht = new HyperDHT({ ephemeral: true, bootstrap, host: '127.0.0.1' })
    await dht.fullyBootstrapped()
    return { node: add(dht) }
  },
  async announce ({ node, topic, seed, relays }) {
    const dht = nodes[node]
    const keyPair = HyperDHT.keyPair(seed ? buf(seed) : undefined)
    await dht.announce(buf(topic), keyPair, (relays || []).map(parseAddr)).finished()
    return { publicKey: hex(keyPair.publicKey) }
  },
  async lookup ({ node, topic }) {
    const seen = new Map()
    for await (const reply of nodes[node].lookup(buf(topic))) {
      for (const p of reply.peers) {
        const k = hex(p.publicKey)
        if (!seen.has(k)) seen.set(k, p.relayAddresses.map(addr))
      }
    }
    return { peers: [...seen].map(([publicKey, relayAddresses]) => ({ publicKey, relayAddresses })) }
  },
  async findPeer ({ node, publicKey }) {
    const peers = []
    for await (const reply of nodes[node].findPeer(buf(publicKey))) {
      peers.push({ publicKey: hex(reply.peer.publicKey), relayAddresses: reply.peer.relayAddresses.map(addr), from: addr(reply.from) })
    }
    return { peers }
  },
  async stored ({ topic }) {
    let holders = 0
    const publicKeys = new Set()
    for (const dht of nodes) {
      if (!dht._persistent) continue
      const records = dht._persistent.records.get(topic, 1000)
      if (records.length) holders++
      for (const r of records) publicKeys.add(hex(r.subarray(0, 32)))
    }
    return { holders, publicKeys: [...publicKeys] }
  },
  async mutablePut ({ node, seed, value, seq }) {
    const keyPair = HyperDHT.keyPair(buf(seed))
    await nodes[node].mutablePut(keyPair, buf(value), { seq })
    return { publicKey: hex(keyPair.publicKey) }
  },
  async mutableGet ({ node, publicKey, seq }) {
    const r = await nodes[node].mutableGet(buf(publicKey), { seq: seq || 0, latest: true })
    return r ? { found: true, seq: r.seq, value: hex(r.value) } : { found: false }
  },
  async immutablePut ({ node, value }) {
    const r = await nodes[node].immutablePut(buf(value))
    return { hash: hex(r.hash) }
  },
  async immutableGet ({ node, hash }) {
    const r = await nodes[node].immutableGet(buf(hash))
    return r ? { found: true, value: hex(r.value) } : { found: false }
  },
  async info () {
    return {
      nodes: nodes.map((dht, index) => ({
        index,
        address: addr(dht.address()),
        persistent: !dht.ephemeral,
        tableSize: dht.table.toArray().length
      }))
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
