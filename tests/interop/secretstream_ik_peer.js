// Interop peer for the keys-handed-in mode (hyperdht mode, connection.md §5.7): runs Noise IK with
// hyperdht's prologue exactly as hyperdht does (noise-handshake + noise-curve-ed, NS.PEER_HANDSHAKE),
// carrying the two messages as uint24-framed records over a net.Socket on 127.0.0.1 (hyperdht carries
// them in DHT messages instead), then hands the result to the unmodified @hyperswarm/secret-stream via
// its `handshake` option on the same socket. Sends SIZE random bytes, prints one JSON line at close.
//   node secretstream_ik_peer.js listen  0    SIZE SEEDHEX             (responder; prints "PORT <n>")
//   node secretstream_ik_peer.js connect PORT SIZE SEEDHEX REMOTEKEYHEX (initiator)
'use strict'
const net = require('net')
const crypto = require('crypto')
const Noise = require('noise-handshake')
const curve = require('noise-curve-ed')
const NoiseSecretStream = require('@hyperswarm/secret-stream')
const { NS } = require('hyperdht/lib/constants')

const [mode, portArg, sizeArg, seedHex, remoteKeyHex] = process.argv.slice(2)
const size = Number(sizeArg)
const keyPair = NoiseSecretStream.keyPair(Buffer.from(seedHex, 'hex'))
const isInitiator = mode === 'connect'
const PAYLOAD = Buffer.from(isInitiator ? '011800000100fe0d0c0b0a0001' : '011a0001017f00000149c20100fe040302010001', 'hex')

function fail (message) {
  console.log(JSON.stringify({ error: message }))
  process.exit(1)
}
setTimeout(() => fail('timed out'), 120000).unref()

function frame (msg) {
  const out = Buffer.alloc(3 + msg.byteLength)
  out.writeUIntLE(msg.byteLength, 0, 3)
  msg.copy(out, 3)
  return out
}

function run (socket) {
  socket.setNoDelay(true)
  const noise = new Noise('IK', isInitiator, keyPair, { curve })
  noise.initialise(NS.PEER_HANDSHAKE, isInitiator ? Buffer.from(remoteKeyHex, 'hex') : undefined)
  let buf = Buffer.alloc(0)
  let remotePayload = null
  const onData = (data) => {
    buf = Buffer.concat([buf, data])
    if (buf.byteLength < 3) return
    const len = buf.readUIntLE(0, 3)
    if (buf.byteLength < 3 + len) return
    const msg = Buffer.from(buf.subarray(3, 3 + len))
    const rest = buf.subarray(3 + len)
    try {
      remotePayload = noise.recv(msg)
      if (!isInitiator) socket.write(frame(noise.send(PAYLOAD)))
    } catch (e) {
      fail('Noise: ' + e.message)
    }
    socket.removeListener('data', onData)
    socket.pause()
    if (rest.byteLength) socket.unshift(rest)  // the peer's header may share our last chunk
    startStream(socket, remotePayload)
  }
  socket.on('data', onData)
  socket.on('error', (e) => fail(e.message))
  if (isInitiator) socket.write(frame(noise.send(PAYLOAD)))

  function startStream (socket, payload) {
    const s = new NoiseSecretStream(isInitiator, socket, {
      handshake: { tx: noise.tx, rx: noise.rx, hash: noise.hash, publicKey: keyPair.publicKey, remotePublicKey: noise.rs }
    })
    const sentHash = crypto.createHash('sha256')
    const recvHash = crypto.createHash('sha256')
    let recvBytes = 0
    s.on('data', (d) => { recvHash.update(d); recvBytes += d.byteLength })
    s.on('error', (e) => fail(e.message))
    let left = size
    const pump = () => {
      while (left > 0) {
        const chunk = crypto.randomBytes(Math.min(65536, left))
        left -= chunk.byteLength
        sentHash.update(chunk)
        if (!s.write(chunk)) { s.once('drain', pump); return }
      }
      s.end()
    }
    pump()
    s.on('close', () => {
      console.log(JSON.stringify({
        handshakeHash: s.handshakeHash.toString('hex'),
        publicKey: s.publicKey.toString('hex'),
        remotePublicKey: s.remotePublicKey.toString('hex'),
        remotePayload: payload.toString('hex'),
        sentHash: sentHash.digest('hex'),
        recvHash: recvHash.digest('hex'),
        recvBytes
      }))
      process.exit(0)
    })
  }
}

if (mode === 'listen') {
  const server = net.createServer({ allowHalfOpen: true }, (sock) => { server.close(); run(sock) })
  server.listen(Number(portArg), '127.0.0.1', () => console.log('PORT ' + server.address().port))
} else {
  const sock = net.connect({ port: Number(portArg), host: '127.0.0.1', allowHalfOpen: true })
  run(sock)
}
