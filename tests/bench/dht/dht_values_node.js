// The same workload as bench_dht_values.cpp, with npm hyperdht's codecs (lib/messages.js) and the
// ANNOUNCE verification hyperdht's storing node runs (lib/persistent.js: annSignable + Ed25519).
//   node dht_values_node.js RUNS ITERATIONS
'use strict'
const c = require('compact-encoding')
const b4a = require('b4a')
const sodium = require('sodium-universal')
const m = require('hyperdht/lib/messages')
const { NS } = require('hyperdht/lib/constants')

const runs = Number(process.argv[2]) || 5
const iterations = Number(process.argv[3]) || 20000
const h = (s) => b4a.from(s, 'hex')
const sig = 'ee55c9e054ddaf65cea37375e8f224aee1da3156ebf6f06e8311bd4d3f3cdf13c94879fb6889ac1d1e4a9f12e1ddfc227862f9327ecaf390eea94ffd05df6f0f'
const announce = h('058a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac2' + sig)
const values = [
  [m.peer, h('8a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac2')],
  [m.lookupRawReply, h('018a88e3dd7409f195fd52db2d3cba5d72ca6709bf1d94121bf3748801b40f6f5c017f0000014ac200')],
  [m.announce, announce],
  [m.handshake, h('030303aabbcc010203040500060708090a00')],
  [m.holepunch, h('0100000201027f000001f383')],
  [m.holepunchPayload, h('16000201017f00000183981111111111111111111111111111111111111111111111111111111111111111')],
  [m.noisePayload, h('0159000000017f0000014ac27f000001f3830100fe29d8e7150001017f0000014ac2')]
]
// lookupRawReply encodes raw peer buffers; hand it what hyperdht's storing node hands it.
function roundTrip ([enc, wire]) {
  const v = c.decode(enc, wire)
  if (enc === m.lookupRawReply) v.peers = v.peers.map((p) => c.encode(m.peer, p))
  return c.encode(enc, v).length
}
const nodeId = b4a.alloc(32)
sodium.crypto_generichash(nodeId, h('7f0000014ac2'))
const target = b4a.alloc(32, 0xaa)
const token = b4a.alloc(32, 0x11)
function verify () {
  const ann = c.decode(m.announce, announce)
  const hash = b4a.alloc(32)
  sodium.crypto_generichash_batch(hash, [target, nodeId, token, c.encode(m.peer, ann.peer)])
  return sodium.crypto_sign_verify_detached(ann.signature, b4a.concat([NS.ANNOUNCE, hash]), ann.peer.publicKey) ? 1 : 0
}
if (!verify()) throw new Error('V6 announce does not verify')
const opsPerSecond = (f, n) => {
  let sink = 0
  const t = process.hrtime.bigint()
  for (let i = 0; i < n; i++) sink += f()
  const s = Number(process.hrtime.bigint() - t) / 1e9
  if (sink < 0) console.log('')
  return n / s
}
const median = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1]
const codec = []; const verifies = []
for (let r = 0; r < runs; r++) {
  codec.push(opsPerSecond(() => values.reduce((n, v) => n + roundTrip(v), 0), iterations) * values.length)
  verifies.push(opsPerSecond(verify, Math.max(1, iterations / 10)))
}
console.log(JSON.stringify({ impl: 'node', figure: 'value round trips/s', median: Math.round(median(codec)) }))
console.log(JSON.stringify({ impl: 'node', figure: 'announce verifies/s', median: Math.round(median(verifies)) }))
