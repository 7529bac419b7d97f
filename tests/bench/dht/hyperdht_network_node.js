// npm hyperdht 6.34 on loopback, measured the same way as bench_hyperdht_network.cpp:
//   node --expose-gc hyperdht_network_node.js LOOKUPS RECORDS
// lookup_ms: hyperdht/testnet of 20 nodes on 127.0.0.1, one topic announced by one node; an
// ephemeral client runs LOOKUPS lookups one after the other; median ms per query.
// bytes_per_record: a persistent node's storage is sent RECORDS signed announces (RECORDS/10
// topics × 10 peers, 3 relay addresses each) through its ANNOUNCE handler; heap growth (V8 heap +
// array buffers, after gc) divided by RECORDS. One JSON line per figure.
'use strict'
const HyperDHT = require('hyperdht')
const createTestnet = require('hyperdht/testnet')
const Persistent = require('hyperdht/lib/persistent')
const m = require('hyperdht/lib/messages')
const c = require('compact-encoding')
const b4a = require('b4a')

const lookups = Number(process.argv[2]) || 50
const records = Number(process.argv[3]) || 10000
const median = (v) => { v.sort((a, b) => a - b); return v.length ? v[Math.floor(v.length / 2)] : 0 }
const heap = () => { global.gc(); global.gc(); const u = process.memoryUsage(); return u.heapUsed + u.arrayBuffers }

async function recordMemory (testnet) {
  const dht = testnet.nodes[1]
  const token = b4a.alloc(32, 0x11)
  // As in the C++ bench: heap before the requests exist vs after they are gone, storage kept.
  const before = heap()
  const requests = []
  for (let i = 0; i < records; i++) {
    const keyPair = HyperDHT.keyPair()
    const target = HyperDHT.hash(b4a.from(String(Math.floor(i / 10))))
    const peer = { publicKey: keyPair.publicKey, relayAddresses: [{ host: '127.0.0.1', port: 1000 + i % 1000 }, { host: '127.0.0.2', port: 2000 }, { host: '127.0.0.3', port: 3000 }] }
    const ann = { peer, refresh: null, signature: null, bump: 0 }
    ann.signature = Persistent.signAnnounce(target, token, dht.id, ann, keyPair)
    requests.push({ target, token, value: c.encode(m.announce, ann), from: { host: '127.0.0.1', port: 40000 } })
  }
  // The same storage hyperdht gives a node when it becomes persistent (default limits).
  const storage = new Persistent(dht, { records: { maxSize: 65536, maxAge: 20 * 60 * 1000 }, refreshes: { maxSize: 65536, maxAge: 20 * 60 * 1000 }, mutables: { maxSize: 32768, maxAge: 48 * 3600 * 1000 }, immutables: { maxSize: 32768, maxAge: 48 * 3600 * 1000 }, bumps: { maxSize: 65536, maxAge: 20 * 60 * 1000 } })
  let stored = 0
  for (const r of requests) storage.onannounce({ ...r, reply () { stored++ } })
  requests.length = 0
  const after = heap()
  const out = { figure: 'bytes_per_record', impl: 'node', median: Math.round((after - before) / records * 10) / 10, n: records, stored: storage.records.size }
  process.stdout.write(JSON.stringify(out) + '\n')
  storage.destroy()
}

async function main () {
  const testnet = await createTestnet(20, { host: '127.0.0.1' })
  await recordMemory(testnet)
  const topic = HyperDHT.hash(b4a.from('bench topic'))
  const keyPair = HyperDHT.keyPair()
  await testnet.nodes[5].announce(topic, keyPair, [testnet.nodes[5].address()]).finished()
  const client = testnet.createNode()
  await client.fullyBootstrapped()
  const ms = []
  let misses = 0
  for (let i = 0; i < lookups; i++) {
    const t = process.hrtime.bigint()
    let found = false
    for await (const r of client.lookup(topic)) {
      for (const p of r.peers) found = found || b4a.equals(p.publicKey, keyPair.publicKey)
    }
    ms.push(Number(process.hrtime.bigint() - t) / 1e6)
    if (!found) misses++
  }
  process.stdout.write(JSON.stringify({ figure: 'lookup_ms_20_nodes', impl: 'node', median: Math.round(median(ms) * 1000) / 1000, n: lookups, misses }) + '\n')
  await client.destroy()
  await testnet.destroy()
}

main().catch((err) => { console.error(err); process.exit(1) })
