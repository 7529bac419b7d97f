// Node peer for interop_udx_secure: the unmodified @hyperswarm/secret-stream over a udx-native stream on
// 127.0.0.1, driven by one JSON argument:
//   { mode, id, remoteId, remotePort|null, size, seed, initiator, timeoutMs }
// Prints "READY <port>" once bound; when remotePort is null the udx stream learns its remote from the
// first packet through the firewall hook (as hyperdht does). Ends with one JSON line when the
// secret-stream has closed:
//   { sent, received, sentHash, recvHash, ended, error, publicKey, remotePublicKey, handshakeHash, messages }
// Modes: transfer (send `size` random bytes in 64 KiB writes honouring backpressure, then end; hash
// what arrives), datagrams (answer every unordered message with send("echo:" + it) and
// trySend("from-node"); end when the peer ends).
'use strict'
const UDX = require('udx-native')
const NoiseSecretStream = require('@hyperswarm/secret-stream')
const crypto = require('crypto')

const cfg = JSON.parse(process.argv[2])
const udx = new UDX()
const socket = udx.createSocket()
socket.bind(0, '127.0.0.1')

let raw
const opts = {}
if (cfg.remotePort == null) {
  opts.firewall = (sock, port, host) => {
    if (!raw.connected) raw.connect(sock, cfg.remoteId, port, host)
    return false
  }
}
raw = udx.createStream(cfg.id, opts)
if (cfg.remotePort != null) raw.connect(socket, cfg.remoteId, cfg.remotePort, '127.0.0.1')
const s = new NoiseSecretStream(cfg.initiator, raw, { keyPair: NoiseSecretStream.keyPair(Buffer.from(cfg.seed, 'hex')) })

const recvHash = crypto.createHash('sha256')
const sentHash = crypto.createHash('sha256')
const result = { sent: 0, received: 0, ended: false, error: null, messages: [] }
let finished = false
function finish () {
  if (finished) return
  finished = true
  result.sentHash = sentHash.digest('hex')
  result.recvHash = recvHash.digest('hex')
  result.publicKey = s.publicKey ? s.publicKey.toString('hex') : null
  result.remotePublicKey = s.remotePublicKey ? s.remotePublicKey.toString('hex') : null
  result.handshakeHash = s.handshakeHash ? s.handshakeHash.toString('hex') : null
  result.retransmits = raw.retransmits
  process.stdout.write(JSON.stringify(result) + '\n')
  socket.close()
  setTimeout(() => process.exit(0), 50)
}

s.on('data', (d) => {
  recvHash.update(d)
  result.received += d.byteLength
})
s.on('end', () => {
  result.ended = true
  if (cfg.mode === 'datagrams') s.end()
})
s.on('error', (e) => { result.error = e.code || e.message || String(e) })
s.on('close', finish)
s.on('message', (m) => {
  result.messages.push(m.toString())
  s.send(Buffer.concat([Buffer.from('echo:'), m]))
  s.trySend(Buffer.from('from-node'))
})

function pump () {
  while (result.sent < cfg.size) {
    const n = Math.min(65536, cfg.size - result.sent)
    const buf = crypto.randomBytes(n)
    sentHash.update(buf)
    result.sent += n
    if (!s.write(buf)) { s.once('drain', pump); return }
  }
  s.end()
}

process.stdout.write('READY ' + socket.address().port + '\n')
if (cfg.mode === 'transfer') s.once('connect', pump)
setTimeout(() => { result.error = result.error || 'node peer timeout'; finish() }, cfg.timeoutMs || 60000)
