// Interop peer for tests/interop/test_protomux.cpp: the unmodified protomux 3 over
// @hyperswarm/secret-stream on a net.Socket to 127.0.0.1:PORT (the C++ side listens).
//   node protomux_peer.js PORT
// What it does, once the secret stream is up:
//  - answers the C++ side's "echo" channels (any id): every message 0 comes back as message 1 with
//    the same bytes; the message "batch" comes back as three message-1s sent corked (one batch frame);
//  - opens a "greet" channel with a raw handshake "node-hs" and, once open, sends message 0 "hi";
//  - opens a "nobody" channel (the C++ side rejects it);
// and prints one JSON line per event ({ event, ... }) on stdout; exits when the stream closes.
'use strict'
const net = require('net')
const Protomux = require('protomux')
const NoiseSecretStream = require('@hyperswarm/secret-stream')
const c = require('compact-encoding')

const port = Number(process.argv[2])
const log = (o) => process.stdout.write(JSON.stringify(o) + '\n')
setTimeout(() => { log({ event: 'timeout' }); process.exit(1) }, 120000).unref()

const sock = net.connect({ port, host: '127.0.0.1' })
const s = new NoiseSecretStream(true, sock)
s.on('error', (e) => log({ event: 'error', message: e.message }))
s.on('close', () => { log({ event: 'closed' }); process.exit(0) })

const mux = new Protomux(s)

mux.pair({ protocol: 'echo' }, (id) => {
  const ch = mux.createChannel({
    protocol: 'echo',
    id,
    onopen () { log({ event: 'echo-open', id: id ? id.toString('hex') : null }) },
    onclose (isRemote) { log({ event: 'echo-close', isRemote }) }
  })
  const m0 = ch.addMessage({
    encoding: c.raw,
    onmessage (buf) {
      if (buf.toString() === 'batch') {
        ch.cork()
        m1.send(Buffer.from('one'))
        m1.send(Buffer.from('two'))
        m1.send(Buffer.from('three'))
        ch.uncork()
        return
      }
      m1.send(buf)
    }
  })
  const m1 = ch.addMessage({ encoding: c.raw })
  void m0
  ch.open()
})

s.on('connect', () => {
  const greet = mux.createChannel({
    protocol: 'greet',
    handshake: c.raw,
    onopen (handshake) {
      log({ event: 'greet-open', handshake: handshake.toString() })
      hi.send(Buffer.from('hi'))
    },
    onclose (isRemote) { log({ event: 'greet-close', isRemote }) }
  })
  const hi = greet.addMessage({ encoding: c.raw })
  greet.addMessage({ encoding: c.raw, onmessage (buf) { log({ event: 'greet-message', text: buf.toString() }) } })
  greet.open(Buffer.from('node-hs'))

  const nobody = mux.createChannel({
    protocol: 'nobody',
    onclose (isRemote) { log({ event: 'nobody-close', isRemote, opened: nobody.opened }) }
  })
  nobody.open()
})
