// Interop peer for tests/interop/test_secretstream.cpp: the unmodified @hyperswarm/secret-stream over a
// net.Socket on 127.0.0.1. It sends SIZE random bytes (64 KiB writes, honouring backpressure) while
// receiving, ends its side, and when the stream has closed prints one JSON line with the SHA-256 of
// what it sent and received, the handshake hash and both public keys.
//   node secretstream_peer.js listen  0    SIZE SEEDHEX [IK REMOTEKEYHEX]   (prints "PORT <n>" first)
//   node secretstream_peer.js connect PORT SIZE SEEDHEX [IK REMOTEKEYHEX]
// With IK the in-band handshake uses pattern IK (the initiator must be given the responder's key).
'use strict'
const net = require('net')
const crypto = require('crypto')
const NoiseSecretStream = require('@hyperswarm/secret-stream')

const [mode, portArg, sizeArg, seedHex, pattern, remoteKeyHex] = process.argv.slice(2)
const size = Number(sizeArg)
const keyPair = NoiseSecretStream.keyPair(Buffer.from(seedHex, 'hex'))

function fail (message) {
  console.log(JSON.stringify({ error: message }))
  process.exit(1)
}

setTimeout(() => fail('timed out'), 120000).unref()

function run (socket) {
  socket.setNoDelay(true)
  const opts = { keyPair }
  if (pattern === 'IK') {
    opts.pattern = 'IK'
    if (mode === 'connect') opts.remotePublicKey = Buffer.from(remoteKeyHex, 'hex')
  }
  const s = new NoiseSecretStream(mode === 'connect', socket, opts)
  const sentHash = crypto.createHash('sha256')
  const recvHash = crypto.createHash('sha256')
  let recvBytes = 0
  let sentBytes = 0
  s.on('data', (d) => { recvHash.update(d); recvBytes += d.byteLength })
  s.on('error', (e) => fail(e.message))
  s.on('connect', () => {
    let left = size
    const pump = () => {
      while (left > 0) {
        const chunk = crypto.randomBytes(Math.min(65536, left))
        left -= chunk.byteLength
        sentBytes += chunk.byteLength
        sentHash.update(chunk)
        if (!s.write(chunk)) { s.once('drain', pump); return }
      }
      s.end()
    }
    pump()
  })
  s.on('close', () => {
    if (!s.handshakeHash) fail('closed before the handshake')
    console.log(JSON.stringify({
      handshakeHash: s.handshakeHash.toString('hex'),
      publicKey: s.publicKey.toString('hex'),
      remotePublicKey: s.remotePublicKey.toString('hex'),
      sentHash: sentHash.digest('hex'),
      recvHash: recvHash.digest('hex'),
      sentBytes,
      recvBytes
    }))
    process.exit(0)
  })
}

if (mode === 'listen') {
  const server = net.createServer({ allowHalfOpen: true }, (sock) => { server.close(); run(sock) })
  server.listen(Number(portArg), '127.0.0.1', () => console.log('PORT ' + server.address().port))
} else {
  const sock = net.connect({ port: Number(portArg), host: '127.0.0.1', allowHalfOpen: true })
  sock.on('error', (e) => fail(e.message))
  run(sock)
}
