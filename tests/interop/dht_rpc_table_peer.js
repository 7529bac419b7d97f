// Reference outputs of kademlia-routing-table and nat-sampler (the modules dht-rpc 6.27 uses) for
// test_dht_rpc_table.cpp: random tables with closest() answers, and random NAT sample sequences with
// the sampler's verdict after each sample. Deterministic for a seed. Opens no socket.
//   node dht_rpc_table_peer.js SEED
'use strict'
const RoutingTable = require('kademlia-routing-table')
const NatSampler = require('nat-sampler')
const b4a = require('b4a')

let state = (Number(process.argv[2]) >>> 0) || 1
function rnd () { state ^= state << 13; state >>>= 0; state ^= state >>> 17; state ^= state << 5; state >>>= 0; return state }
const int = (n) => rnd() % n
const bytes = (n) => { const b = b4a.alloc(n); for (let i = 0; i < n; i++) b[i] = int(256); return b }
// An id sharing a random number of leading bits with `base`, so that rows fill unevenly.
function near (base) {
  const id = bytes(32)
  const shared = int(24)
  for (let bit = 0; bit < shared; bit++) {
    const byte = bit >> 3; const mask = 0x80 >> (bit & 7)
    id[byte] = (id[byte] & ~mask) | (base[byte] & mask)
  }
  return id
}
const hex = (b) => b4a.toString(b, 'hex')
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n')

for (let t = 0; t < 30; t++) {
  const table = new RoutingTable(bytes(32))
  const added = []
  const n = 10 + int(400)
  for (let i = 0; i < n; i++) {
    const id = near(table.id)
    added.push({ id: hex(id), ok: table.add({ id }) })
  }
  const queries = []
  for (let i = 0; i < 10; i++) {
    const target = i % 2 ? near(table.id) : bytes(32)
    const k = [20, 5, 1000][int(3)]
    queries.push({ target: hex(target), k, closest: table.closest(target, k).map((x) => hex(x.id)) })
  }
  out({ kind: 'table', id: hex(table.id), added, size: table.size, queries })
}

for (let t = 0; t < 50; t++) {
  const s = new NatSampler()
  const hosts = ['1.2.3.4', '1.2.3.5', '9.9.9.9']
  const ports = [1000, 1001, 2000, 3000]
  const mode = int(3) // 0: mostly consistent, 1: random ports, 2: mixed hosts
  const samples = []
  for (let i = 0; i < 5 + int(60); i++) {
    const host = mode === 2 ? hosts[int(3)] : (int(10) === 0 ? hosts[1] : hosts[0])
    const port = mode === 1 ? 1000 + int(50000) : (int(6) === 0 ? ports[int(4)] : ports[0])
    const hits = s.add(host, port)
    samples.push({ host, port, hits, resultHost: s.host, resultPort: s.port })
  }
  out({ kind: 'nat', samples })
}
