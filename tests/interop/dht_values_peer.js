// Writes random hyperdht values encoded by hyperdht's own codecs (lib/messages.js) and signed by
// its own signing code (lib/persistent.js), one JSON object per line, for test_dht_values.cpp to
// decode, re-encode and verify. Deterministic for a given seed. Opens no socket.
//   node dht_values_peer.js SEED COUNT
'use strict'
const c = require('compact-encoding')
const b4a = require('b4a')
const m = require('hyperdht/lib/messages')
const Persistent = require('hyperdht/lib/persistent')
const { createKeyPair } = require('hyperdht/lib/crypto')

let state = (Number(process.argv[2]) >>> 0) || 1
const count = Number(process.argv[3]) || 100
function rnd () { // xorshift32
  state ^= state << 13; state >>>= 0
  state ^= state >>> 17
  state ^= state << 5; state >>>= 0
  return state
}
const int = (n) => rnd() % n
const bool = () => int(2) === 1
const bytes = (n) => { const b = b4a.alloc(n); for (let i = 0; i < n; i++) b[i] = int(256); return b }
// Varints of every width: 1, 3, 5 and 9 bytes (kept within JS's safe integers).
const uint = () => [int(253), 253 + int(65000), 65536 + rnd(), 2 ** 32 + rnd() * 1000][int(4)]
const ipv4 = () => ({ host: `${int(256)}.${int(256)}.${int(256)}.${int(256)}`, port: int(65536) })
const list = (f, max) => { const a = []; for (let n = int(max + 1); n > 0; n--) a.push(f()); return a }
const peer = () => ({ publicKey: bytes(32), relayAddresses: list(ipv4, 4) })
const hexOf = (enc, v) => b4a.toString(c.encode(enc, v), 'hex')
const out = (o) => process.stdout.write(JSON.stringify(o) + '\n')

for (let i = 0; i < count; i++) {
  out({ codec: 'peer', hex: hexOf(m.peer, peer()) })
  const peers = list(peer, 3)
  out({ codec: 'lookup', hex: hexOf(m.lookupRawReply, { peers: peers.map((p) => c.encode(m.peer, p)), bump: bool() ? uint() : 0 }) })

  const kp = createKeyPair(bytes(32))
  const target = bytes(32); const token = bytes(32); const id = bytes(32)
  const unannounce = bool()
  const ann = { peer: { publicKey: kp.publicKey, relayAddresses: unannounce ? [] : list(ipv4, 3) }, refresh: bool() ? bytes(32) : null, signature: null, bump: bool() ? uint() : 0 }
  if (unannounce) {
    // hyperdht signs UNANNOUNCE with the same annSignable under NS.UNANNOUNCE (lib/persistent.js).
    const { NS } = require('hyperdht/lib/constants')
    const sodium = require('sodium-universal')
    const h = b4a.alloc(32)
    sodium.crypto_generichash_batch(h, [target, id, token, c.encode(m.peer, ann.peer), ann.refresh || b4a.alloc(0)])
    ann.signature = b4a.alloc(64)
    sodium.crypto_sign_detached(ann.signature, b4a.concat([NS.UNANNOUNCE, h]), kp.secretKey)
  } else {
    ann.signature = Persistent.signAnnounce(target, token, id, ann, kp)
  }
  out({ codec: 'announce', hex: hexOf(m.announce, ann), kind: unannounce ? 'unannounce' : 'announce', secretKey: b4a.toString(kp.secretKey, 'hex'), target: b4a.toString(target, 'hex'), token: b4a.toString(token, 'hex'), id: b4a.toString(id, 'hex') })
  // An announce with optional fields dropped at random (no signature check).
  out({ codec: 'announce', hex: hexOf(m.announce, { peer: bool() ? peer() : null, refresh: bool() ? bytes(32) : null, signature: bool() ? bytes(64) : null, bump: bool() ? uint() : 0 }) })

  const seq = uint(); const value = bytes(int(100))
  const sig = Persistent.signMutable(seq, value, kp)
  out({ codec: 'mutablePut', hex: hexOf(m.mutablePutRequest, { publicKey: kp.publicKey, seq, value, signature: sig }), secretKey: b4a.toString(kp.secretKey, 'hex') })
  out({ codec: 'mutableGet', hex: hexOf(m.mutableGetResponse, { seq, value, signature: sig }), publicKey: b4a.toString(kp.publicKey, 'hex') })
  out({ codec: 'plugin', hex: hexOf(m.pluginRequest, { plugin: ['echo', 'ü-plugin', ''][int(3)], version: uint(), command: uint(), value: bool() ? bytes(int(40)) : null }) })

  const mode = int(5)
  out({ codec: 'handshake', hex: hexOf(m.handshake, { mode, noise: bytes(int(200)), peerAddress: bool() ? ipv4() : null, relayAddress: bool() ? ipv4() : null }) })
  out({ codec: 'holepunch', hex: hexOf(m.holepunch, { mode, id: uint(), payload: bytes(int(120)), peerAddress: bool() ? ipv4() : null }) })
  // holepunchPayload's preencode reserves one byte each for flags/error/firewall/round: keep them < 253.
  out({ codec: 'holepunchPayload', hex: hexOf(m.holepunchPayload, { error: int(4), firewall: int(4), round: int(253), connected: bool(), punching: bool(), addresses: bool() ? list(ipv4, 3) : null, remoteAddress: bool() ? ipv4() : null, token: bool() ? bytes(32) : null, remoteToken: bool() ? bytes(32) : null }) })
  out({
    codec: 'noisePayload',
    hex: hexOf(m.noisePayload, {
      error: int(4),
      firewall: int(4),
      holepunch: bool() ? { id: uint(), relays: list(() => ({ relayAddress: ipv4(), peerAddress: ipv4() }), 3) } : null,
      addresses4: list(ipv4, 3),
      addresses6: bool() ? [{ host: '::1', port: int(65536) }, { host: '2001:db8::' + int(65535).toString(16), port: int(65536) }] : [],
      udx: bool() ? { reusableSocket: bool(), id: rnd(), seq: 0 } : null,
      secretStream: bool() ? {} : null,
      relayThrough: bool() ? { publicKey: bytes(32), token: bytes(32) } : null,
      relayAddresses: bool() ? list(ipv4, 3) : null
    })
  })
}
